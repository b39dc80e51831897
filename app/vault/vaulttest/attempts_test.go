package vaulttest_test

import (
	"testing"

	"quietroom/app/vault"
	"quietroom/app/vault/vaulttest"
)

func TestMemoryAttemptLogContract(t *testing.T) {
	vaulttest.AttemptLogContract(t,
		func(t *testing.T) vault.AttemptLog { return vault.NewMemoryAttemptLog() },
		func(t *testing.T, l vault.AttemptLog) vault.AttemptLog { return l })
}
