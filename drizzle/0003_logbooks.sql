CREATE TABLE `logbook_case` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`kind` text NOT NULL,
	`parties` text NOT NULL,
	`summary` text NOT NULL,
	`decision_note` text,
	`extension_reason` text,
	`extension_approved_by` text,
	`extension_approved_at` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`extension_approved_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_case_root_version_unique` ON `logbook_case` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_case_occurred_idx` ON `logbook_case` (`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_case_status_occurred_idx` ON `logbook_case` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_case_officer_occurred_idx` ON `logbook_case` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_case_due_idx` ON `logbook_case` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_case_unsigned_idx` ON `logbook_case` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_committees` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_committees_name_unique` ON `logbook_committees` (`name`);--> statement-breakpoint
CREATE TABLE `logbook_complaint` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`complainant_name` text NOT NULL,
	`complainant_phone` text,
	`subject` text NOT NULL,
	`investigation` text,
	`told_at` text,
	`told_how` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_complaint_root_version_unique` ON `logbook_complaint` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_complaint_occurred_idx` ON `logbook_complaint` (`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_complaint_status_occurred_idx` ON `logbook_complaint` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_complaint_officer_occurred_idx` ON `logbook_complaint` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_complaint_due_idx` ON `logbook_complaint` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_complaint_unsigned_idx` ON `logbook_complaint` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_liaison` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`contact_name` text NOT NULL,
	`address` text,
	`phone` text,
	`matter` text NOT NULL,
	`opinion` text,
	`note` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_liaison_root_version_unique` ON `logbook_liaison` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_liaison_occurred_idx` ON `logbook_liaison` (`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_liaison_status_occurred_idx` ON `logbook_liaison` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_liaison_officer_occurred_idx` ON `logbook_liaison` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_liaison_due_idx` ON `logbook_liaison` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_liaison_unsigned_idx` ON `logbook_liaison` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`book` text NOT NULL,
	`entry_id` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_drafts_unique` ON `logbook_drafts` (`operator_id`,`book`,`entry_id`);--> statement-breakpoint
CREATE TABLE `logbook_patrol` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`car_number` text NOT NULL,
	`ended_at` text,
	`officer_ids` text NOT NULL,
	`committee_id` text,
	`unit` text,
	`countersign_name` text,
	`countersign_at` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `logbook_committees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_patrol_root_version_unique` ON `logbook_patrol` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_patrol_occurred_idx` ON `logbook_patrol` (`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_patrol_status_occurred_idx` ON `logbook_patrol` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_patrol_officer_occurred_idx` ON `logbook_patrol` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_patrol_due_idx` ON `logbook_patrol` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_patrol_unsigned_idx` ON `logbook_patrol` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_patrol_committee_idx` ON `logbook_patrol` (`committee_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_phone` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`caller_name` text NOT NULL,
	`sex` text NOT NULL,
	`address` text,
	`matter` text NOT NULL,
	`caller_phone` text NOT NULL,
	`note` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_phone_root_version_unique` ON `logbook_phone` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_phone_occurred_idx` ON `logbook_phone` (`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_phone_status_occurred_idx` ON `logbook_phone` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_phone_officer_occurred_idx` ON `logbook_phone` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_phone_due_idx` ON `logbook_phone` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_phone_unsigned_idx` ON `logbook_phone` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_promise_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`amount` integer NOT NULL,
	`unit` text NOT NULL,
	`max_amount` integer,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_promise_rules_code_unique` ON `logbook_promise_rules` (`code`);