ALTER TABLE `audit_log` ADD `mac` text;--> statement-breakpoint
-- Still append-only, except that a row written before macs existed may have its mac filled in once.
DROP TRIGGER audit_log_no_update;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
  OLD.mac IS NULL AND NEW.mac IS NOT NULL
  AND NEW.id IS OLD.id AND NEW.seq IS OLD.seq AND NEW.device_id IS OLD.device_id
  AND NEW.at IS OLD.at AND NEW.operator_id IS OLD.operator_id AND NEW.action IS OLD.action
  AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id AND NEW.detail IS OLD.detail
  AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
