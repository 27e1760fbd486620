-- Outbound campaigns, the numbers uploaded for them, their recipients (one due row per recipient and run), and the
-- topics customers stopped with the trail of every stop and resume. As in 0001: the record whole in "doc", keys and
-- what queries walk in columns beside it, keys compared as bytes (COLLATE "C"). Nothing here is purged by retention
-- (the LiteDB engine purges none of it either).

CREATE TABLE campaigns (
    id text COLLATE "C" PRIMARY KEY,
    state text NOT NULL,
    created_at timestamptz NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX campaigns_state ON campaigns (state);
CREATE INDEX campaigns_created ON campaigns (created_at DESC, id);

-- An uploaded list: one row per campaign and number, so a number listed twice is one row, read in order of number.
CREATE TABLE campaign_numbers (
    campaign_id text COLLATE "C" NOT NULL,
    msisdn text COLLATE "C" NOT NULL,
    PRIMARY KEY (campaign_id, msisdn)
);

CREATE TABLE campaign_recipients (
    id text COLLATE "C" PRIMARY KEY,              -- "campaign|run|number": writing the audience out again adds nobody twice
    campaign_id text COLLATE "C" NOT NULL,
    run text COLLATE "C" NOT NULL,
    seq bigint NOT NULL,
    state text NOT NULL,
    parts integer NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX campaign_recipients_run ON campaign_recipients (campaign_id, run, seq);
-- Only the pending ones: the sender's "next due" walk never steps over those already handed over.
CREATE INDEX campaign_recipients_pending ON campaign_recipients (campaign_id, run, seq) WHERE state = 'Pending';

-- What each number stopped now ("*": every topic).
CREATE TABLE opt_outs (
    msisdn text COLLATE "C" NOT NULL,
    topic text COLLATE "C" NOT NULL,
    PRIMARY KEY (msisdn, topic)
);

-- Every stop and resume, never changed: the id (the inbound message's) makes a message run again record nothing twice.
CREATE TABLE opt_out_changes (
    id text COLLATE "C" PRIMARY KEY,
    msisdn text COLLATE "C" NOT NULL,
    at timestamptz NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX opt_out_changes_msisdn ON opt_out_changes (msisdn, at, id);
