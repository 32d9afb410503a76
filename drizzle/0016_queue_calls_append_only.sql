-- The queue's call log is append-only: no row may be changed or removed.
CREATE TRIGGER queue_calls_no_update BEFORE UPDATE ON queue_calls
BEGIN
  SELECT RAISE(ABORT, 'queue_calls is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER queue_calls_no_delete BEFORE DELETE ON queue_calls
BEGIN
  SELECT RAISE(ABORT, 'queue_calls is append-only');
END;
--> statement-breakpoint
-- A rating of 不满意 or worse opens a 监督投诉 entry answered within 15 working days.
INSERT OR IGNORE INTO logbook_promise_rules (id, code, name, amount, unit, max_amount, updated_at, updated_by) VALUES
  ('7afb1450-02de-5558-9479-a94691c655e2', 'QUEUE-RATING', '窗口差评回访整改', 15, 'workingDays', NULL, '2026-01-01T00:00:00.000Z', NULL);
