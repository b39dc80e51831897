-- The leadership culture survey. A survey engagement is an engagement (its title, deletion date
-- and legal hold) with the rules below. Responses are sealed to the survey's public key, whose
-- private key is sealed to each review-team member (survey_keys): the device cannot read them
-- back, the admin cannot open them. A response row holds its random id, its engagement and the
-- sealed bytes: no time at all, no link to a session or an interviewer. The table is WITHOUT
-- ROWID, so rows are kept in the order of their random ids, not the order they arrived in.
CREATE TABLE surveys (
	engagement_id  TEXT PRIMARY KEY REFERENCES engagements(id),
	survey_id      TEXT NOT NULL,
	survey_version INTEGER NOT NULL,
	survey_hash    TEXT NOT NULL,
	survey_file    BLOB NOT NULL,
	teams          TEXT NOT NULL DEFAULT '[]',
	opens_on       TEXT NOT NULL,
	closes_on      TEXT NOT NULL,
	min_group      INTEGER NOT NULL CHECK (min_group >= 3),
	public_key     TEXT NOT NULL,
	-- The deletion date respondents were told (Unix nanoseconds). The engagement's date may be
	-- brought forward, never past this one: the responses go at the earlier of the two.
	deletion_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE survey_keys (
	engagement_id  TEXT NOT NULL REFERENCES surveys(engagement_id),
	interviewer_id TEXT NOT NULL,
	sealed_key     BLOB NOT NULL,
	PRIMARY KEY (engagement_id, interviewer_id)
) STRICT;

CREATE TABLE survey_responses (
	id            TEXT PRIMARY KEY,
	engagement_id TEXT NOT NULL REFERENCES surveys(engagement_id),
	sealed        BLOB NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX survey_responses_by_engagement ON survey_responses(engagement_id);

-- Deletion receipts count the survey responses destroyed.
ALTER TABLE deletion_receipts ADD COLUMN survey_responses INTEGER NOT NULL DEFAULT 0;
