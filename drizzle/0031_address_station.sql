CREATE TABLE `address_removals` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`old_text` text NOT NULL,
	`new_text` text NOT NULL,
	`removed_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `address_changes` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The station's own address rows (origin 'station') on a linked PC (issue #15): a new or changed
-- row is queued over the server version it is based on (src/main/station/addresses.ts); a removed
-- one leaves a removal with the version it removed. The shipped rows (seed, sample) are the same
-- data on every PC and stay local. Quiet while a download stores what it took (drizzle/0027).
CREATE TRIGGER station_outbox_address_changes_insert AFTER INSERT ON address_changes
WHEN NEW.origin = 'station' AND EXISTS (SELECT 1 FROM station_link)
  AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('address_changes', NEW.id, 'update');
END;
--> statement-breakpoint
CREATE TRIGGER station_outbox_address_changes_update AFTER UPDATE OF level, old_text, new_text,
  old_key, new_key, old_road, old_no, new_road, new_no, effective, source, note ON address_changes
WHEN NEW.origin = 'station' AND EXISTS (SELECT 1 FROM station_link)
  AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('address_changes', NEW.id, 'update');
END;
--> statement-breakpoint
CREATE TRIGGER station_outbox_address_changes_delete AFTER DELETE ON address_changes
WHEN OLD.origin = 'station' AND EXISTS (SELECT 1 FROM station_link)
  AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT OR REPLACE INTO address_removals (id, version, old_text, new_text, removed_at)
  VALUES (OLD.id, OLD.version, OLD.old_text, OLD.new_text, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('address_removals', OLD.id, 'insert');
END;
--> statement-breakpoint
CREATE TRIGGER address_removals_no_update BEFORE UPDATE ON address_removals
BEGIN
  SELECT RAISE(ABORT, 'address_removals rows are never changed');
END;
