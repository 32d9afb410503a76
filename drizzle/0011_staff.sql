CREATE TABLE `staff_attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`card_number` text NOT NULL,
	`at` text NOT NULL,
	`local_date` text NOT NULL,
	`local_time` text NOT NULL,
	`direction` text NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_attendance_operator_at_idx` ON `staff_attendance` (`operator_id`,`at`);--> statement-breakpoint
CREATE TABLE `staff_awards` (
	`id` text PRIMARY KEY NOT NULL,
	`month` text NOT NULL,
	`snapshot` text NOT NULL,
	`best_id` text NOT NULL,
	`excellent_ids` text NOT NULL,
	`reason` text,
	`confirmed_by` text NOT NULL,
	`confirmed_at` text NOT NULL,
	FOREIGN KEY (`best_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_awards_month_unique` ON `staff_awards` (`month`);--> statement-breakpoint
CREATE TABLE `staff_cards` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`card_number` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_cards_number_unique` ON `staff_cards` (`card_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `staff_cards_operator_unique` ON `staff_cards` (`operator_id`);--> statement-breakpoint
CREATE TABLE `staff_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`item` text NOT NULL,
	`note` text,
	`checked_by` text NOT NULL,
	`checked_at` text NOT NULL,
	FOREIGN KEY (`checked_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_checks_unique` ON `staff_checks` (`date`,`item`);--> statement-breakpoint
CREATE TABLE `staff_complaint_rulings` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`officer_id` text NOT NULL,
	`upheld` integer NOT NULL,
	`date` text NOT NULL,
	`note` text,
	`ruled_by` text NOT NULL,
	`ruled_at` text NOT NULL,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ruled_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_complaint_rulings_unique` ON `staff_complaint_rulings` (`complaint_id`,`officer_id`);--> statement-breakpoint
CREATE INDEX `staff_complaint_rulings_date_idx` ON `staff_complaint_rulings` (`date`);--> statement-breakpoint
CREATE TABLE `staff_figures` (
	`officer_id` text NOT NULL,
	`day` text NOT NULL,
	`book` text NOT NULL,
	`entries` integer DEFAULT 0 NOT NULL,
	`due` integer DEFAULT 0 NOT NULL,
	`on_time` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `officer_id`, `book`)
);
--> statement-breakpoint
CREATE TABLE `staff_followups` (
	`id` text PRIMARY KEY NOT NULL,
	`officer_id` text NOT NULL,
	`visit_date` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_name` text NOT NULL,
	`topic` text NOT NULL,
	`link_book` text,
	`link_entry_id` text,
	`outcome` text NOT NULL,
	`satisfaction` integer NOT NULL,
	`households` integer NOT NULL,
	`persons` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_followups_date_idx` ON `staff_followups` (`visit_date`,`officer_id`);--> statement-breakpoint
CREATE TABLE `staff_ladder` (
	`id` text PRIMARY KEY NOT NULL,
	`officer_id` text NOT NULL,
	`step` text NOT NULL,
	`date` text NOT NULL,
	`note` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_ladder_officer_idx` ON `staff_ladder` (`officer_id`,`date`);--> statement-breakpoint
CREATE TABLE `staff_spot_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`quarter` text NOT NULL,
	`seed` integer NOT NULL,
	`size` integer NOT NULL,
	`pool_size` integer NOT NULL,
	`entries` text NOT NULL,
	`drawn_by` text NOT NULL,
	`drawn_at` text NOT NULL,
	FOREIGN KEY (`drawn_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_spot_checks_quarter_unique` ON `staff_spot_checks` (`quarter`);