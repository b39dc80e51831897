-- Bundles from other rooms are signed by each room's own key and wait for a team member's
-- acceptance before they count (app/board, app/kiosk/board.go).
--
-- board_room_pins: on the board's kiosk, the verifying key each room's bundles came signed
-- with, pinned at the first bundle a member accepted after comparing the room's code. A later
-- bundle naming that room and signed by another key is refused.
CREATE TABLE board_room_pins (
	engagement_id TEXT NOT NULL REFERENCES boards(engagement_id),
	room          TEXT NOT NULL,
	room_key      BLOB NOT NULL,
	PRIMARY KEY (engagement_id, room)
) STRICT, WITHOUT ROWID;

-- board_pending: bundles imported and checked, waiting for a member to accept or refuse what
-- they bring. bundle is the whole file as it came (age ciphertext to the board); it is cleared
-- when the bundle is refused, and the row kept so the same file is not offered again.
CREATE TABLE board_pending (
	engagement_id TEXT NOT NULL REFERENCES boards(engagement_id),
	bundle_id     TEXT NOT NULL,
	bundle        BLOB,
	refused       INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (engagement_id, bundle_id)
) STRICT, WITHOUT ROWID;
