-- Recruitment panels (app/panel). A recruitment is an engagement of kind recruitment; its
-- content is sealed to the recruitment's own public key (age X25519), whose private key is
-- sealed to each panel member (panel_member_keys). In the clear: ids, the public key, times,
-- and which member submitted for which candidate number (the kiosk's order of things).
-- Rows die with the engagement: a wipe of it, a wipe of everything, or the purge on its
-- deletion date (not while it is on legal hold).
CREATE TABLE panel_recruitments (
	engagement_id TEXT PRIMARY KEY REFERENCES engagements(id),
	public_key    TEXT NOT NULL,
	sealed_setup  BLOB NOT NULL,
	frozen_at     INTEGER,
	decided_at    INTEGER,
	created_at    INTEGER,
	updated_at    INTEGER
) STRICT;

CREATE TABLE panel_member_keys (
	engagement_id  TEXT NOT NULL REFERENCES panel_recruitments(engagement_id),
	interviewer_id TEXT NOT NULL,
	sealed_key     BLOB NOT NULL,
	PRIMARY KEY (engagement_id, interviewer_id)
) STRICT;
CREATE INDEX panel_member_keys_by_interviewer ON panel_member_keys(interviewer_id);

-- Each mark, notes, confirmation and the decision: one sealed row each, written as it is
-- entered, so a power cut loses nothing saved.
CREATE TABLE panel_records (
	engagement_id TEXT NOT NULL REFERENCES panel_recruitments(engagement_id),
	record_id     TEXT NOT NULL,
	sealed        BLOB NOT NULL,
	updated_at    INTEGER,
	PRIMARY KEY (engagement_id, record_id)
) STRICT;

CREATE TABLE panel_submissions (
	engagement_id  TEXT NOT NULL REFERENCES panel_recruitments(engagement_id),
	candidate      TEXT NOT NULL,
	interviewer_id TEXT NOT NULL,
	submitted_at   INTEGER NOT NULL,
	PRIMARY KEY (engagement_id, candidate, interviewer_id)
) STRICT;
