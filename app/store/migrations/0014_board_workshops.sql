-- The afternoon of day 2 (app/workshop): the facilitated workshop and what the follow-up visit
-- takes from it, as one document sealed to the board's key (age ciphertext), beside the
-- board's sealed work. It names nobody and holds no interview content; it is sealed so that a
-- copied data folder does not read it, and it is deleted with the board (the day after the
-- follow-up visit, or when the engagement is wiped).
CREATE TABLE board_workshops (
	engagement_id TEXT PRIMARY KEY REFERENCES boards(engagement_id),
	sealed        BLOB NOT NULL
) STRICT;
