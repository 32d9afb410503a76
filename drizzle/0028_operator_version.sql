ALTER TABLE `operators` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- An account changed on this PC (its name, role, password, or whether it may sign in) is queued
-- with the server version it was made on (src/main/station/accounts.ts). What is taken from the
-- server changes `version` too, or comes inside a download (station_pulling): not queued back.
-- Sign-in counters and lockouts stay on each PC.
CREATE TRIGGER station_outbox_operators_update
AFTER UPDATE OF display_name, role, password_hash, password_change_required, active ON operators
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
  AND NEW.version = OLD.version
  AND (NEW.display_name IS NOT OLD.display_name OR NEW.role IS NOT OLD.role
    OR NEW.password_hash IS NOT OLD.password_hash
    OR NEW.password_change_required IS NOT OLD.password_change_required
    OR NEW.active IS NOT OLD.active)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('operators', NEW.id, 'update');
END;
