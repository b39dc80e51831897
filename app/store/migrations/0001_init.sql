-- Quiet Room schema, version 1.
--
-- Content (anything a person said, wrote or chose in free text) arrives sealed and is kept in
-- BLOB columns named sealed*; nothing here is plaintext content. The audit log and the deletion
-- receipts hold ids, counts, times, roles and outcomes only: never content, labels or names.
-- Times are Unix nanoseconds (UTC); NULL is "not set".

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE engagements (
	id                 TEXT PRIMARY KEY,
	title              TEXT NOT NULL,
	kind               TEXT NOT NULL DEFAULT '',
	deletion_at        INTEGER NOT NULL,
	stakeholder_groups TEXT NOT NULL DEFAULT '[]',
	legal_hold         INTEGER NOT NULL DEFAULT 0,
	hold_reason        TEXT NOT NULL DEFAULT '',
	closed             INTEGER NOT NULL DEFAULT 0,
	created_at         INTEGER
) STRICT;

CREATE TABLE interviewers (
	id           TEXT PRIMARY KEY,
	display_name TEXT NOT NULL,
	key_slot     BLOB,
	disabled     INTEGER NOT NULL DEFAULT 0,
	must_change  INTEGER NOT NULL DEFAULT 0,
	created_at   INTEGER,
	updated_at   INTEGER
) STRICT;

CREATE TABLE sessions (
	id             TEXT PRIMARY KEY,
	engagement_id  TEXT NOT NULL REFERENCES engagements(id),
	interviewer_id TEXT NOT NULL,
	pack_id        TEXT NOT NULL DEFAULT '',
	pack_version   INTEGER NOT NULL DEFAULT 0,
	pack_hash      TEXT NOT NULL DEFAULT '',
	topic_ids      TEXT NOT NULL DEFAULT '[]',
	sealed_label   BLOB,
	state          TEXT NOT NULL,
	progress       TEXT NOT NULL DEFAULT '{}',
	timer          TEXT NOT NULL DEFAULT '{}',
	deletion_at    INTEGER NOT NULL,
	sealed_key     BLOB,
	created_at     INTEGER,
	updated_at     INTEGER
) STRICT;
CREATE INDEX sessions_by_engagement ON sessions(engagement_id);
CREATE INDEX sessions_by_deletion ON sessions(deletion_at);

CREATE TABLE entries (
	seq        INTEGER PRIMARY KEY AUTOINCREMENT,
	id         TEXT NOT NULL UNIQUE,
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	topic_id   TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL,
	tag        TEXT NOT NULL DEFAULT '',
	sealed     BLOB,
	created_at INTEGER,
	updated_at INTEGER
) STRICT;
CREATE INDEX entries_by_session ON entries(session_id, seq);

CREATE TABLE consents (
	session_id       TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
	pack_hash        TEXT NOT NULL DEFAULT '',
	choices          TEXT NOT NULL DEFAULT '{}',
	sealed_signature BLOB,
	given_at         INTEGER
) STRICT;

CREATE TABLE decline_counts (
	engagement_id TEXT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
	count         INTEGER NOT NULL
) STRICT;

-- The admin credential verifier (one row); opaque bytes from the vault.
CREATE TABLE admin_credential (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	verifier   BLOB NOT NULL,
	updated_at INTEGER
) STRICT;

-- Failed PIN attempts per subject ("admin" or an interviewer id), so delays survive a reboot.
CREATE TABLE failed_attempts (
	subject TEXT PRIMARY KEY,
	count   INTEGER NOT NULL,
	last_at INTEGER
) STRICT;

CREATE TABLE audit_log (
	seq           INTEGER PRIMARY KEY AUTOINCREMENT,
	at            INTEGER NOT NULL,
	actor         TEXT NOT NULL,
	action        TEXT NOT NULL,
	engagement_id TEXT NOT NULL DEFAULT '',
	session_id    TEXT NOT NULL DEFAULT '',
	count         INTEGER NOT NULL DEFAULT 0,
	outcome       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE deletion_receipts (
	id             TEXT PRIMARY KEY,
	kind           TEXT NOT NULL,
	actor          TEXT NOT NULL,
	at             INTEGER NOT NULL,
	engagement_ids TEXT NOT NULL DEFAULT '[]',
	session_ids    TEXT NOT NULL DEFAULT '[]',
	sessions       INTEGER NOT NULL DEFAULT 0,
	entries        INTEGER NOT NULL DEFAULT 0,
	consents       INTEGER NOT NULL DEFAULT 0,
	declines       INTEGER NOT NULL DEFAULT 0,
	keys_destroyed INTEGER NOT NULL DEFAULT 0,
	rows_deleted   INTEGER NOT NULL DEFAULT 0,
	secure_delete  INTEGER NOT NULL DEFAULT 0,
	wal_truncated  INTEGER NOT NULL DEFAULT 0,
	pages_freed    INTEGER NOT NULL DEFAULT 0,
	reclaimed      INTEGER NOT NULL DEFAULT 0,
	rows_remaining INTEGER NOT NULL DEFAULT 0,
	bytes_scanned  INTEGER NOT NULL DEFAULT 0,
	keys_found     INTEGER NOT NULL DEFAULT 0,
	outcome        TEXT NOT NULL DEFAULT 'pending',
	completed_at   INTEGER
) STRICT;
