-- Other PCs' photo records are downloaded (src/main/station/downloader.ts; the JPEGs stay on the PC
-- that took them): the triggers of drizzle/0025, quiet while a download stores what it took, as
-- drizzle/0027 does for the registers.
DROP TRIGGER station_outbox_photos_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_photos_insert AFTER INSERT ON photos
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('photos', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_photos_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_photos_update AFTER UPDATE OF removed_at, removed_by ON photos
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('photos', NEW.id, 'update');
END;
