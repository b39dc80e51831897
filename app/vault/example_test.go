package vault_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"quietroom/app/clock"
	"quietroom/app/vault"
)

// The life of an interviewer's keys: enrolment, sign-in under the rate limit, a session's notes,
// sealing, and reading the write-up again later.
func Example() {
	root, _ := os.MkdirTemp("", "vault-example")
	defer os.RemoveAll(root)
	secret, _ := vault.NewKeyFile(filepath.Join(root, "key", "device.key"),
		vault.KeyFileOptions{DataDir: filepath.Join(root, "data")})
	_ = secret.Create() // first boot only; never overwrites

	// Cheap params keep the example quick; production leaves Params zero (DefaultParams).
	v, _ := vault.New(secret, vault.Options{Params: vault.Params{MemoryKiB: 64, Time: 1, Threads: 1}})
	slot, _ := v.NewInterviewer("iv-1", []byte("4821"))
	stored, _ := slot.MarshalBinary() // the store keeps these bytes

	limiter := vault.NewLimiter(vault.NewMemoryAttemptLog(), clock.System(), vault.DefaultPolicy())
	var in *vault.Interviewer
	err := limiter.Try(context.Background(), "iv-1", func() error {
		s, err := vault.ParseSlot(stored)
		if err != nil {
			return err
		}
		in, err = v.Unlock("iv-1", []byte("4821"), s)
		return err
	})
	if err != nil {
		fmt.Println("sign-in:", err)
		return
	}

	key, sealedKey, _ := in.NewSessionKey("iv-1", "s-1")
	in.Lock() // the session key alone writes the session
	note, _ := key.Seal("note-1", []byte("roses: the induction week"))
	key.Destroy() // the session is sealed

	// Later: the write-up needs the PIN again.
	in, _ = v.Unlock("iv-1", []byte("4821"), slot)
	key2, _ := in.OpenSessionKey("s-1", sealedKey)
	text, _ := key2.Open("note-1", note)
	fmt.Println(string(text))
	// Output: roses: the induction week
}
