-- An interviewer's own sessions are listed after sign-in (their list, and resuming a live
-- session after a restart).
CREATE INDEX sessions_by_interviewer ON sessions(interviewer_id, created_at);
