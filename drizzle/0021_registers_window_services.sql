CREATE TABLE `logbook_back_office` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`resident_name` text NOT NULL,
	`business` text NOT NULL,
	`pending_item` text NOT NULL,
	`cleared_at` text,
	`note` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_back_office_root_version_unique` ON `logbook_back_office` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_back_office_occurred_text_idx` ON `logbook_back_office` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_back_office_status_occurred_idx` ON `logbook_back_office` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_back_office_officer_occurred_idx` ON `logbook_back_office` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_back_office_status_due_idx` ON `logbook_back_office` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_back_office_due_idx` ON `logbook_back_office` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_back_office_unsigned_idx` ON `logbook_back_office` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_callout` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`caller_name` text NOT NULL,
	`caller_phone` text,
	`place` text NOT NULL,
	`matter` text NOT NULL,
	`officer_ids` text NOT NULL,
	`arrived_at` text,
	`outcome` text,
	`case_entry_id` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_callout_root_version_unique` ON `logbook_callout` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_callout_occurred_text_idx` ON `logbook_callout` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_callout_status_occurred_idx` ON `logbook_callout` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_callout_officer_occurred_idx` ON `logbook_callout` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_callout_status_due_idx` ON `logbook_callout` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_callout_due_idx` ON `logbook_callout` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_callout_unsigned_idx` ON `logbook_callout` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_door` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`resident_name` text NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`requirement` text,
	`installer` text,
	`installed_at` text,
	`note` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_door_root_version_unique` ON `logbook_door` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_door_occurred_text_idx` ON `logbook_door` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_door_status_occurred_idx` ON `logbook_door` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_door_officer_occurred_idx` ON `logbook_door` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_door_status_due_idx` ON `logbook_door` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_door_due_idx` ON `logbook_door` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_door_unsigned_idx` ON `logbook_door` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_exit_review` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`applicant_name` text NOT NULL,
	`applicant_phone` text,
	`application_kind` text NOT NULL,
	`file_checked_by` text,
	`file_checked_at` text,
	`file_result` text,
	`file_note` text,
	`field_officer_id` text,
	`handed_at` text,
	`review_opinion` text,
	`review_returned_at` text,
	`approved_by` text,
	`approved_at` text,
	`told_at` text,
	`told_note` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_checked_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`field_officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_exit_review_root_version_unique` ON `logbook_exit_review` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_exit_review_occurred_text_idx` ON `logbook_exit_review` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_exit_review_status_occurred_idx` ON `logbook_exit_review` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_exit_review_officer_occurred_idx` ON `logbook_exit_review` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_exit_review_status_due_idx` ON `logbook_exit_review` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_exit_review_due_idx` ON `logbook_exit_review` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_exit_review_unsigned_idx` ON `logbook_exit_review` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_proxy` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`resident_id` text,
	`resident_name` text NOT NULL,
	`service_kind` text NOT NULL,
	`matter` text NOT NULL,
	`scheduled_at` text NOT NULL,
	`handler_id` text,
	`done_at` text,
	`result` text,
	`cancel_reason` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_proxy_root_version_unique` ON `logbook_proxy` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_proxy_occurred_text_idx` ON `logbook_proxy` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_proxy_status_occurred_idx` ON `logbook_proxy` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_proxy_officer_occurred_idx` ON `logbook_proxy` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_proxy_status_due_idx` ON `logbook_proxy` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_proxy_due_idx` ON `logbook_proxy` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_proxy_unsigned_idx` ON `logbook_proxy` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_proxy_resident` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`resident_name` text NOT NULL,
	`category` text NOT NULL,
	`address` text NOT NULL,
	`phone` text,
	`contact_name` text,
	`contact_phone` text,
	`note` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_proxy_resident_root_version_unique` ON `logbook_proxy_resident` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_proxy_resident_occurred_text_idx` ON `logbook_proxy_resident` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_proxy_resident_status_occurred_idx` ON `logbook_proxy_resident` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_proxy_resident_officer_occurred_idx` ON `logbook_proxy_resident` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_proxy_resident_status_due_idx` ON `logbook_proxy_resident` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_proxy_resident_due_idx` ON `logbook_proxy_resident` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_proxy_resident_unsigned_idx` ON `logbook_proxy_resident` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE TABLE `logbook_visit` (
	`id` text PRIMARY KEY NOT NULL,
	`root_id` text NOT NULL,
	`version` integer NOT NULL,
	`superseded_by` text,
	`amend_reason` text,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`rule_code` text,
	`due_at` text,
	`officer_id` text,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`signed_by` text,
	`signed_at` text,
	`channel` text NOT NULL,
	`visitor_name` text NOT NULL,
	`visitor_phone` text,
	`matter` text NOT NULL,
	`promised_at` text,
	`answer` text,
	`answered_at` text,
	`satisfied` text,
	FOREIGN KEY (`officer_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `logbook_visit_root_version_unique` ON `logbook_visit` (`root_id`,`version`);--> statement-breakpoint
CREATE INDEX `logbook_visit_occurred_text_idx` ON `logbook_visit` (`occurred_at`,`search_text`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_visit_status_occurred_idx` ON `logbook_visit` (`status`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_visit_officer_occurred_idx` ON `logbook_visit` (`officer_id`,`occurred_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_visit_status_due_idx` ON `logbook_visit` (`status`,`due_at`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `logbook_visit_due_idx` ON `logbook_visit` (`due_at`) WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `logbook_visit_unsigned_idx` ON `logbook_visit` (`occurred_at`) WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
ALTER TABLE `logbook_promise_rules` ADD `night_amount` integer;--> statement-breakpoint
ALTER TABLE `logbook_promise_rules` ADD `night_start` text;--> statement-breakpoint
ALTER TABLE `logbook_promise_rules` ADD `night_end` text;--> statement-breakpoint
-- The window's remaining registers (出入境审核, 报警求助, 来访咨询, 代办服务对象, 代办上门, 防盗门预约,
-- 先外后内) get what every register has: the append-only guard (0004), the trigram index (0014)
-- and staff_figures (0012). A register with a step that meets its deadline (arrival, answer,
-- fitting, clearing) is on time when that step's time is no later than the deadline; a call-out
-- counts for every officer sent. SLA-EMERGENCY gets its night amount and hours.
CREATE TRIGGER logbook_exit_review_no_delete BEFORE DELETE ON logbook_exit_review
BEGIN
  SELECT RAISE(ABORT, 'logbook_exit_review is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER logbook_exit_review_fixed BEFORE UPDATE ON logbook_exit_review
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.applicant_name IS NOT OLD.applicant_name OR NEW.applicant_phone IS NOT OLD.applicant_phone OR NEW.application_kind IS NOT OLD.application_kind OR NEW.file_checked_by IS NOT OLD.file_checked_by OR NEW.file_checked_at IS NOT OLD.file_checked_at OR NEW.file_result IS NOT OLD.file_result OR NEW.file_note IS NOT OLD.file_note OR NEW.field_officer_id IS NOT OLD.field_officer_id OR NEW.handed_at IS NOT OLD.handed_at OR NEW.review_opinion IS NOT OLD.review_opinion OR NEW.review_returned_at IS NOT OLD.review_returned_at OR NEW.approved_by IS NOT OLD.approved_by OR NEW.approved_at IS NOT OLD.approved_at OR NEW.told_at IS NOT OLD.told_at OR NEW.told_note IS NOT OLD.told_note
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_exit_review: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_exit_review_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_exit_review_fts_insert AFTER INSERT ON logbook_exit_review
BEGIN
  INSERT INTO logbook_exit_review_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER logbook_exit_review_staff_figures_insert AFTER INSERT ON logbook_exit_review
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.occurred_at, '+8 hours'), 'exitReview', 1, 0, 0 FROM (SELECT NEW.officer_id AS id) o WHERE true
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.due_at, '+8 hours'), 'exitReview', 0, 1, coalesce(NEW.review_returned_at <= NEW.due_at, 0) FROM (SELECT NEW.officer_id AS id) o
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER logbook_exit_review_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_exit_review
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.occurred_at, '+8 hours') AND book = 'exitReview';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce(OLD.review_returned_at <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.due_at, '+8 hours') AND book = 'exitReview';
END;
--> statement-breakpoint
CREATE TRIGGER logbook_callout_no_delete BEFORE DELETE ON logbook_callout
BEGIN
  SELECT RAISE(ABORT, 'logbook_callout is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER logbook_callout_fixed BEFORE UPDATE ON logbook_callout
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.caller_name IS NOT OLD.caller_name OR NEW.caller_phone IS NOT OLD.caller_phone OR NEW.place IS NOT OLD.place OR NEW.matter IS NOT OLD.matter OR NEW.officer_ids IS NOT OLD.officer_ids OR NEW.arrived_at IS NOT OLD.arrived_at OR NEW.outcome IS NOT OLD.outcome OR NEW.case_entry_id IS NOT OLD.case_entry_id
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_callout: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_callout_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_callout_fts_insert AFTER INSERT ON logbook_callout
BEGIN
  INSERT INTO logbook_callout_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER logbook_callout_staff_figures_insert AFTER INSERT ON logbook_callout
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.occurred_at, '+8 hours'), 'callout', 1, 0, 0 FROM (SELECT value AS id FROM json_each(NEW.officer_ids)) o WHERE true
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.due_at, '+8 hours'), 'callout', 0, 1, coalesce(NEW.arrived_at <= NEW.due_at, 0) FROM (SELECT value AS id FROM json_each(NEW.officer_ids)) o
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER logbook_callout_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_callout
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id IN (SELECT value AS id FROM json_each(OLD.officer_ids)) AND day = date(OLD.occurred_at, '+8 hours') AND book = 'callout';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce(OLD.arrived_at <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id IN (SELECT value AS id FROM json_each(OLD.officer_ids)) AND day = date(OLD.due_at, '+8 hours') AND book = 'callout';
END;
--> statement-breakpoint
CREATE TRIGGER logbook_visit_no_delete BEFORE DELETE ON logbook_visit
BEGIN
  SELECT RAISE(ABORT, 'logbook_visit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER logbook_visit_fixed BEFORE UPDATE ON logbook_visit
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.channel IS NOT OLD.channel OR NEW.visitor_name IS NOT OLD.visitor_name OR NEW.visitor_phone IS NOT OLD.visitor_phone OR NEW.matter IS NOT OLD.matter OR NEW.promised_at IS NOT OLD.promised_at OR NEW.answer IS NOT OLD.answer OR NEW.answered_at IS NOT OLD.answered_at OR NEW.satisfied IS NOT OLD.satisfied
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_visit: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_visit_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_visit_fts_insert AFTER INSERT ON logbook_visit
BEGIN
  INSERT INTO logbook_visit_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER logbook_visit_staff_figures_insert AFTER INSERT ON logbook_visit
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.occurred_at, '+8 hours'), 'visit', 1, 0, 0 FROM (SELECT NEW.officer_id AS id) o WHERE true
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.due_at, '+8 hours'), 'visit', 0, 1, coalesce(NEW.answered_at <= NEW.due_at, 0) FROM (SELECT NEW.officer_id AS id) o
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER logbook_visit_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_visit
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.occurred_at, '+8 hours') AND book = 'visit';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce(OLD.answered_at <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.due_at, '+8 hours') AND book = 'visit';
END;
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_resident_no_delete BEFORE DELETE ON logbook_proxy_resident
BEGIN
  SELECT RAISE(ABORT, 'logbook_proxy_resident is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_resident_fixed BEFORE UPDATE ON logbook_proxy_resident
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.resident_name IS NOT OLD.resident_name OR NEW.category IS NOT OLD.category OR NEW.address IS NOT OLD.address OR NEW.phone IS NOT OLD.phone OR NEW.contact_name IS NOT OLD.contact_name OR NEW.contact_phone IS NOT OLD.contact_phone OR NEW.note IS NOT OLD.note
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_proxy_resident: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_proxy_resident_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_resident_fts_insert AFTER INSERT ON logbook_proxy_resident
BEGIN
  INSERT INTO logbook_proxy_resident_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_resident_staff_figures_insert AFTER INSERT ON logbook_proxy_resident
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.occurred_at, '+8 hours'), 'proxyResident', 1, 0, 0 FROM (SELECT NEW.officer_id AS id) o WHERE true
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.due_at, '+8 hours'), 'proxyResident', 0, 1, coalesce((SELECT min(x.created_at) FROM logbook_proxy_resident x WHERE x.root_id = NEW.root_id AND x.version <= NEW.version AND x.status IN ('inactive')) <= NEW.due_at, 0) FROM (SELECT NEW.officer_id AS id) o
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_resident_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_proxy_resident
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.occurred_at, '+8 hours') AND book = 'proxyResident';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce((SELECT min(x.created_at) FROM logbook_proxy_resident x WHERE x.root_id = OLD.root_id AND x.version <= OLD.version AND x.status IN ('inactive')) <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.due_at, '+8 hours') AND book = 'proxyResident';
END;
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_no_delete BEFORE DELETE ON logbook_proxy
BEGIN
  SELECT RAISE(ABORT, 'logbook_proxy is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_fixed BEFORE UPDATE ON logbook_proxy
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.resident_id IS NOT OLD.resident_id OR NEW.resident_name IS NOT OLD.resident_name OR NEW.service_kind IS NOT OLD.service_kind OR NEW.matter IS NOT OLD.matter OR NEW.scheduled_at IS NOT OLD.scheduled_at OR NEW.handler_id IS NOT OLD.handler_id OR NEW.done_at IS NOT OLD.done_at OR NEW.result IS NOT OLD.result OR NEW.cancel_reason IS NOT OLD.cancel_reason
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_proxy: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_proxy_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_fts_insert AFTER INSERT ON logbook_proxy
BEGIN
  INSERT INTO logbook_proxy_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_staff_figures_insert AFTER INSERT ON logbook_proxy
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.occurred_at, '+8 hours'), 'proxy', 1, 0, 0 FROM (SELECT NEW.officer_id AS id) o WHERE true
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.due_at, '+8 hours'), 'proxy', 0, 1, coalesce(NEW.done_at <= NEW.due_at, 0) FROM (SELECT NEW.officer_id AS id) o
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_proxy
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.occurred_at, '+8 hours') AND book = 'proxy';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce(OLD.done_at <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.due_at, '+8 hours') AND book = 'proxy';
END;
--> statement-breakpoint
CREATE TRIGGER logbook_door_no_delete BEFORE DELETE ON logbook_door
BEGIN
  SELECT RAISE(ABORT, 'logbook_door is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER logbook_door_fixed BEFORE UPDATE ON logbook_door
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.resident_name IS NOT OLD.resident_name OR NEW.phone IS NOT OLD.phone OR NEW.address IS NOT OLD.address OR NEW.requirement IS NOT OLD.requirement OR NEW.installer IS NOT OLD.installer OR NEW.installed_at IS NOT OLD.installed_at OR NEW.note IS NOT OLD.note
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_door: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_door_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_door_fts_insert AFTER INSERT ON logbook_door
BEGIN
  INSERT INTO logbook_door_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER logbook_door_staff_figures_insert AFTER INSERT ON logbook_door
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.occurred_at, '+8 hours'), 'door', 1, 0, 0 FROM (SELECT NEW.officer_id AS id) o WHERE true
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.due_at, '+8 hours'), 'door', 0, 1, coalesce(NEW.installed_at <= NEW.due_at, 0) FROM (SELECT NEW.officer_id AS id) o
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER logbook_door_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_door
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.occurred_at, '+8 hours') AND book = 'door';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce(OLD.installed_at <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.due_at, '+8 hours') AND book = 'door';
END;
--> statement-breakpoint
CREATE TRIGGER logbook_back_office_no_delete BEFORE DELETE ON logbook_back_office
BEGIN
  SELECT RAISE(ABORT, 'logbook_back_office is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER logbook_back_office_fixed BEFORE UPDATE ON logbook_back_office
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.resident_name IS NOT OLD.resident_name OR NEW.business IS NOT OLD.business OR NEW.pending_item IS NOT OLD.pending_item OR NEW.cleared_at IS NOT OLD.cleared_at OR NEW.note IS NOT OLD.note
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_back_office: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_back_office_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_back_office_fts_insert AFTER INSERT ON logbook_back_office
BEGIN
  INSERT INTO logbook_back_office_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER logbook_back_office_staff_figures_insert AFTER INSERT ON logbook_back_office
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.occurred_at, '+8 hours'), 'backOffice', 1, 0, 0 FROM (SELECT NEW.officer_id AS id) o WHERE true
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT o.id, date(NEW.due_at, '+8 hours'), 'backOffice', 0, 1, coalesce(NEW.cleared_at <= NEW.due_at, 0) FROM (SELECT NEW.officer_id AS id) o
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER logbook_back_office_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_back_office
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.occurred_at, '+8 hours') AND book = 'backOffice';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce(OLD.cleared_at <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id IN (SELECT OLD.officer_id AS id) AND day = date(OLD.due_at, '+8 hours') AND book = 'backOffice';
END;
--> statement-breakpoint
UPDATE logbook_promise_rules SET night_amount = 10, night_start = '22:00', night_end = '06:00' WHERE code = 'SLA-EMERGENCY';
