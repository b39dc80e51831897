package vault

import (
	"bytes"
	"testing"
)

// BenchmarkUnlock is one interviewer sign-in with the production params: PIN to private key.
func BenchmarkUnlock(b *testing.B) {
	v, err := New(secretOf(1), Options{Params: DefaultParams})
	if err != nil {
		b.Fatal(err)
	}
	s := newSlot(b, v, "iv-1", "4821")
	b.ReportMetric(float64(DefaultParams.MemoryKiB)/1024, "MiB")
	for b.Loop() {
		if _, err := v.Unlock("iv-1", []byte("4821"), s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSeal seals a 2 KiB note, about a topic's worth of notes.
func BenchmarkSeal(b *testing.B) {
	k := &SessionKey{sessionID: "s-1", key: bytes.Repeat([]byte{1}, 32), rand: detRand(1)}
	note := bytes.Repeat([]byte("n"), 2048)
	b.SetBytes(int64(len(note)))
	for b.Loop() {
		if _, err := k.Seal("rec-1", note); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen opens a sealed 2 KiB note.
func BenchmarkOpen(b *testing.B) {
	k := &SessionKey{sessionID: "s-1", key: bytes.Repeat([]byte{1}, 32), rand: detRand(1)}
	ct, _ := k.Seal("rec-1", bytes.Repeat([]byte("n"), 2048))
	b.SetBytes(2048)
	for b.Loop() {
		if _, err := k.Open("rec-1", ct); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewSessionKey makes a data key and seals it to the interviewer with age.
func BenchmarkNewSessionKey(b *testing.B) {
	v := newTestVault(b, secretOf(1))
	in := unlock(b, v, "iv-1", "4821", newSlot(b, v, "iv-1", "4821"))
	for b.Loop() {
		k, _, err := in.NewSessionKey("iv-1", "s-1")
		if err != nil {
			b.Fatal(err)
		}
		k.Destroy()
	}
}

// BenchmarkArgon2id is the key stretching alone, with the production params, to compare with
// published Argon2 figures for other processors.
func BenchmarkArgon2id(b *testing.B) {
	salt := make([]byte, saltSize)
	for b.Loop() {
		k, err := derive([]byte("4821"), salt, secretOf(1), DefaultParams, purposeInterviewerKEK, "iv-1")
		if err != nil {
			b.Fatal(err)
		}
		clear(k)
	}
}
