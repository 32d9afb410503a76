-- The feed entry at this PC's download position (src/main/station/downloader.ts), as JSON
-- {device, tbl, pk}: a server restored from a backup numbers its feed again from an earlier seq,
-- so an entry there that is absent or another one tells the PC to take the feed from the start.
ALTER TABLE station_link ADD pulled_entry TEXT;
