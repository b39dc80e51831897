package store

import (
	"testing"

	"quietroom/app/vault"
	"quietroom/app/vault/vaulttest"
)

// The store's wrong-PIN counts keep the same promises as the memory log the kiosk tests use,
// and survive the database being closed and opened again.
func TestAttemptLogContract(t *testing.T) {
	vaulttest.AttemptLogContract(t,
		func(t *testing.T) vault.AttemptLog { return openDB(t, t.TempDir(), Options{}) },
		func(t *testing.T, l vault.AttemptLog) vault.AttemptLog {
			d := l.(*DB)
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			return openDB(t, d.dir, Options{})
		})
}
