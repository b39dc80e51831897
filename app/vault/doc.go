// Package vault owns Quiet Room's keys: the device secret, the PIN-derived keys that wrap each
// interviewer's private key, the per-session data keys, and sealing and opening of records with
// them. It is pure Go: no cgo, SQL, Fyne or periph. It implements session.Keys and
// session.SessionKey; the assembly (app/assemble) wires it in and the kiosk's use cases call
// it. The session package must never import it; the screens (app/ui) use only its errors, to
// word a wrong PIN or a wait in plain language.
//
// # The key hierarchy
//
//	device secret (OTP key, or key file)  ─┐
//	interviewer PIN ── Argon2id(salt) ─────┴─ HKDF-SHA256 ─→ key-encryption key (KEK)
//	KEK ── XChaCha20-Poly1305 ─→ the interviewer's age X25519 private key      (Slot)
//	interviewer's public key ── age ─→ each session's 32-byte data key         (sealed key)
//	data key ── XChaCha20-Poly1305 ─→ each record: note, quote, label, signature
//	each member's public key ── age ─→ a group's age X25519 private key        (app/seal)
//	the group's public key ── age ─→ each record of the group: a panel's marks,
//	                                 a survey's responses                        (app/seal)
//
// A Slot is what the store keeps per interviewer: the public key in the clear, the Argon2id
// params and salt, and the sealed private key; Slot.MarshalBinary and ParseSlot give it a
// versioned byte form. Vault.Unlock turns (interviewer id, PIN, slot) into an *Interviewer,
// which makes new session keys (Interviewer.NewSessionKey, the session.Keys port) and opens
// its own old ones (Interviewer.OpenSessionKey). A *SessionKey seals and opens records and is
// destroyed when the session or write-up closes.
//
// Content several people share (a recruitment panel's record, a survey's responses: the
// survey's review team is its group, NewSurveyKey; a team's board) has a group key of its own,
// made and sealed by app/seal, the one implementation of sealing with age: an age key pair
// whose private key is sealed to each member's public key (seal's Key.SealFor), so any
// member's PIN opens it (Interviewer.OpenGroupKey) and nobody else's, the admin's included.
// Records are sealed to its public key (seal.SealRecord), which needs no private key: the
// kiosk writes them without being able to read the group's others. Every key and record is
// sealed with its purpose (a panel's key, a survey's response), its engagement and record id
// inside the encryption, so it does not open for another purpose or anywhere else. A
// session's data key is sealed through app/seal too (seal.PurposeSessionKey); its records
// are sealed here, with the data key.
//
// # What each defence gives
//
//   - The device secret is the HKDF salt of every derived key, so a copy of the database
//     alone opens nothing, however weak the PIN: the attacker must also have the secret. It
//     never enters the database. SecretSource is the port; the hardware layer provides the Pi
//     OTP device private key, and KeyFile is the fallback (32 random bytes, mode 0600, folder
//     0700, refused inside the data directory or when its mode or size is wrong, never
//     overwritten). For `make run`, KeyFileOptions.Development allows it inside the dev data
//     folder and says so in its Name.
//   - Argon2id makes each PIN guess cost memory and time, for an attacker who has both the
//     card and the device secret.
//   - HKDF's info binds the purpose and the interviewer id, so one interviewer's slot can't be
//     opened as another's, and the admin verifier (its own label) derives nothing that opens a
//     slot: the admin credential verifies and opens no note.
//   - The sealed private key's associated data binds the interviewer id and the whole slot
//     header (version, params, salt, public key): an edited slot does not open, rather than,
//     say, sealing new sessions to a substituted public key.
//   - A wrong PIN, a wrong device secret, another interviewer's slot and a tampered slot all
//     give ErrWrongCredential, with the same message: no oracle says which part was wrong.
//   - Each session has its own random data key, sealed to the interviewer's public key with
//     age. The kiosk writes a session with the session key alone; the interviewer can be
//     locked once the session starts, and reading an old session again needs the PIN. The
//     sealed key names its purpose and its session, so it can't be moved to another session's
//     row or opened as any other kind of key (app/seal).
//   - Each record is sealed with XChaCha20-Poly1305 under a random 24-byte nonce (random
//     nonces are safe at this size), with a version byte and associated data binding the
//     session id and record id, length-prefixed, so a ciphertext moved to another record or
//     session, or with its ids shifted ("ab"+"c" for "a"+"bc"), does not open.
//   - SessionKey.Destroy zeroes the key bytes; Seal and Open fail with ErrKeyDestroyed after.
//     Deleting the sealed data key from the store crypto-erases the session.
//   - Limiter rate-limits PIN attempts with growing delays (by default three free tries, then
//     30 s, 1 min, 2 min, 5 min, 15 min) and a lock-out at the tenth failure that only a
//     verified admin can clear (Limiter.Clear takes the *Admin that VerifyAdmin returns).
//     The counts live in an AttemptLog the store persists, so they survive a reboot; the
//     failure is recorded before the attempt runs and reset only on success, so pulling the
//     power mid-attempt gives no free guess. A clock that went backwards never lengthens a
//     delay beyond the policy's.
//
// All randomness of the vault's own (salts, nonces, data keys, the key file) comes from the
// injected Options.Rand, crypto/rand by default. age draws from crypto/rand itself for new key
// pairs and when sealing a data key; tests needing those deterministic can use
// testing/cryptotest.SetGlobalRandom.
//
// # Argon2id parameters
//
// DefaultParams are 64 MiB, 3 passes, 4 lanes: RFC 9106's second recommended setting, and the
// cost we aim at half a second per unlock on a Raspberry Pi 4. Memory: the Pi has at least
// 2 GiB and the kiosk needs little, so 64 MiB is affordable and makes each guess cost an
// attacker's GPU or ASIC real memory. Lanes: the Pi 4 has 4 cores and x/crypto/argon2 runs the
// lanes in parallel. Passes: set from the measurement below.
//
// Measured here (BenchmarkUnlock, which is the PIN to private key path; the Argon2id step is
// all but a few microseconds of it): about 130 ms per unlock with all 4 lanes on one core of
// an AMD EPYC (Zen 5 class, virtual) server, the fastest of several runs on a busy shared host;
// contended runs were 170-400 ms.
//
// Pi 4 estimate: we take a Pi 4 Cortex-A72 core as 6x slower than that x86 core for this
// work, the top of the usual 4-6x range, because x/crypto/argon2 has SSE4.1 assembly for
// amd64 but only generic Go for arm64, and Argon2 is bound by memory bandwidth, where the
// Pi 4's 32-bit LPDDR4 is far behind a server. One core would then take about 0.8 s; spread
// over 4 cores that share that memory bus we expect a speed-up of 1.5-2x, not 4x, giving
// 0.4-0.55 s, about half a second. A Pi 5 should be 2-3x faster (about 0.2 s).
// Check on the device: GOARCH=arm64 go test -c, then run the binary with -test.bench Unlock.
// Params are stored in each slot and verifier, so they can be changed for new credentials
// (Options.Params; Vault.ChangePIN reseals an existing slot with the current params) without
// breaking old ones; ParseSlot refuses params above 512 MiB or 64 passes, so an edited slot
// can't exhaust the Pi's memory.
//
// # Residual risks
//
//   - A short PIN with the device secret can be brute-forced offline. With the 6-digit PIN
//     space (10^6) and 130 ms of one server core per guess, the whole space is about 36
//     core-hours: a few hours on an 8-core laptop. Argon2id slows this; it does not stop it.
//     The rate limit only protects the kiosk's own PIN pad. Longer PINs or passphrases help.
//   - Which is why the device secret matters, and why the key-file fallback is weaker than the
//     OTP key: the key file sits on the same SD card as the data, outside the data directory
//     but inside any image of the card, so a full card copy carries both. The OTP key never
//     leaves the SoC. Devices without it should be documented as such to their owners.
//   - Someone who can run code on the kiosk while an interviewer is signed in, or a session is
//     open, can read what is in memory. Go can't promise the memory is wiped: Destroy zeroes
//     the key slice, but the AEAD keeps short-lived copies, age keeps the private scalar in
//     unexported fields (Interviewer.Lock only drops the reference), and the collector may have
//     moved or copied buffers. Swap must stay off.
//   - The rate limit is only as durable as its AttemptLog and as honest as its clock: an
//     attacker who can edit the database can reset it, but then they have the card, and the
//     offline attack above is the better one for them anyway.
//   - Admin lock-out: the admin's own credential has nobody above it to clear a lock-out, so
//     limit it with a Policy whose LockOutAfter is zero (delays only).
package vault
