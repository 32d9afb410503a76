CREATE TABLE `address_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`num` integer NOT NULL,
	`origin` text NOT NULL,
	`level` text NOT NULL,
	`old_text` text NOT NULL,
	`new_text` text NOT NULL,
	`old_key` text NOT NULL,
	`new_key` text NOT NULL,
	`old_road` text,
	`old_no` text,
	`new_road` text,
	`new_no` text,
	`effective` text,
	`source` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `address_changes_num_unique` ON `address_changes` (`num`);--> statement-breakpoint
CREATE INDEX `address_changes_old_road_idx` ON `address_changes` (`old_road`,`old_no`);--> statement-breakpoint
CREATE INDEX `address_changes_new_road_idx` ON `address_changes` (`new_road`,`new_no`);--> statement-breakpoint
CREATE INDEX `address_changes_old_key_idx` ON `address_changes` (`old_key`);--> statement-breakpoint
CREATE INDEX `address_changes_new_key_idx` ON `address_changes` (`new_key`);--> statement-breakpoint
CREATE INDEX `address_changes_origin_idx` ON `address_changes` (`origin`);--> statement-breakpoint
CREATE TABLE `address_recent` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`query` text NOT NULL,
	`change_id` text,
	`at` text NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `address_recent_operator_idx` ON `address_recent` (`operator_id`,`at`);--> statement-breakpoint
CREATE TABLE `address_vocab` (
	`term` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`full` text NOT NULL,
	`initials` text NOT NULL,
	`syllables` text NOT NULL,
	`extra` text,
	`rows` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `address_vocab_initials_idx` ON `address_vocab` (`initials`);