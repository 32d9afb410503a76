CREATE INDEX `logbook_case_status_due_idx` ON `logbook_case` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_complaint_status_due_idx` ON `logbook_complaint` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_liaison_status_due_idx` ON `logbook_liaison` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_patrol_status_due_idx` ON `logbook_patrol` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_phone_status_due_idx` ON `logbook_phone` (`status`,`due_at`) WHERE superseded_by IS NULL;