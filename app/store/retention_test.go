package store

import (
	"testing"

	"quietroom/app/retention/retentiontest"
)

// The store keeps retention's promises, as the in-memory fake the kiosk tests use does: the
// same contract runs against both.
func TestRetentionStorageContract(t *testing.T) {
	retentiontest.Contract(t,
		func(t *testing.T) retentiontest.Inspectable { return openDB(t, t.TempDir(), Options{}) },
		func(t *testing.T, s retentiontest.Inspectable) retentiontest.Inspectable {
			d := s.(*DB)
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			return openDB(t, d.dir, Options{})
		})
}
