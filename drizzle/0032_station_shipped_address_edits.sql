-- A clerk's change or removal of a shipped administrative change (origin 'seed') on a linked PC is
-- shared like the station's own rows (issue #15): the shipped rows have the same ids on every PC
-- (src/main/address/shipped-ids.ts). Seeding inserts them on each PC, so only updates and deletes
-- are queued. The sample rows stay on each PC.
DROP TRIGGER station_outbox_address_changes_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_address_changes_update AFTER UPDATE OF level, old_text, new_text,
  old_key, new_key, old_road, old_no, new_road, new_no, effective, source, note ON address_changes
WHEN NEW.origin IN ('station', 'seed') AND EXISTS (SELECT 1 FROM station_link)
  AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('address_changes', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_address_changes_delete;
--> statement-breakpoint
CREATE TRIGGER station_outbox_address_changes_delete AFTER DELETE ON address_changes
WHEN OLD.origin IN ('station', 'seed') AND EXISTS (SELECT 1 FROM station_link)
  AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT OR REPLACE INTO address_removals (id, version, old_text, new_text, removed_at)
  VALUES (OLD.id, OLD.version, OLD.old_text, OLD.new_text, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('address_removals', OLD.id, 'insert');
END;
