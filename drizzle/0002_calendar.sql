CREATE TABLE `holiday_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`notice` text NOT NULL,
	`holidays` text NOT NULL,
	`workdays` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`updated_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `holiday_schedules_year_unique` ON `holiday_schedules` (`year`);