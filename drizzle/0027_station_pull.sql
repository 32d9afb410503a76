-- Downloading the other PCs' registers (src/main/station/downloader.ts): the server's feed
-- position this PC has taken, and a flag set only inside a download's transaction, so that rows
-- taken from the server are not queued for upload again. The triggers of drizzle/0023 for the
-- downloaded tables are the same but for that flag.
ALTER TABLE station_link ADD pulled_seq INTEGER NOT NULL DEFAULT 0;
--> statement-breakpoint
CREATE TABLE station_pulling (id INTEGER PRIMARY KEY CHECK (id = 1));
--> statement-breakpoint
DROP TRIGGER station_outbox_operators_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_operators_insert AFTER INSERT ON operators
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('operators', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_committees_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_committees_insert AFTER INSERT ON logbook_committees
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_committees', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_liaison_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_liaison_insert AFTER INSERT ON logbook_liaison
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_liaison', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_liaison_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_liaison_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_liaison
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_liaison', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_patrol_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_patrol_insert AFTER INSERT ON logbook_patrol
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_patrol', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_patrol_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_patrol_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_patrol
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_patrol', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_phone_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_phone_insert AFTER INSERT ON logbook_phone
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_phone', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_phone_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_phone_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_phone
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_phone', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_case_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_case_insert AFTER INSERT ON logbook_case
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_case', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_case_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_case_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_case
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_case', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_complaint_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_complaint_insert AFTER INSERT ON logbook_complaint
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_complaint', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_complaint_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_complaint_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_complaint
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_complaint', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_exit_review_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_exit_review_insert AFTER INSERT ON logbook_exit_review
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_exit_review', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_exit_review_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_exit_review_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_exit_review
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_exit_review', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_callout_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_callout_insert AFTER INSERT ON logbook_callout
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_callout', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_callout_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_callout_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_callout
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_callout', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_visit_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_visit_insert AFTER INSERT ON logbook_visit
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_visit', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_visit_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_visit_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_visit
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_visit', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_proxy_resident_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_proxy_resident_insert AFTER INSERT ON logbook_proxy_resident
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_proxy_resident', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_proxy_resident_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_proxy_resident_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_proxy_resident
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_proxy_resident', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_proxy_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_proxy_insert AFTER INSERT ON logbook_proxy
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_proxy', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_proxy_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_proxy_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_proxy
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_proxy', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_door_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_door_insert AFTER INSERT ON logbook_door
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_door', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_door_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_door_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_door
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_door', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_back_office_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_back_office_insert AFTER INSERT ON logbook_back_office
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_back_office', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_back_office_update;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_back_office_update AFTER UPDATE OF superseded_by, signed_by, signed_at ON logbook_back_office
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_back_office', NEW.id, 'update');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_logbook_blind_index_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_logbook_blind_index_insert AFTER INSERT ON logbook_blind_index
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('logbook_blind_index', json_array(NEW.token, NEW.book, NEW.entry_id), 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_staff_attendance_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_staff_attendance_insert AFTER INSERT ON staff_attendance
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('staff_attendance', NEW.id, 'insert');
END;
--> statement-breakpoint
DROP TRIGGER station_outbox_staff_followups_insert;
--> statement-breakpoint
CREATE TRIGGER station_outbox_staff_followups_insert AFTER INSERT ON staff_followups
WHEN EXISTS (SELECT 1 FROM station_link) AND NOT EXISTS (SELECT 1 FROM station_pulling)
BEGIN
  INSERT INTO station_outbox (tbl, pk, op) VALUES ('staff_followups', NEW.id, 'insert');
END;
