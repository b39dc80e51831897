-- A survey's responses are kept together, as one value per survey (survey_records.records):
-- every response, each under its random id, in the order of the ids, written whole at every
-- response (survey.go). Responses are sealed at one size, so the value and the pages under it
-- say how many there are and nothing of who answered, when, or in what order: in one row per
-- response, SQLite gives each new row's overflow pages the next free page, in arrival order.
CREATE TABLE survey_records (
	engagement_id TEXT PRIMARY KEY REFERENCES surveys(engagement_id),
	records       BLOB NOT NULL
) STRICT;

-- Responses stored one row each before this version stay where they are until their survey's
-- next response moves them into its records, but are rewritten here in the order of their
-- ids, so that their pages no longer follow the order they came in. Their sealed sizes, which
-- vary with the answers and the team's name, cannot be evened out without the survey's key.
CREATE TABLE survey_responses_by_id (
	engagement_id TEXT NOT NULL REFERENCES surveys(engagement_id),
	id            TEXT NOT NULL,
	sealed        BLOB NOT NULL,
	PRIMARY KEY (engagement_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO survey_responses_by_id (engagement_id, id, sealed)
	SELECT engagement_id, id, sealed FROM survey_responses ORDER BY engagement_id, id;
DROP INDEX survey_responses_by_engagement;
DROP TABLE survey_responses;
ALTER TABLE survey_responses_by_id RENAME TO survey_responses;
