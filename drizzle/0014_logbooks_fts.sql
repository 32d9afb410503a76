-- Trigram full-text index over each book's search_text (rowid = the entry's rowid), for a text
-- filter over all dates. Contentless: entries are append-only (no delete, search_text fixed), so an
-- AFTER INSERT trigger keeps it current for every write path; amendments are new rows. Existing
-- rows are backfilled here. Queries of fewer than 3 characters cannot use a trigram index.
CREATE VIRTUAL TABLE logbook_liaison_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_liaison_fts_insert AFTER INSERT ON logbook_liaison
BEGIN
  INSERT INTO logbook_liaison_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
INSERT INTO logbook_liaison_fts (rowid, search_text) SELECT rowid, search_text FROM logbook_liaison;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_patrol_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_patrol_fts_insert AFTER INSERT ON logbook_patrol
BEGIN
  INSERT INTO logbook_patrol_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
INSERT INTO logbook_patrol_fts (rowid, search_text) SELECT rowid, search_text FROM logbook_patrol;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_phone_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_phone_fts_insert AFTER INSERT ON logbook_phone
BEGIN
  INSERT INTO logbook_phone_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
INSERT INTO logbook_phone_fts (rowid, search_text) SELECT rowid, search_text FROM logbook_phone;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_case_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_case_fts_insert AFTER INSERT ON logbook_case
BEGIN
  INSERT INTO logbook_case_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
INSERT INTO logbook_case_fts (rowid, search_text) SELECT rowid, search_text FROM logbook_case;
--> statement-breakpoint
CREATE VIRTUAL TABLE logbook_complaint_fts USING fts5(search_text, content='', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER logbook_complaint_fts_insert AFTER INSERT ON logbook_complaint
BEGIN
  INSERT INTO logbook_complaint_fts (rowid, search_text) VALUES (NEW.rowid, NEW.search_text);
END;
--> statement-breakpoint
INSERT INTO logbook_complaint_fts (rowid, search_text) SELECT rowid, search_text FROM logbook_complaint;
