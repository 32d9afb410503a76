ALTER TABLE `photos` ADD `removed_at` text;--> statement-breakpoint
ALTER TABLE `photos` ADD `removed_by` text REFERENCES operators(id);