ALTER TABLE `logbook_committees` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- A committee renamed or (de)activated on this PC is queued with the server version it was made
-- on (src/main/station/committees.ts). What is taken from the server changes `version` too, or
-- comes inside a download (station_pulling): not queued back.
CREATE TRIGGER station_outbox_logbook_committees_update
AFTER UPDATE OF name, active ON logbook_committees
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
  AND NEW.version = OLD.version
  AND (NEW.name IS NOT OLD.name OR NEW.active IS NOT OLD.active)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_committees', NEW.id, 'update');
END;
--> statement-breakpoint
-- A PC already linked: its committees renamed or closed before this release (their changes
-- stayed here) go up now, as at linking (uploader.ts requeueAll).
INSERT INTO station_outbox (tbl, pk, op)
SELECT 'logbook_committees', id, 'update' FROM logbook_committees
 WHERE EXISTS (SELECT 1 FROM station_link)
   AND id IN (SELECT entity_id FROM audit_log WHERE action = 'logbook.committee.update')
 ORDER BY rowid;
