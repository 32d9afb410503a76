-- What the app's custom SQLite migrations do, for the station server (PostgreSQL 15+, UTF-8):
-- trigram indexes in place of the FTS5 tables, the append-only guards with the same messages,
-- the staff_figures upkeep, and the seed rows. Backfills are left out: the tables start empty.

-- Text search: SQLite's LIKE folds ASCII letters only, so the indexed expression does the same.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bianmin_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') $$;
--> statement-breakpoint
CREATE INDEX logbook_liaison_search_trgm_idx ON logbook_liaison USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_patrol_search_trgm_idx ON logbook_patrol USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_phone_search_trgm_idx ON logbook_phone USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_case_search_trgm_idx ON logbook_case USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_complaint_search_trgm_idx ON logbook_complaint USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_exit_review_search_trgm_idx ON logbook_exit_review USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_callout_search_trgm_idx ON logbook_callout USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_visit_search_trgm_idx ON logbook_visit USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_proxy_resident_search_trgm_idx ON logbook_proxy_resident USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_proxy_search_trgm_idx ON logbook_proxy USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_door_search_trgm_idx ON logbook_door USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX logbook_back_office_search_trgm_idx ON logbook_back_office USING gin (bianmin_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
-- address_fts (SQLite) holds the normalised old and new text; here the stored text is indexed.
CREATE INDEX address_changes_old_text_trgm_idx ON address_changes USING gin (bianmin_fold(old_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX address_changes_new_text_trgm_idx ON address_changes USING gin (bianmin_fold(new_text) gin_trgm_ops);
--> statement-breakpoint
-- Append-only tables: no row is changed or removed (same messages as the SQLite triggers).
CREATE OR REPLACE FUNCTION bianmin_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
CREATE TRIGGER guide_changes_no_update BEFORE UPDATE ON guide_changes
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER guide_changes_no_delete BEFORE DELETE ON guide_changes
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER queue_calls_no_update BEFORE UPDATE ON queue_calls
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER queue_calls_no_delete BEFORE DELETE ON queue_calls
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_blind_index_no_update BEFORE UPDATE ON logbook_blind_index
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_blind_index_no_delete BEFORE DELETE ON logbook_blind_index
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
-- The audit log: only a NULL mac may be filled in, once, with nothing else changed.
CREATE OR REPLACE FUNCTION bianmin_audit_log_fixed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT (OLD.mac IS NULL AND NEW.mac IS NOT NULL AND to_jsonb(NEW) - 'mac' = to_jsonb(OLD) - 'mac') THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION bianmin_audit_log_fixed();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
-- Register entries: only superseded_by and the sign-off (signed_by, signed_at) may be set, once each.
CREATE OR REPLACE FUNCTION bianmin_entry_fixed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  settable CONSTANT text[] := ARRAY['superseded_by', 'signed_by', 'signed_at'];
BEGIN
  IF to_jsonb(NEW) - settable IS DISTINCT FROM to_jsonb(OLD) - settable
    OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS DISTINCT FROM OLD.superseded_by)
    OR (OLD.signed_at IS NOT NULL
      AND (NEW.signed_at IS DISTINCT FROM OLD.signed_at OR NEW.signed_by IS DISTINCT FROM OLD.signed_by))
  THEN
    RAISE EXCEPTION '%: entries are append-only; amend instead', TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER logbook_liaison_no_delete BEFORE DELETE ON logbook_liaison
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_liaison_fixed BEFORE UPDATE ON logbook_liaison
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_patrol_no_delete BEFORE DELETE ON logbook_patrol
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_patrol_fixed BEFORE UPDATE ON logbook_patrol
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_phone_no_delete BEFORE DELETE ON logbook_phone
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_phone_fixed BEFORE UPDATE ON logbook_phone
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_case_no_delete BEFORE DELETE ON logbook_case
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_case_fixed BEFORE UPDATE ON logbook_case
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_complaint_no_delete BEFORE DELETE ON logbook_complaint
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_complaint_fixed BEFORE UPDATE ON logbook_complaint
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_exit_review_no_delete BEFORE DELETE ON logbook_exit_review
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_exit_review_fixed BEFORE UPDATE ON logbook_exit_review
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_callout_no_delete BEFORE DELETE ON logbook_callout
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_callout_fixed BEFORE UPDATE ON logbook_callout
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_visit_no_delete BEFORE DELETE ON logbook_visit
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_visit_fixed BEFORE UPDATE ON logbook_visit
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_resident_no_delete BEFORE DELETE ON logbook_proxy_resident
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_resident_fixed BEFORE UPDATE ON logbook_proxy_resident
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_no_delete BEFORE DELETE ON logbook_proxy
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_fixed BEFORE UPDATE ON logbook_proxy
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_door_no_delete BEFORE DELETE ON logbook_door
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_door_fixed BEFORE UPDATE ON logbook_door
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
CREATE TRIGGER logbook_back_office_no_delete BEFORE DELETE ON logbook_back_office
  FOR EACH ROW EXECUTE FUNCTION bianmin_append_only();
--> statement-breakpoint
CREATE TRIGGER logbook_back_office_fixed BEFORE UPDATE ON logbook_back_office
  FOR EACH ROW EXECUTE FUNCTION bianmin_entry_fixed();
--> statement-breakpoint
-- staff_figures (per officer, station day and book): a new current version adds, the version it
-- supersedes subtracts. The station day is the UTC time + 8 hours, as date(t, '+8 hours') in SQLite.
CREATE OR REPLACE FUNCTION bianmin_station_day(t text) RETURNS text
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  AS $$ SELECT to_char((t::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD') $$;
--> statement-breakpoint
-- Arguments: the book key; 'status' and the closed statuses (comma-separated: on time when the
-- first closed version up to this one was written by the due time) or 'step' and the column whose
-- time meets the deadline; 'officer_id' or 'officer_ids' (a JSON array: every officer sent).
CREATE OR REPLACE FUNCTION bianmin_staff_figures() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_book CONSTANT text := TG_ARGV[0];
  v_row CONSTANT jsonb := CASE WHEN TG_OP = 'INSERT' THEN to_jsonb(NEW) ELSE to_jsonb(OLD) END;
  v_due CONSTANT text := v_row ->> 'due_at';
  v_officers text[];
  v_officer text;
  v_closed text;
  v_on_time integer := 0;
BEGIN
  IF TG_ARGV[3] = 'officer_ids' THEN
    v_officers := ARRAY(SELECT jsonb_array_elements_text((v_row ->> 'officer_ids')::jsonb));
  ELSE
    v_officers := ARRAY[v_row ->> 'officer_id'];
  END IF;
  IF v_due IS NOT NULL THEN
    IF TG_ARGV[1] = 'status' THEN
      EXECUTE format(
        'SELECT min(created_at) FROM %I WHERE root_id = $1 AND version <= $2 AND status = ANY ($3)',
        TG_TABLE_NAME)
        INTO v_closed
        USING v_row ->> 'root_id', (v_row ->> 'version')::integer, string_to_array(TG_ARGV[2], ',');
    ELSE
      v_closed := v_row ->> TG_ARGV[2];
    END IF;
    v_on_time := coalesce((v_closed COLLATE "C" <= v_due COLLATE "C")::integer, 0);
  END IF;
  IF TG_OP = 'INSERT' THEN
    FOREACH v_officer IN ARRAY v_officers LOOP
      INSERT INTO staff_figures AS f (officer_id, day, book, entries, due, on_time)
        VALUES (v_officer, bianmin_station_day(v_row ->> 'occurred_at'), v_book, 1, 0, 0)
        ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = f.entries + 1;
      IF v_due IS NOT NULL THEN
        INSERT INTO staff_figures AS f (officer_id, day, book, entries, due, on_time)
          VALUES (v_officer, bianmin_station_day(v_due), v_book, 0, 1, v_on_time)
          ON CONFLICT (day, officer_id, book)
          DO UPDATE SET due = f.due + 1, on_time = f.on_time + excluded.on_time;
      END IF;
    END LOOP;
  ELSE
    UPDATE staff_figures SET entries = entries - 1
      WHERE officer_id = ANY (v_officers) AND day = bianmin_station_day(v_row ->> 'occurred_at')
        AND book = v_book;
    IF v_due IS NOT NULL THEN
      UPDATE staff_figures SET due = due - 1, on_time = on_time - v_on_time
        WHERE officer_id = ANY (v_officers) AND day = bianmin_station_day(v_due) AND book = v_book;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER logbook_liaison_staff_figures_insert AFTER INSERT ON logbook_liaison
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('liaison', 'status', 'done', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_liaison_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_liaison
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('liaison', 'status', 'done', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_patrol_staff_figures_insert AFTER INSERT ON logbook_patrol
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('patrol', 'status', 'done', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_patrol_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_patrol
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('patrol', 'status', 'done', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_phone_staff_figures_insert AFTER INSERT ON logbook_phone
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('phone', 'status', 'done', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_phone_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_phone
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('phone', 'status', 'done', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_case_staff_figures_insert AFTER INSERT ON logbook_case
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('case', 'status', 'decided,closed', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_case_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_case
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('case', 'status', 'decided,closed', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_complaint_staff_figures_insert AFTER INSERT ON logbook_complaint
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('complaint', 'status', 'answered', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_complaint_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_complaint
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('complaint', 'status', 'answered', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_exit_review_staff_figures_insert AFTER INSERT ON logbook_exit_review
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('exitReview', 'step', 'review_returned_at', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_exit_review_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_exit_review
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('exitReview', 'step', 'review_returned_at', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_callout_staff_figures_insert AFTER INSERT ON logbook_callout
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('callout', 'step', 'arrived_at', 'officer_ids');
--> statement-breakpoint
CREATE TRIGGER logbook_callout_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_callout
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('callout', 'step', 'arrived_at', 'officer_ids');
--> statement-breakpoint
CREATE TRIGGER logbook_visit_staff_figures_insert AFTER INSERT ON logbook_visit
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('visit', 'step', 'answered_at', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_visit_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_visit
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('visit', 'step', 'answered_at', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_resident_staff_figures_insert AFTER INSERT ON logbook_proxy_resident
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('proxyResident', 'status', 'inactive', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_resident_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_proxy_resident
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('proxyResident', 'status', 'inactive', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_staff_figures_insert AFTER INSERT ON logbook_proxy
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('proxy', 'step', 'done_at', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_proxy_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_proxy
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('proxy', 'step', 'done_at', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_door_staff_figures_insert AFTER INSERT ON logbook_door
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('door', 'step', 'installed_at', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_door_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_door
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('door', 'step', 'installed_at', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_back_office_staff_figures_insert AFTER INSERT ON logbook_back_office
  FOR EACH ROW WHEN (NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('backOffice', 'step', 'cleared_at', 'officer_id');
--> statement-breakpoint
CREATE TRIGGER logbook_back_office_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_back_office
  FOR EACH ROW WHEN (OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL)
  EXECUTE FUNCTION bianmin_staff_figures('backOffice', 'step', 'cleared_at', 'officer_id');
--> statement-breakpoint
-- Seeds: the promise rules (0004, QUEUE-RATING from 0016, SLA-EMERGENCY's night hours from 0021)
-- and 月坛街道's 26 residents' committees (0004).
INSERT INTO logbook_promise_rules
  (id, code, name, amount, unit, max_amount, night_amount, night_start, night_end, updated_at, updated_by)
VALUES
  ('6783b5df-05d8-5d6a-955b-7f0cfbcf7b98', 'SLA-EMERGENCY', '接警后到达现场（夜间 10 分钟）', 5, 'minutes', NULL, 10, '22:00', '06:00', '2026-01-01T00:00:00.000Z', NULL),
  ('9567a8a8-c8bd-5868-a078-72d51f7a3a49', 'SLA-HOME-VISIT', '电话预约后上门服务', 24, 'hours', NULL, NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', NULL),
  ('03505ddb-4dbb-52d0-a28a-262b710472e8', 'SLA-DOOR', '电话预约后安装防盗门', 5, 'calendarDays', NULL, NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', NULL),
  ('b1d386e1-a779-5014-bf1a-9dfa33c76bc1', 'SLA-CASE', '治安案件、民事纠纷调查处理', 7, 'workingDays', 14, NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', NULL),
  ('8ec2b4e0-0471-5732-ae10-770b6bb2178e', 'SLA-EXIT-REVIEW', '出入境审核意见返回', 2, 'calendarDays', NULL, NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', NULL),
  ('12474386-e08a-5fd5-a34c-e7766f448565', 'COMPLAINT', '投诉调查并答复投诉人', 2, 'workingDays', NULL, NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', NULL),
  ('7afb1450-02de-5558-9479-a94691c655e2', 'QUEUE-RATING', '窗口差评回访整改', 15, 'workingDays', NULL, NULL, NULL, NULL, '2026-01-01T00:00:00.000Z', NULL)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO logbook_committees (id, code, name, active, updated_at) VALUES
  ('ef8c0386-416c-5c79-9617-220d38645ad1', '110102007003', '月坛社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('64281c1d-eccf-5ab5-9505-29385f11e898', '110102007004', '社会路社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('d5dc77d7-7b01-5856-923b-503c744142ca', '110102007005', '铁道部住宅区第三社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('f3d387b6-9a12-5a0a-b591-d6591f4d4ae4', '110102007006', '三里河一区社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('890f70b6-da6f-5504-a8e5-9c1ed8229a8b', '110102007010', '南沙沟社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('b305b947-22ff-55cd-ab73-00dc489bae4d', '110102007011', '复兴门北大街社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('47c6f88e-13c2-52c7-a225-2839c951a41d', '110102007013', '铁道部住宅区第二、二社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('3e62b65a-6c22-5903-9055-65bab60dc824', '110102007016', '复兴门外大街甲7号院社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('b58fc994-bf77-5e15-8e64-6cf8c0212fdf', '110102007018', '三里河二区社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('ffed6f01-ea9b-5f04-b290-03078a059164', '110102007020', '三里河三区第一社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('ec832978-a9db-598c-a88f-4e4ed203170c', '110102007022', '三里河三区第三社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('029573ed-d34e-5ceb-9061-dc930cfd25cf', '110102007024', '南礼士路社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('78dcb615-0627-5a84-8201-44193008d71e', '110102007025', '木樨地社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('b782acdb-1cbf-57f2-9ef8-8b62b98030e5', '110102007028', '复兴门外社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('6ee49cbf-63df-5410-bb0d-dc10c357ff71', '110102007029', '全国总工会住宅区社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('de3e4801-c7f1-54e6-8853-9b560be13feb', '110102007030', '白云观社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('bcc17ffd-8c92-5900-a565-27f373289d64', '110102007032', '真武庙社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('1dddd634-c76d-5b12-9949-e86a16bcc073', '110102007033', '广电总局住宅区第二社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('3472244b-7b0b-58b3-aff4-f0baddb4dbf1', '110102007034', '西便门社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('fb3b47ae-ae0b-532e-aa9e-6c01ceff8afa', '110102007035', '铁道部住宅区第二、一社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('8e918e71-1daa-547e-ab89-bbf77ca076fe', '110102007037', '广电总局住宅区第一社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('da43f653-0296-5d76-83f1-c976dc990d32', '110102007038', '汽车局河南社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('84671e46-ff11-5539-937e-abfdda8cf98a', '110102007039', '汽车局河北社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('bf874da1-6b5c-5557-a88b-a0f7a77c902b', '110102007043', '公安住宅区社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('e86a6690-bab1-588f-aa2e-6ac737dda08d', '110102007045', '铁道部住宅区第四社区居委会', true, '2026-01-01T00:00:00.000Z'),
  ('20b1c765-019a-53c7-8015-95872ccdb582', '110102007048', '三里河社区居委会', true, '2026-01-01T00:00:00.000Z')
ON CONFLICT DO NOTHING;
