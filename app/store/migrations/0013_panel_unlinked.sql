-- Recruitment panels keep no link between a member, a candidate and a time in the clear
-- (app/panel's doc; DESIGN.md, confidentiality property 10). Every record of a panel (marks,
-- notes, submissions, consents, confirmations, the decision) is one sealed item under an id
-- that is a keyed hash of its logical id ("mark|<member>|<candidate>|<question>"), which only
-- a member's key computes (app/seal RecordIDs); the table has no rowid, so its rows lie in the
-- order of those ids, not of their writing; no item carries a time. A recruitment keeps two
-- flags, frozen and decided, and no time.
--
-- Records and submissions stored before this migration (panel_records by logical id,
-- panel_submissions in the clear) stay until a member first opens the panel with their key:
-- the kiosk then seals them again as items and deletes these rows (store's ConvertPanel), in
-- one transaction. The times they held go with them; the submissions' times live on sealed.
CREATE TABLE panel_items (
	engagement_id TEXT NOT NULL REFERENCES panel_recruitments(engagement_id),
	item_id       TEXT NOT NULL,
	sealed        BLOB NOT NULL,
	PRIMARY KEY (engagement_id, item_id)
) STRICT, WITHOUT ROWID;

ALTER TABLE panel_recruitments ADD COLUMN frozen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE panel_recruitments ADD COLUMN decided INTEGER NOT NULL DEFAULT 0;
UPDATE panel_recruitments SET frozen = (frozen_at IS NOT NULL), decided = (decided_at IS NOT NULL);
ALTER TABLE panel_recruitments DROP COLUMN frozen_at;
ALTER TABLE panel_recruitments DROP COLUMN decided_at;
ALTER TABLE panel_recruitments DROP COLUMN created_at;
ALTER TABLE panel_recruitments DROP COLUMN updated_at;
ALTER TABLE panel_records DROP COLUMN updated_at;
