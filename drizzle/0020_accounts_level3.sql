CREATE TABLE `password_history` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`password_hash` text NOT NULL,
	`replaced_at` text NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `password_history_operator_idx` ON `password_history` (`operator_id`,`replaced_at`);--> statement-breakpoint
ALTER TABLE `operators` ADD `lockouts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `operators` ADD `password_change_required` integer DEFAULT false NOT NULL;