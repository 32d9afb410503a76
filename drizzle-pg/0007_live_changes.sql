-- Live updates (issue #15): every change of a shared table tells the listening windows which
-- table changed and which PC changed it (the uploader sets bianmin.device for its transaction).
-- One notice per table and transaction: PostgreSQL folds identical payloads within a transaction.
CREATE FUNCTION bianmin_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bianmin_changes', json_build_object(
    'table', TG_TABLE_NAME,
    'device', current_setting('bianmin.device', true)
  )::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER settings_notify AFTER INSERT OR UPDATE ON settings
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER photos_notify AFTER INSERT OR UPDATE ON photos
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER staff_attendance_notify AFTER INSERT OR UPDATE ON staff_attendance
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER staff_followups_notify AFTER INSERT OR UPDATE ON staff_followups
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_liaison_notify AFTER INSERT OR UPDATE ON logbook_liaison
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_patrol_notify AFTER INSERT OR UPDATE ON logbook_patrol
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_phone_notify AFTER INSERT OR UPDATE ON logbook_phone
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_case_notify AFTER INSERT OR UPDATE ON logbook_case
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_complaint_notify AFTER INSERT OR UPDATE ON logbook_complaint
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_exit_review_notify AFTER INSERT OR UPDATE ON logbook_exit_review
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_callout_notify AFTER INSERT OR UPDATE ON logbook_callout
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_visit_notify AFTER INSERT OR UPDATE ON logbook_visit
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_resident_notify AFTER INSERT OR UPDATE ON logbook_proxy_resident
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_notify AFTER INSERT OR UPDATE ON logbook_proxy
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_door_notify AFTER INSERT OR UPDATE ON logbook_door
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER logbook_back_office_notify AFTER INSERT OR UPDATE ON logbook_back_office
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
