-- The service guide travels as one station-wide setting, `guide.tree` (issue #15;
-- src/main/guide/guide-document.ts): the settings triggers of 0024 list it beside the other keys.
DROP TRIGGER station_outbox_settings_insert;
--> statement-breakpoint
DROP TRIGGER station_outbox_settings_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_settings_insert AFTER INSERT ON settings
WHEN EXISTS (SELECT 1 FROM station_link) AND NEW.version = 0
  AND NEW.key IN ('stationName', 'idleLockMinutes', 'queue.config', 'staff.config', 'guide.office', 'guide.tree')
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('settings', NEW.key, 'update');
END;
--> statement-breakpoint
CREATE TRIGGER station_outbox_settings_update AFTER UPDATE OF value ON settings
WHEN EXISTS (SELECT 1 FROM station_link) AND NEW.version = OLD.version
  AND NEW.value IS NOT OLD.value
  AND NEW.key IN ('stationName', 'idleLockMinutes', 'queue.config', 'staff.config', 'guide.office', 'guide.tree')
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('settings', NEW.key, 'update');
END;
