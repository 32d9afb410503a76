-- The station key (src/main/station/station-key.ts): one row, the key wrapped by the station's
-- key passphrase, written once by the first PC that links. Server-only. The app role may read it
-- and insert it once; nobody through the app changes or removes it.
CREATE TABLE station_key (
  id smallint PRIMARY KEY CHECK (id = 1),
  fingerprint text NOT NULL,
  wrapped text NOT NULL,
  salt text NOT NULL,
  kdf jsonb NOT NULL,
  created_at text NOT NULL,
  created_by_device text NOT NULL
);
