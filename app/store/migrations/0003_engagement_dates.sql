-- An engagement's dates beyond its deletion date: a peer challenge's on-site visit and the
-- follow-up visit (or a 360 programme's follow-up discussion) that the deletion date follows.
-- Times are Unix nanoseconds; NULL when the engagement has none.
ALTER TABLE engagements ADD COLUMN visit_at INTEGER;
ALTER TABLE engagements ADD COLUMN follow_up_at INTEGER;
