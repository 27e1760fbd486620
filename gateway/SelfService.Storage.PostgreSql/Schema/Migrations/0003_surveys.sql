-- Survey responses, one per survey sent to a recipient (a campaign's survey, or CSAT after an agent closed a conversation).
-- As in 0001: the record whole in "doc"; beside it the keys it is found by: the channel and address an answer comes
-- from (the newest one there), and the survey whose results page through it in order of id.

CREATE TABLE survey_responses (
    id text COLLATE "C" PRIMARY KEY,
    survey_id text COLLATE "C" NOT NULL,
    channel text COLLATE "C" NOT NULL,
    address text COLLATE "C" NOT NULL,
    started_at timestamptz NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX survey_responses_address ON survey_responses (channel, address, started_at DESC, id DESC);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id, id);
