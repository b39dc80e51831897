-- A wipe's receipt says when it came against the engagement's follow-up date: 'before', 'on' or
-- 'after' the follow-up day, or 'none' when the engagement had none; '' for other receipts and
-- for wipes recorded before. A code, never a date or a name.
ALTER TABLE deletion_receipts ADD COLUMN follow_up TEXT NOT NULL DEFAULT '';
