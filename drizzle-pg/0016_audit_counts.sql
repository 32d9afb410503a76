-- The 全所审计日志's totals (src/main/station/station-audit.ts): count(*) over a million audit
-- rows took 60–90 ms a page (bench station-audit). Each statement that inserts audit rows adds
-- them here per PC and action, in its own transaction; a PC uploads only its own rows, so two
-- PCs never wait on the same counter. Server-only; audit_log is append-only on the server, so
-- the counts stay exact. The app role reads them; the upkeep runs with the owner's rights.
CREATE TABLE station_audit_counts (
  device_id text NOT NULL,
  action text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (device_id, action)
);
--> statement-breakpoint
INSERT INTO station_audit_counts (device_id, action, n)
SELECT device_id, action, count(*) FROM audit_log GROUP BY device_id, action;
--> statement-breakpoint
CREATE FUNCTION bianmin_audit_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO station_audit_counts AS c (device_id, action, n)
  SELECT device_id, action, count(*) FROM added GROUP BY device_id, action
  ON CONFLICT (device_id, action) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_counts AFTER INSERT ON audit_log
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION bianmin_audit_counts();
