package seal

import (
	"bytes"
	"fmt"
	"io"

	"filippo.io/age"
)

// The one size policy: each purpose has a largest plaintext (header included). Sealing
// refuses more, so nothing is sealed that would not open; opening refuses sealed bytes
// longer than that plaintext could encrypt to before decrypting, and reads no more than it.

// ageOverhead bounds what age adds to max bytes of plaintext for one X25519 recipient: a
// header of a few hundred bytes (allowed 1 KiB), the 16-byte payload nonce and a 16-byte tag
// per 64 KiB chunk.
func ageOverhead(max int) int { return 1024 + 16 + 16*(max/(64<<10)+1) }

// ageSeal seals payload to one recipient.
func ageSeal(r age.Recipient, payload []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err == nil {
		_, err = w.Write(payload)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	return buf.Bytes(), nil
}

// ageOpen opens what ageSeal sealed to id, if its plaintext is at most max bytes. Anything
// wrong is ErrCannotOpen; a wrong identity says no more than a cut file.
func ageOpen(id age.Identity, sealed []byte, max int) ([]byte, error) {
	if len(sealed) > max+ageOverhead(max) {
		return nil, ErrCannotOpen
	}
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		return nil, ErrCannotOpen
	}
	payload, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil || len(payload) > max {
		clear(payload)
		return nil, ErrCannotOpen
	}
	return payload, nil
}

func parseRecipient(s string) (*age.X25519Recipient, error) {
	r, err := age.ParseX25519Recipient(s)
	if err != nil {
		return nil, fmt.Errorf("%w: not an age X25519 public key", ErrMalformed)
	}
	return r, nil
}

// sealPayload seals header and body together to r.
func sealPayload(r age.Recipient, i purposeInfo, scope, recordID string, body []byte) ([]byte, error) {
	payload := append(header(i, scope, recordID), body...)
	defer clear(payload)
	if len(payload) > i.max {
		return nil, fmt.Errorf("%w: %d bytes for a %s", ErrTooLarge, len(payload), i.name)
	}
	return ageSeal(r, payload)
}

// openPayload opens sealed with id and checks it was sealed for p, scope and recordID. The
// body it returns shares the payload's memory; clear must be called on free when done.
func openPayload(id age.Identity, p Purpose, i purposeInfo, scope, recordID string, sealed []byte) (body, free []byte, err error) {
	payload, err := ageOpen(id, sealed, i.max)
	if err != nil {
		return nil, nil, err
	}
	body, err = parse(p, i, scope, recordID, payload)
	if err != nil {
		clear(payload)
		return nil, nil, err
	}
	return body, payload, nil
}
