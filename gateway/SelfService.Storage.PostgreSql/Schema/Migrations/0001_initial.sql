-- The gateway's tables as of the first PostgreSQL engine. Each record is kept whole in "doc" (jsonb, as the port's type
-- serializes); the columns beside it are what keys, lookups, ordering and retention need. Keys compare as the bytes they
-- are (COLLATE "C"), as the port's ordinal order asks, whatever the database's locale.

-- Messages.
CREATE TABLE inbound (
    id text COLLATE "C" PRIMARY KEY,              -- a version-7 GUID: time-ordered, so retention is a range of it
    dedup_key text COLLATE "C" NOT NULL UNIQUE,   -- "channel|channel message id": a redelivery is the same row
    state text NOT NULL,
    received_at timestamptz NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX inbound_waiting ON inbound (received_at, id) WHERE state = 'Accepted';

CREATE TABLE outbox (
    id text COLLATE "C" PRIMARY KEY,              -- "inbound id:n" for replies: one row per reply of a message, however often it runs
    channel text COLLATE "C" NOT NULL,
    address text COLLATE "C" NOT NULL,
    state text NOT NULL,
    due timestamptz,                              -- the next attempt while pending; null otherwise, so the due index holds only work
    created_at timestamptz NOT NULL,
    match_keys text[] NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX outbox_due ON outbox (due, id) WHERE due IS NOT NULL;
CREATE INDEX outbox_state ON outbox (state);
CREATE INDEX outbox_created ON outbox (created_at);
CREATE INDEX outbox_match_keys ON outbox USING gin (match_keys);

CREATE TABLE early_receipts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    match_keys text[] NOT NULL,
    state text NOT NULL,
    error text,
    at timestamptz NOT NULL
);
CREATE INDEX early_receipts_match_keys ON early_receipts USING gin (match_keys);
CREATE INDEX early_receipts_at ON early_receipts (at);

CREATE TABLE conversations (
    key text COLLATE "C" PRIMARY KEY,             -- "channel|address"
    doc jsonb NOT NULL
);

CREATE TABLE customers (
    id text COLLATE "C" PRIMARY KEY,
    msisdn text COLLATE "C" NOT NULL UNIQUE,
    identity_keys text[] NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX customers_identities ON customers USING gin (identity_keys);

CREATE TABLE history (
    id text COLLATE "C" PRIMARY KEY,
    customer_id text COLLATE "C",
    identity_key text COLLATE "C" NOT NULL,
    kind text NOT NULL,
    outcome text COLLATE "C",
    at timestamptz NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX history_customer ON history (customer_id, at) WHERE customer_id IS NOT NULL;
CREATE INDEX history_identity ON history (identity_key, at);
CREATE INDEX history_outcome ON history (outcome, at) WHERE outcome IS NOT NULL;

-- The embedded provisioning backend.
CREATE TABLE prov_services (code text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE prov_subscribers (msisdn text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE prov_changes (
    request_id text COLLATE "C" PRIMARY KEY,      -- the idempotency key: a repeated request gets the stored answer
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    msisdn text COLLATE "C" NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX prov_changes_msisdn ON prov_changes (msisdn, seq);

-- The channels' own state.
CREATE TABLE sms_mo_parts (
    id text COLLATE "C" PRIMARY KEY,              -- "set key#sequence": a redelivered part replaces itself
    set_key text COLLATE "C" NOT NULL,
    received_at timestamptz NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX sms_mo_parts_set ON sms_mo_parts (set_key);
CREATE INDEX sms_mo_parts_received ON sms_mo_parts (received_at);

CREATE TABLE email_threads (id text COLLATE "C" PRIMARY KEY, doc jsonb NOT NULL);

CREATE TABLE telegram_chats (id bigint PRIMARY KEY, doc jsonb NOT NULL);
CREATE TABLE telegram_state (key text COLLATE "C" PRIMARY KEY, value bigint NOT NULL);
CREATE TABLE telegram_sent_parts (outbox_id text COLLATE "C" PRIMARY KEY, parts integer NOT NULL);

CREATE TABLE webchat_conversations (id text COLLATE "C" PRIMARY KEY, created_at timestamptz NOT NULL, doc jsonb NOT NULL);
CREATE TABLE webchat_activities (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- the watermark
    activity_id text COLLATE "C" NOT NULL UNIQUE,
    conversation_id text COLLATE "C" NOT NULL,
    at timestamptz NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX webchat_activities_conversation ON webchat_activities (conversation_id, seq);

CREATE TABLE directline_conversations (id text COLLATE "C" PRIMARY KEY, created_at timestamptz NOT NULL);
CREATE TABLE directline_activities (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text COLLATE "C" NOT NULL UNIQUE,
    conversation_id text COLLATE "C" NOT NULL,
    at timestamptz NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX directline_activities_conversation ON directline_activities (conversation_id, seq);

CREATE TABLE signing_keys (name text COLLATE "C" PRIMARY KEY, key bytea NOT NULL);

-- Staff.
CREATE TABLE staff_accounts (
    id text COLLATE "C" PRIMARY KEY,
    user_name text COLLATE "C" NOT NULL UNIQUE,
    roles text[] NOT NULL,
    disabled boolean NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX staff_accounts_roles ON staff_accounts USING gin (roles);

CREATE TABLE api_tokens (
    id text COLLATE "C" PRIMARY KEY,
    hash text COLLATE "C" NOT NULL UNIQUE,
    account_id text COLLATE "C" NOT NULL,
    revoked boolean NOT NULL,
    created_at timestamptz NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

CREATE TABLE staff_audit (
    id text COLLATE "C" PRIMARY KEY,              -- time-ordered by the caller: newest first is a walk down this key
    actor text COLLATE "C" NOT NULL,
    subject text COLLATE "C" NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX staff_audit_actor ON staff_audit (actor, id);
CREATE INDEX staff_audit_subject ON staff_audit (subject, id);

CREATE TABLE escalations (
    id text COLLATE "C" PRIMARY KEY,
    state text NOT NULL,
    queue_group text COLLATE "C" NOT NULL,
    agent text COLLATE "C",
    enqueued_at timestamptz NOT NULL,
    taken_at timestamptz,
    doc jsonb NOT NULL
);
CREATE INDEX escalations_open ON escalations (queue_group, enqueued_at) WHERE state <> 'Closed';
CREATE INDEX escalations_agent ON escalations (agent) WHERE agent IS NOT NULL;
CREATE INDEX escalations_enqueued ON escalations (enqueued_at);
CREATE INDEX escalations_taken ON escalations (taken_at) WHERE taken_at IS NOT NULL;

-- The knowledge base.
CREATE TABLE kb_articles (id text COLLATE "C" PRIMARY KEY, live_version integer NOT NULL, doc jsonb NOT NULL);
CREATE TABLE kb_article_versions (
    id text COLLATE "C" PRIMARY KEY,              -- "article#000042"
    article_id text COLLATE "C" NOT NULL,
    number integer NOT NULL,
    doc jsonb NOT NULL,
    UNIQUE (article_id, number)
);
CREATE TABLE kb_article_transitions (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id text COLLATE "C" NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX kb_article_transitions_article ON kb_article_transitions (article_id, id);

-- The dashboard's hourly rollup.
CREATE TABLE traffic_hours (
    hour timestamptz NOT NULL,
    channel text COLLATE "C" NOT NULL,
    messages bigint NOT NULL,
    senders bytea NOT NULL,
    counted_through timestamptz NOT NULL,
    PRIMARY KEY (hour, channel)
);
