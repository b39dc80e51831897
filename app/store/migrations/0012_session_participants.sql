-- A session may be a small-group interview (the handbook's day 1: "4-5 participants will be
-- fine for each session"): how many people took part is kept sealed with the session's own key,
-- one digit, so that no one-to-one or group session tells itself apart by a column or a size.
-- Sessions stored before have none, and count one person.
ALTER TABLE sessions ADD COLUMN sealed_participants BLOB;
