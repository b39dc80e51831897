package retentiontest_test

import (
	"testing"

	"quietroom/app/retention/retentiontest"
	"quietroom/app/session"
	"quietroom/app/session/sessiontest"
)

func TestStorageContract(t *testing.T) {
	retentiontest.Contract(t, func(t *testing.T) retentiontest.Inspectable { return retentiontest.NewStorage() }, nil)
}

// Storage is also the session store of the tests that use it.
func TestStorageIsASessionStore(t *testing.T) {
	sessiontest.StoreContract(t, func(t *testing.T, engagements ...session.Engagement) session.Store {
		s := retentiontest.NewStorage()
		for _, e := range engagements {
			s.AddEngagement(e)
		}
		return s
	})
}
