-- A peer challenge team's board (app/board). Everything a person wrote is sealed to the
-- board's key (age ciphertext in sealed* columns); nothing here says who wrote an item, in
-- which session, with which group or when: board rows have no time column and no rowid, so
-- their stored order is their random ids' order, not their arrival's.
--
-- boards: a board kept on this kiosk, with its public key and the team's day-2 work.
CREATE TABLE boards (
	engagement_id TEXT PRIMARY KEY REFERENCES engagements(id),
	recipient     TEXT NOT NULL,
	sealed_work   BLOB
) STRICT;

-- board_members: the team. sealed_key is the board key sealed to the member's own public key,
-- NULL while the member waits for an existing member to let them in.
CREATE TABLE board_members (
	engagement_id  TEXT NOT NULL REFERENCES boards(engagement_id),
	interviewer_id TEXT NOT NULL,
	sealed_key     BLOB,
	PRIMARY KEY (engagement_id, interviewer_id)
) STRICT, WITHOUT ROWID;

-- board_records: items and interview records, sealed to the board.
CREATE TABLE board_records (
	engagement_id TEXT NOT NULL REFERENCES boards(engagement_id),
	id            TEXT NOT NULL,
	interview     INTEGER NOT NULL DEFAULT 0,
	sealed        BLOB NOT NULL,
	PRIMARY KEY (engagement_id, id)
) STRICT, WITHOUT ROWID;

-- board_imports: the receipt of each bundle imported (counts and the source kiosk; no content).
CREATE TABLE board_imports (
	engagement_id TEXT NOT NULL REFERENCES boards(engagement_id),
	bundle_id     TEXT NOT NULL,
	source_kiosk  TEXT NOT NULL,
	items         INTEGER NOT NULL,
	interviews    INTEGER NOT NULL,
	duplicates    INTEGER NOT NULL,
	at            INTEGER NOT NULL,
	PRIMARY KEY (engagement_id, bundle_id)
) STRICT;

-- board_links: on a kiosk that contributes to a board kept elsewhere, the board's public part
-- for a local engagement, and the deletion date that travelled with it.
CREATE TABLE board_links (
	engagement_id TEXT PRIMARY KEY REFERENCES engagements(id),
	public        BLOB NOT NULL,
	deletion_at   INTEGER NOT NULL
) STRICT;

-- board_outbox: contributions sealed to a board kept elsewhere, waiting to be exported (and
-- kept until the deletion date, which is the earlier of the travelled one and the engagement's).
CREATE TABLE board_outbox (
	engagement_id TEXT NOT NULL REFERENCES board_links(engagement_id),
	id            TEXT NOT NULL,
	interview     INTEGER NOT NULL DEFAULT 0,
	sealed        BLOB NOT NULL,
	deletion_at   INTEGER NOT NULL,
	PRIMARY KEY (engagement_id, id)
) STRICT, WITHOUT ROWID;

ALTER TABLE deletion_receipts ADD COLUMN board_records INTEGER NOT NULL DEFAULT 0;
