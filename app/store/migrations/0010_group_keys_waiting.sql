-- A member whose PIN is reset gets a new key, so the group keys sealed to the old one no longer
-- open for them. Their rows stay (they are still on the panel or the survey's review team) with
-- no sealed key: NULL while the member waits to be let in again by another member, who seals
-- the group's key to the new one, as board_members already is for a member added late.
CREATE TABLE panel_member_keys_waiting (
	engagement_id  TEXT NOT NULL REFERENCES panel_recruitments(engagement_id),
	interviewer_id TEXT NOT NULL,
	sealed_key     BLOB,
	PRIMARY KEY (engagement_id, interviewer_id)
) STRICT;
INSERT INTO panel_member_keys_waiting (engagement_id, interviewer_id, sealed_key)
	SELECT engagement_id, interviewer_id, sealed_key FROM panel_member_keys;
DROP INDEX panel_member_keys_by_interviewer;
DROP TABLE panel_member_keys;
ALTER TABLE panel_member_keys_waiting RENAME TO panel_member_keys;
CREATE INDEX panel_member_keys_by_interviewer ON panel_member_keys(interviewer_id);

CREATE TABLE survey_keys_waiting (
	engagement_id  TEXT NOT NULL REFERENCES surveys(engagement_id),
	interviewer_id TEXT NOT NULL,
	sealed_key     BLOB,
	PRIMARY KEY (engagement_id, interviewer_id)
) STRICT;
INSERT INTO survey_keys_waiting (engagement_id, interviewer_id, sealed_key)
	SELECT engagement_id, interviewer_id, sealed_key FROM survey_keys;
DROP TABLE survey_keys;
ALTER TABLE survey_keys_waiting RENAME TO survey_keys;
