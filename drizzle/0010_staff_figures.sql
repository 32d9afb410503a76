CREATE TABLE `staff_figures` (
	`officer_id` text NOT NULL,
	`day` text NOT NULL,
	`book` text NOT NULL,
	`entries` integer DEFAULT 0 NOT NULL,
	`due` integer DEFAULT 0 NOT NULL,
	`on_time` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `officer_id`, `book`)
);
