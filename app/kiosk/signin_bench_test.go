package kiosk_test

import (
	"testing"

	"quietroom/app/clock/clocktest"
	"quietroom/app/vault"
)

// BenchmarkPINCheck is an interviewer's sign-in with the production Argon2id costs
// (vault.DefaultParams) over the real store: the wrong-PIN delay looked up, the PIN stretched
// and the private key opened, the result recorded. Its cost does not depend on how much data
// the kiosk holds. The screen shows nothing until it returns: app/ui BenchmarkPINWait
// measures what a person waits for.
func BenchmarkPINCheck(b *testing.B) {
	r := newBenchRoom(b, "Room 1", clocktest.New(benchStart), vault.DefaultParams, "")
	id := r.enrol(b, "Alice Interviewer")
	b.ReportMetric(float64(vault.DefaultParams.MemoryKiB)/1024, "MiB")
	for b.Loop() {
		s, err := r.k.SignIn(ctx, id, []byte(pin))
		if err != nil {
			b.Fatal(err)
		}
		s.SignOut()
	}
	per := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.Logf("goal: a PIN check %.0f ms; the screen shows no sign of it working until it returns, so a person waits %.0f ms <= %d ms: %s",
		per/1e6, per/1e6, tapGoal.Milliseconds(), passFail(per <= float64(tapGoal.Nanoseconds())))
}
