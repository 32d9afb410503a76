-- Upload cursors (src/main/station/uploader.ts): the last outbox seq of each PC the server has,
-- advanced in the same transaction as the rows it covers, so a PC killed mid-upload resumes
-- exactly after what committed. Server-only: not part of the shared table definitions.
CREATE TABLE station_devices (
  device_id text PRIMARY KEY,
  uploaded_seq bigint NOT NULL DEFAULT 0,
  uploaded_at text
);
