-- Each PC's name, as its station settings give it (default: its host name): a photo record whose
-- JPEG is on another PC says which one (src/main/photo/photo-service.ts). Set by the PC itself
-- at each round (uploader.ts); read by every PC (station-service.ts).
ALTER TABLE station_devices ADD COLUMN name text;
