DROP INDEX `logbook_case_occurred_idx`;--> statement-breakpoint
CREATE INDEX `logbook_case_occurred_text_idx` ON `logbook_case` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
DROP INDEX `logbook_complaint_occurred_idx`;--> statement-breakpoint
CREATE INDEX `logbook_complaint_occurred_text_idx` ON `logbook_complaint` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
DROP INDEX `logbook_liaison_occurred_idx`;--> statement-breakpoint
CREATE INDEX `logbook_liaison_occurred_text_idx` ON `logbook_liaison` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
DROP INDEX `logbook_patrol_occurred_idx`;--> statement-breakpoint
CREATE INDEX `logbook_patrol_occurred_text_idx` ON `logbook_patrol` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
DROP INDEX `logbook_phone_occurred_idx`;--> statement-breakpoint
CREATE INDEX `logbook_phone_occurred_text_idx` ON `logbook_phone` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;