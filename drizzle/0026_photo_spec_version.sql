ALTER TABLE `photo_specs` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Photo specs are the station's (issue #15; src/main/station/versioned.ts): once this PC is
-- linked, a spec created or edited here is queued with the version it was made on. A spec taken
-- from the server changes `version` too, so it is not queued back.
CREATE TRIGGER station_outbox_photo_specs_insert AFTER INSERT ON photo_specs
WHEN EXISTS (SELECT 1 FROM station_link) AND NEW.version = 0
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('photo_specs', NEW.id, 'update');
END;
--> statement-breakpoint
CREATE TRIGGER station_outbox_photo_specs_update AFTER UPDATE OF data ON photo_specs
WHEN EXISTS (SELECT 1 FROM station_link) AND NEW.version = OLD.version
  AND NEW.data IS NOT OLD.data
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('photo_specs', NEW.id, 'update');
END;
