-- Leases on the connections only one gateway may hold (an SMPP bind, Telegram's long poll, an IMAP mailbox). A row is
-- never deleted: its token only grows, each taking one more than the last, so a write carrying an older token is refused.
CREATE TABLE leases (
    name text COLLATE "C" PRIMARY KEY,
    owner text NOT NULL,
    token bigint NOT NULL,
    acquired_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
