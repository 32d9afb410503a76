-- Covering indexes for the monthly figures (staff awards): entries handled per officer by
-- occurred_at, deadlines falling due per officer with what the on-time check reads, and each
-- entry's history by status. Not partial: SQLite cannot cover a column named only in the WHERE.
CREATE INDEX IF NOT EXISTS logbook_liaison_staff_occurred_idx ON logbook_liaison (occurred_at, superseded_by, officer_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_liaison_staff_due_idx ON logbook_liaison (due_at, superseded_by, officer_id, version, status, created_at, root_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_liaison_staff_history_idx ON logbook_liaison (root_id, status, created_at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_patrol_staff_occurred_idx ON logbook_patrol (occurred_at, superseded_by, officer_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_patrol_staff_due_idx ON logbook_patrol (due_at, superseded_by, officer_id, version, status, created_at, root_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_patrol_staff_history_idx ON logbook_patrol (root_id, status, created_at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_phone_staff_occurred_idx ON logbook_phone (occurred_at, superseded_by, officer_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_phone_staff_due_idx ON logbook_phone (due_at, superseded_by, officer_id, version, status, created_at, root_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_phone_staff_history_idx ON logbook_phone (root_id, status, created_at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_case_staff_occurred_idx ON logbook_case (occurred_at, superseded_by, officer_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_case_staff_due_idx ON logbook_case (due_at, superseded_by, officer_id, version, status, created_at, root_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_case_staff_history_idx ON logbook_case (root_id, status, created_at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_complaint_staff_occurred_idx ON logbook_complaint (occurred_at, superseded_by, officer_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_complaint_staff_due_idx ON logbook_complaint (due_at, superseded_by, officer_id, version, status, created_at, root_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS logbook_complaint_staff_history_idx ON logbook_complaint (root_id, status, created_at);
