-- Each gateway instance counts the traffic it accepted and writes its own rows; the dashboard and /metrics show the sum
-- of every instance's rows. One row per hour and channel was last-writer-wins between instances. Rows written before
-- this migration belong to instance '' (the single instance that wrote them).
ALTER TABLE traffic_hours ADD COLUMN instance text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE traffic_hours DROP CONSTRAINT traffic_hours_pkey;
ALTER TABLE traffic_hours ADD PRIMARY KEY (hour, channel, instance);
