ALTER TABLE `settings` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Station-wide settings (issue #15; src/main/station/shared-settings.ts lists the same keys): once
-- this PC is linked, a change made here is queued with the version it was made on. A value taken
-- from the server changes `version` too, so it is not queued back.
CREATE TRIGGER station_outbox_settings_insert AFTER INSERT ON settings
WHEN EXISTS (SELECT 1 FROM station_link) AND NEW.version = 0
  AND NEW.key IN ('stationName', 'idleLockMinutes', 'queue.config', 'staff.config', 'guide.office')
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('settings', NEW.key, 'update');
END;
--> statement-breakpoint
CREATE TRIGGER station_outbox_settings_update AFTER UPDATE OF value ON settings
WHEN EXISTS (SELECT 1 FROM station_link) AND NEW.version = OLD.version
  AND NEW.value IS NOT OLD.value
  AND NEW.key IN ('stationName', 'idleLockMinutes', 'queue.config', 'staff.config', 'guide.office')
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('settings', NEW.key, 'update');
END;
--> statement-breakpoint
-- A conflict the administrator or director has dealt with: 'local' (this PC's value sent again)
-- or 'server' (the server's kept).
ALTER TABLE station_conflicts ADD resolved_at TEXT;
--> statement-breakpoint
ALTER TABLE station_conflicts ADD resolved_by TEXT;
--> statement-breakpoint
ALTER TABLE station_conflicts ADD resolution TEXT CHECK (resolution IN ('local', 'server'));
