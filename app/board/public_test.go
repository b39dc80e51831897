package board

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// signedPublic is a public part file whose JSON line is line, signed with k's signing key:
// what only the board (or someone with its key) can make, to show that the checks beyond the
// signature hold too.
func signedPublic(t testing.TB, k *Key, line string) []byte {
	t.Helper()
	sk, err := k.signingKey()
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(publicMagic + line + "\n")
	return append(body, base64.StdEncoding.EncodeToString(sk.Sign(body))+"\n"...)
}

func jsonLine(raw []byte) string { return strings.Split(string(raw), "\n")[1] }

func TestParsePublic(t *testing.T) {
	k := newBoard(t, "eng-1")
	p, _ := k.Public(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	raw, _ := p.MarshalBinary()
	got, err := ParsePublic(raw, testNow)
	if err != nil || got.Code() != p.Code() || got.BoardID() != p.BoardID() || !got.DeletionDate.Equal(p.DeletionDate) {
		t.Fatalf("ParsePublic = %+v, %v", got, err)
	}
	line := jsonLine(raw)
	date := func(d time.Time) string {
		return regexp.MustCompile(`"deletion":\d+`).ReplaceAllString(line, fmt.Sprintf(`"deletion":%d`, d.Unix()))
	}
	for name, b := range map[string][]byte{
		"empty": nil, "magic only": []byte(publicMagic), "cut": raw[:len(raw)-3],
		"trailing junk":                       append(bytes.Clone(raw), "junk\n"...),
		"trailing line feed":                  append(bytes.Clone(raw), '\n'),
		"extra field, signed":                 signedPublic(t, k, strings.Replace(line, `{"engagement"`, `{"x":1,"engagement"`, 1)),
		"duplicate key, signed":               signedPublic(t, k, strings.Replace(line, `{"engagement":`, `{"engagement":"eng-2","engagement":`, 1)),
		"space, signed":                       signedPublic(t, k, strings.Replace(line, `,"recipient"`, `, "recipient"`, 1)),
		"short auth, signed":                  signedPublic(t, k, regexp.MustCompile(`"auth":"[^"]*"`).ReplaceAllString(line, `"auth":"AAAA"`)),
		"deleted in 2001, signed":             signedPublic(t, k, date(time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC))),
		"deleted in 9999, signed":             signedPublic(t, k, date(time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC))),
		"U+202E in the engagement id, signed": signedPublic(t, k, strings.Replace(line, `"eng-1"`, `"eng-\u202e1"`, 1)),
		"ESC in the engagement id, signed":    signedPublic(t, k, strings.Replace(line, `"eng-1"`, `"eng-\u001b1"`, 1)),
	} {
		if _, err := ParsePublic(b, testNow); !errors.Is(err, ErrMalformed) {
			t.Errorf("ParsePublic(%s) = %v, want ErrMalformed", name, err)
		}
	}
	if strings.Contains(string(raw), "AGE-SECRET-KEY") {
		t.Fatal("public part holds the board's private key")
	}
}

// TestLinkRefusesAFlippedBit flips every bit of a board's file in turn: none is read as a board
// (before files were signed, one flip silently changed the deletion date).
func TestLinkRefusesAFlippedBit(t *testing.T) {
	k := newBoard(t, "eng-1")
	p, _ := k.Public(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	raw, _ := p.MarshalBinary()
	for i := range len(raw) * 8 {
		b := bytes.Clone(raw)
		b[i/8] ^= 1 << (i % 8)
		if got, err := ParsePublic(b, testNow); err == nil {
			t.Fatalf("ParsePublic(bit %d flipped) = %+v, want an error", i, got)
		}
	}
}

// TestPublicSignedByItsBoard: a file with another key's signature, or an attacker's public key
// under the real board's signature, is refused; an attacker's own file has another code.
func TestPublicSignedByItsBoard(t *testing.T) {
	k, attacker := newBoard(t, "eng-1"), newBoard(t, "eng-1")
	real, _ := k.Public(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	fake, _ := attacker.Public(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	realRaw, _ := real.MarshalBinary()
	fakeRaw, _ := fake.MarshalBinary()

	// The attacker's key and auth under the real board's signature and verifying key.
	swapped := real
	swapped.Recipient, swapped.AuthKey = fake.Recipient, fake.AuthKey
	b, _ := swapped.MarshalBinary()
	if _, err := ParsePublic(b, testNow); !errors.Is(err, ErrTampered) {
		t.Errorf("ParsePublic(attacker's key, board's signature) = %v, want ErrTampered", err)
	}
	// The attacker's own file parses (it is well made), but shows another code.
	got, err := ParsePublic(fakeRaw, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if got.Code() == real.Code() {
		t.Fatal("an attacker's file shows the board's code")
	}
	if c, _ := k.Code(); c != real.Code() || !regexp.MustCompile(`^\d{5} \d{5} \d{5} \d{5}$`).MatchString(c) {
		t.Errorf("board's kiosk shows %q, the file %q", c, real.Code())
	}
	_ = realRaw
}

func TestOldPublicFile(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "v1", "public.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParsePublic(raw, testNow); !errors.Is(err, ErrOldFormat) {
		t.Errorf("ParsePublic(v1) = %v, want ErrOldFormat", err)
	}
	if id, ok := OldPublicBoardID(raw); !ok || len(id) != 16 {
		t.Errorf("OldPublicBoardID(v1) = %q, %v", id, ok)
	}
}

func FuzzParsePublic(f *testing.F) {
	k, _ := NewKey("eng-1")
	p, _ := k.Public(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	raw, _ := p.MarshalBinary()
	f.Add(raw)
	if old, err := os.ReadFile(filepath.Join("testdata", "v1", "public.bin")); err == nil {
		f.Add(old)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePublic(data, testNow)
		if err != nil {
			return
		}
		again, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("a public part read from %q writes back as %q", data, again)
		}
	})
}
