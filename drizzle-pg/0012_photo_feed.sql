-- Photo records join the feed the other PCs download (drizzle-pg/0010). Those uploaded before
-- this migration are listed once, as from the PC that holds their file (so it does not take its
-- own back), removed ones as an insert that carries the removal.
INSERT INTO station_feed (device_id, tbl, pk, op)
SELECT coalesce(device_id, ''), 'photos', id, 'insert' FROM photos ORDER BY taken_at, id;
