-- The guide's change history is append-only: no row may be changed or removed.
CREATE TRIGGER guide_changes_no_update BEFORE UPDATE ON guide_changes
BEGIN
  SELECT RAISE(ABORT, 'guide_changes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER guide_changes_no_delete BEFORE DELETE ON guide_changes
BEGIN
  SELECT RAISE(ABORT, 'guide_changes is append-only');
END;
