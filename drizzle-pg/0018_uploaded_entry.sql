-- The outbox entry at each PC's upload cursor (table, key, op; uploader.ts): a PC whose cursor
-- here is ahead of its own finds that entry in its outbox after a kill between the server's
-- commit and its own note. A PC whose database went back to an older copy (a restored backup) has
-- another entry there, or none: its rounds stop instead of passing over its new rows.
ALTER TABLE station_devices ADD COLUMN uploaded_entry text;
