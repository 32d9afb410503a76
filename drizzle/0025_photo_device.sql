ALTER TABLE `photos` ADD `device_id` text;--> statement-breakpoint
-- The photos taken so far are on this PC.
UPDATE photos SET device_id = (SELECT json_extract(value, '$') FROM settings WHERE key = 'deviceId')
WHERE device_id IS NULL;
--> statement-breakpoint
-- Photo records go to the station server (issue #15); the JPEGs stay in this PC's data folder.
CREATE TRIGGER station_outbox_photos_insert AFTER INSERT ON photos
WHEN EXISTS (SELECT 1 FROM station_link)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('photos', NEW.id, 'insert');
END;
--> statement-breakpoint
CREATE TRIGGER station_outbox_photos_update AFTER UPDATE OF removed_at, removed_by ON photos
WHEN EXISTS (SELECT 1 FROM station_link)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('photos', NEW.id, 'update');
END;
