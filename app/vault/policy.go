package vault

// AdminPolicy is the rate limit of the admin credential: three free tries, then the same
// growing delays as an interviewer's PIN, and never a lock-out, because nobody is above the
// admin to clear one.
func AdminPolicy() Policy {
	return Policy{FreeFailures: 3, Delays: DefaultPolicy().Delays}
}
