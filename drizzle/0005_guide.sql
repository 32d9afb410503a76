CREATE TABLE `guide_businesses` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`category_id` text NOT NULL,
	`menu_number` integer NOT NULL,
	`name` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`counter` text DEFAULT '' NOT NULL,
	`eligibility` text DEFAULT '' NOT NULL,
	`statutory_limit` text DEFAULT '' NOT NULL,
	`promised_time` text DEFAULT '' NOT NULL,
	`validity` text DEFAULT '' NOT NULL,
	`fee` text DEFAULT '' NOT NULL,
	`legal_basis` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`sample` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `guide_categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guide_businesses_code_unique` ON `guide_businesses` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `guide_businesses_menu_unique` ON `guide_businesses` (`category_id`,`menu_number`);--> statement-breakpoint
CREATE TABLE `guide_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`menu_number` integer NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guide_categories_menu_unique` ON `guide_categories` (`menu_number`);--> statement-breakpoint
CREATE TABLE `guide_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`operator_id` text,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guide_changes_entity_idx` ON `guide_changes` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE TABLE `guide_materials` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`position` integer NOT NULL,
	`item` text NOT NULL,
	`required` integer NOT NULL,
	`condition` text,
	FOREIGN KEY (`business_id`) REFERENCES `guide_businesses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `guide_materials_business_idx` ON `guide_materials` (`business_id`,`position`);--> statement-breakpoint
CREATE TABLE `guide_promises` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`text` text NOT NULL,
	`sample` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guide_promises_code_unique` ON `guide_promises` (`code`);