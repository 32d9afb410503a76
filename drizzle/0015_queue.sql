CREATE TABLE `queue_calls` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`window_id` text NOT NULL,
	`clerk_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `queue_tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`window_id`) REFERENCES `queue_windows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `queue_calls_at_idx` ON `queue_calls` (`at`);--> statement-breakpoint
CREATE TABLE `queue_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_id` text NOT NULL,
	`level` integer NOT NULL,
	`reasons` text DEFAULT '[]' NOT NULL,
	`phone` text,
	`followup_id` text,
	`window_id` text,
	`clerk_id` text,
	`at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `queue_tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`window_id`) REFERENCES `queue_windows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `queue_ratings_ticket_unique` ON `queue_ratings` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `queue_services` (
	`id` text PRIMARY KEY NOT NULL,
	`prefix` text NOT NULL,
	`name` text NOT NULL,
	`guide_business_id` text,
	`active` integer DEFAULT true NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`guide_business_id`) REFERENCES `guide_businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `queue_services_prefix_unique` ON `queue_services` (`prefix`);--> statement-breakpoint
CREATE TABLE `queue_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`prefix` text NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`service_id` text NOT NULL,
	`lane` text NOT NULL,
	`priority_reason` text,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`call_count` integer DEFAULT 0 NOT NULL,
	`issued_at` text NOT NULL,
	`queued_at` text NOT NULL,
	`called_at` text,
	`last_called_at` text,
	`started_at` text,
	`finished_at` text,
	`window_id` text,
	`clerk_id` text,
	`target_window_id` text,
	`parent_id` text,
	`issued_by` text,
	FOREIGN KEY (`service_id`) REFERENCES `queue_services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`window_id`) REFERENCES `queue_windows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_window_id`) REFERENCES `queue_windows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `queue_tickets_day_number_unique` ON `queue_tickets` (`day`,`number`) WHERE parent_id IS NULL;--> statement-breakpoint
CREATE INDEX `queue_tickets_waiting_idx` ON `queue_tickets` (`day`,`queued_at`) WHERE status = 'waiting';--> statement-breakpoint
CREATE INDEX `queue_tickets_day_status_idx` ON `queue_tickets` (`day`,`status`);--> statement-breakpoint
CREATE INDEX `queue_tickets_window_called_idx` ON `queue_tickets` (`window_id`,`called_at`);--> statement-breakpoint
CREATE TABLE `queue_windows` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`service_ids` text NOT NULL,
	`priority` integer DEFAULT false NOT NULL,
	`state` text DEFAULT 'closed' NOT NULL,
	`pause_reason` text,
	`clerk_id` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`clerk_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `queue_windows_number_unique` ON `queue_windows` (`number`);