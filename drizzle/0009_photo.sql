CREATE TABLE `photo_specs` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`sort_order` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `photos` (
	`id` text PRIMARY KEY NOT NULL,
	`spec_id` text NOT NULL,
	`taken_at` text NOT NULL,
	`operator_id` text,
	`file` text NOT NULL,
	`bytes` integer NOT NULL,
	`quality` integer NOT NULL,
	`passed` integer NOT NULL,
	`report` text NOT NULL,
	`subject_ref` text,
	`note` text,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `photos_taken_idx` ON `photos` (`taken_at`);--> statement-breakpoint
CREATE INDEX `photos_subject_idx` ON `photos` (`subject_ref`);