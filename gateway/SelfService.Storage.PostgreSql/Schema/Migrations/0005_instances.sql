-- The gateway instances sharing the database, each with its last heartbeat, so every instance's /health and dashboard
-- show them all (and, with the leases, what each owns). A row is upserted by its instance's beats and deleted a day after
-- the last one.
CREATE TABLE instances (
    id text COLLATE "C" PRIMARY KEY,
    started_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);
