CREATE TABLE `logbook_blind_index` (
	`token` text NOT NULL,
	`book` text NOT NULL,
	`entry_id` text NOT NULL,
	PRIMARY KEY(`token`, `book`, `entry_id`)
);
--> statement-breakpoint
CREATE TRIGGER logbook_blind_index_no_update BEFORE UPDATE ON logbook_blind_index
BEGIN
  SELECT RAISE(ABORT, 'logbook_blind_index is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER logbook_blind_index_no_delete BEFORE DELETE ON logbook_blind_index
BEGIN
  SELECT RAISE(ABORT, 'logbook_blind_index is append-only');
END;
