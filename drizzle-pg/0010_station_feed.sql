-- What each PC uploaded, in commit order, for the other PCs to download
-- (src/main/station/downloader.ts). The uploader appends a batch's rows under an advisory lock held
-- until its commit, so seq order is commit order and a reader never passes a row still to commit.
-- Server-only. Rows uploaded before this migration are listed once, from no device.
CREATE TABLE station_feed (
  seq bigserial PRIMARY KEY,
  device_id text NOT NULL,
  tbl text NOT NULL,
  pk text NOT NULL,
  op text NOT NULL CHECK (op IN ('insert', 'update'))
);
--> statement-breakpoint
INSERT INTO station_feed (device_id, tbl, pk, op)
SELECT '', tbl, pk, 'insert' FROM (
  SELECT 1 AS o, 'operators' AS tbl, id AS pk, created_at AS at FROM operators
  UNION ALL SELECT 2, 'logbook_committees', id, updated_at FROM logbook_committees
  UNION ALL SELECT 3, 'logbook_liaison', id, created_at FROM logbook_liaison
  UNION ALL SELECT 3, 'logbook_patrol', id, created_at FROM logbook_patrol
  UNION ALL SELECT 3, 'logbook_phone', id, created_at FROM logbook_phone
  UNION ALL SELECT 3, 'logbook_case', id, created_at FROM logbook_case
  UNION ALL SELECT 3, 'logbook_complaint', id, created_at FROM logbook_complaint
  UNION ALL SELECT 3, 'logbook_exit_review', id, created_at FROM logbook_exit_review
  UNION ALL SELECT 3, 'logbook_callout', id, created_at FROM logbook_callout
  UNION ALL SELECT 3, 'logbook_visit', id, created_at FROM logbook_visit
  UNION ALL SELECT 3, 'logbook_proxy_resident', id, created_at FROM logbook_proxy_resident
  UNION ALL SELECT 3, 'logbook_proxy', id, created_at FROM logbook_proxy
  UNION ALL SELECT 3, 'logbook_door', id, created_at FROM logbook_door
  UNION ALL SELECT 3, 'logbook_back_office', id, created_at FROM logbook_back_office
  UNION ALL SELECT 4, 'staff_attendance', id, at FROM staff_attendance
  UNION ALL SELECT 4, 'staff_followups', id, created_at FROM staff_followups
) AS uploaded
ORDER BY o, at, pk;
