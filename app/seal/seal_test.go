package seal_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"quietroom/app/seal"
)

var update = flag.Bool("update", false, "rewrite the version 2 golden files in testdata/v2")

const (
	goldenScope  = "eng-golden"
	goldenRecord = "rec-golden"
	goldenBody   = "a record sealed by format version 2"
)

// member is the test member whose identity the golden files are sealed to.
func member(t testing.TB) *age.X25519Identity {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "member.txt"))
	if err != nil {
		t.Fatal(err)
	}
	id, err := age.ParseX25519Identity(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read golden file (go test -run Golden -update writes version 2's): %v", err)
	}
	return b
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func groupKeys() (out []seal.Purpose) {
	for _, p := range seal.Purposes() {
		if p.IsGroupKey() {
			out = append(out, p)
		}
	}
	return out
}

func records() (out []seal.Purpose) {
	for _, p := range seal.Purposes() {
		if p.IsRecord() {
			out = append(out, p)
		}
	}
	return out
}

func newKey(t testing.TB, p seal.Purpose, scope string) *seal.Key {
	t.Helper()
	k, err := seal.NewKey(p, scope)
	if err != nil {
		t.Fatalf("NewKey(%s, %q): %v", p, scope, err)
	}
	return k
}

func recipient(t testing.TB, k *seal.Key) string {
	t.Helper()
	r, err := k.Recipient()
	must(t, err)
	return r
}

func TestKeyRoundTrip(t *testing.T) {
	m := member(t)
	for _, p := range groupKeys() {
		t.Run(p.String(), func(t *testing.T) {
			k := newKey(t, p, "eng-1")
			sealed, err := k.SealFor(m.Recipient().String())
			must(t, err)
			got, err := seal.OpenKey(p, "eng-1", m, sealed)
			if err != nil {
				t.Fatalf("OpenKey(%s) = %v", p, err)
			}
			if recipient(t, got) != recipient(t, k) || got.Purpose() != p || got.Scope() != "eng-1" {
				t.Errorf("OpenKey(%s) gave another key", p)
			}
		})
	}
}

// TestKeyCrossPurpose: a key sealed for one purpose opens for no other, whatever it is asked
// for as, and for none with another engagement or member.
func TestKeyCrossPurpose(t *testing.T) {
	m := member(t)
	other, _ := age.GenerateX25519Identity()
	for _, p := range groupKeys() {
		k := newKey(t, p, "eng-1")
		sealed, err := k.SealFor(m.Recipient().String())
		must(t, err)
		for _, q := range seal.Purposes() {
			t.Run(p.String()+" as "+q.String(), func(t *testing.T) {
				_, err := seal.OpenKey(q, "eng-1", m, sealed)
				if q == p {
					if err != nil {
						t.Fatalf("OpenKey(%s) = %v", q, err)
					}
					return
				}
				if !errors.Is(err, seal.ErrWrongPurpose) {
					t.Errorf("OpenKey(%s) of a %s = %v, want ErrWrongPurpose", q, p, err)
				}
				if _, err := seal.OpenSecret(m, q, "eng-1", sealed); !errors.Is(err, seal.ErrWrongPurpose) {
					t.Errorf("OpenSecret(%s) of a %s = %v, want ErrWrongPurpose", q, p, err)
				}
			})
		}
		for name, try := range map[string]func() error{
			"another engagement": func() error { _, err := seal.OpenKey(p, "eng-2", m, sealed); return err },
			"a prefix of it":     func() error { _, err := seal.OpenKey(p, "eng-", m, sealed); return err },
			"another member":     func() error { _, err := seal.OpenKey(p, "eng-1", other, sealed); return err },
		} {
			if err := try(); !errors.Is(err, seal.ErrCannotOpen) || errors.Is(err, seal.ErrWrongPurpose) {
				t.Errorf("OpenKey(%s) for %s = %v, want ErrCannotOpen only", p, name, err)
			}
		}
	}
}

func TestSecretCrossPurpose(t *testing.T) {
	m := member(t)
	secret := bytes.Repeat([]byte{7}, 32)
	sealed, err := seal.SealSecret(m.Recipient().String(), seal.PurposeSessionKey, "s-1", secret)
	must(t, err)
	got, err := seal.OpenSecret(m, seal.PurposeSessionKey, "s-1", sealed)
	if err != nil || !bytes.Equal(got, secret) {
		t.Fatalf("OpenSecret = %x, %v; want %x", got, err, secret)
	}
	for _, q := range groupKeys() {
		if _, err := seal.OpenKey(q, "s-1", m, sealed); !errors.Is(err, seal.ErrWrongPurpose) {
			t.Errorf("OpenKey(%s) of a session key = %v, want ErrWrongPurpose", q, err)
		}
	}
	if _, err := seal.OpenSecret(m, seal.PurposeSessionKey, "s-2", sealed); !errors.Is(err, seal.ErrCannotOpen) {
		t.Errorf("OpenSecret for another session = %v, want ErrCannotOpen", err)
	}
	for _, q := range append(groupKeys(), records()...) {
		if _, err := seal.SealSecret(m.Recipient().String(), q, "s-1", secret); !errors.Is(err, seal.ErrWrongPurpose) {
			t.Errorf("SealSecret(%s) = %v, want ErrWrongPurpose", q, err)
		}
	}
}

// TestRecordCrossPurpose: a record sealed for one purpose opens with its own key only, for
// its own purpose, engagement and record id.
func TestRecordCrossPurpose(t *testing.T) {
	keys := map[seal.Purpose]*seal.Key{}
	for _, p := range groupKeys() {
		keys[p] = newKey(t, p, "eng-1")
	}
	for _, p := range records() {
		owner, _ := p.KeyPurpose()
		ct, err := seal.SealRecord(recipient(t, keys[owner]), p, "eng-1", "r-1", []byte("body"))
		must(t, err)
		for _, q := range seal.Purposes() {
			for _, kp := range groupKeys() {
				t.Run(p.String()+" as "+q.String()+" with a "+kp.String(), func(t *testing.T) {
					got, err := keys[kp].Open(q, "r-1", ct)
					if q == p && kp == owner {
						if err != nil || string(got) != "body" {
							t.Fatalf("Open = %q, %v; want body", got, err)
						}
						return
					}
					if !errors.Is(err, seal.ErrCannotOpen) {
						t.Errorf("Open = %v, want ErrCannotOpen", err)
					}
					if kp == owner && q != p && !errors.Is(err, seal.ErrWrongPurpose) {
						t.Errorf("Open with its own key for %s = %v, want ErrWrongPurpose", q, err)
					}
					// The right private key, under the purpose that may open q: the label
					// sealed inside refuses it, not a check before decrypting.
					if qOwner, ok := q.KeyPurpose(); ok && q != p {
						relabelled := seal.KeyAsForTest(keys[owner], qOwner, "eng-1")
						if _, err := relabelled.Open(q, "r-1", ct); !errors.Is(err, seal.ErrWrongPurpose) {
							t.Errorf("Open as %s with the right private key = %v, want ErrWrongPurpose", q, err)
						}
					}
				})
			}
		}
		for _, moved := range [][2]string{{"eng-2", "r-1"}, {"eng-1", "r-2"}, {"eng-1r", "-1"}} {
			k := newKeyLike(t, keys[owner], moved[0])
			if _, err := k.Open(p, moved[1], ct); !errors.Is(err, seal.ErrCannotOpen) {
				t.Errorf("%s opened as engagement %q record %q: %v, want ErrCannotOpen", p, moved[0], moved[1], err)
			}
		}
	}
}

// newKeyLike is k's private key under another engagement.
func newKeyLike(t *testing.T, k *seal.Key, scope string) *seal.Key {
	t.Helper()
	if scope == k.Scope() {
		return k
	}
	return seal.KeyAsForTest(k, k.Purpose(), scope)
}

func TestSealRefuses(t *testing.T) {
	k := newKey(t, seal.PurposeBoardKey, "eng-1")
	pub := recipient(t, k)
	for name, tc := range map[string]struct {
		err  error
		want error
	}{
		"a key purpose as a record": {err2(seal.SealRecord(pub, seal.PurposeBoardKey, "eng-1", "r", nil)), seal.ErrWrongPurpose},
		"no purpose":                {err2(seal.SealRecord(pub, seal.Purpose(0), "eng-1", "r", nil)), seal.ErrWrongPurpose},
		"a record purpose as a key": {err2(seal.NewKey(seal.PurposeBoardItem, "eng-1")), seal.ErrWrongPurpose},
		"a session key as a group":  {err2(seal.NewKey(seal.PurposeSessionKey, "eng-1")), seal.ErrWrongPurpose},
		"no engagement":             {err2(seal.SealRecord(pub, seal.PurposeBoardItem, "", "r", nil)), seal.ErrMalformed},
		"an overlong record id":     {err2(seal.SealRecord(pub, seal.PurposeBoardItem, "e", strings.Repeat("r", 1025), nil)), seal.ErrMalformed},
		"not a public key":          {err2(seal.SealRecord("age1nope", seal.PurposeBoardItem, "e", "r", nil)), seal.ErrMalformed},
		"a member that is not one":  {err2(k.SealFor("ssh-ed25519 AAAA")), seal.ErrMalformed},
		"too large":                 {err2(seal.SealRecord(pub, seal.PurposeBoardItem, "e", "r", make([]byte, 64<<10))), seal.ErrTooLarge},
	} {
		if !errors.Is(tc.err, tc.want) {
			t.Errorf("%s: %v, want %v", name, tc.err, tc.want)
		}
	}
}

func err2[T any](_ T, err error) error { return err }

// TestSizeBounds: the largest record a purpose allows seals and opens; one byte more does
// not seal.
func TestSizeBounds(t *testing.T) {
	for _, tc := range []struct {
		p   seal.Purpose
		max int
	}{
		{seal.PurposeBoardItem, 64 << 10},
		{seal.PurposePanelRecord, 1 << 20},
		{seal.PurposeSurveyResponse, 1 << 20},
	} {
		owner, _ := tc.p.KeyPurpose()
		k := newKey(t, owner, "e")
		head := 1 + 4 + len("quietroom "+tc.p.String()) + 4 + 1 + 4 + 1
		body := make([]byte, tc.max-head)
		ct, err := seal.SealRecord(recipient(t, k), tc.p, "e", "r", body)
		if err != nil {
			t.Fatalf("SealRecord(%s, %d bytes) = %v", tc.p, len(body), err)
		}
		if got, err := k.Open(tc.p, "r", ct); err != nil || len(got) != len(body) {
			t.Errorf("Open(%s, %d bytes) = %d bytes, %v", tc.p, len(body), len(got), err)
		}
		if _, err := seal.SealRecord(recipient(t, k), tc.p, "e", "r", append(body, 0)); !errors.Is(err, seal.ErrTooLarge) {
			t.Errorf("SealRecord(%s, %d bytes) = %v, want ErrTooLarge", tc.p, len(body)+1, err)
		}
	}
}

// TestTampering: any byte changed, cut or added refuses the whole.
func TestTampering(t *testing.T) {
	m := member(t)
	k := newKey(t, seal.PurposeSurveyKey, "eng-1")
	sealedKey, err := k.SealFor(m.Recipient().String())
	must(t, err)
	rec, err := seal.SealRecord(recipient(t, k), seal.PurposeSurveyResponse, "eng-1", "r-1", []byte("answers"))
	must(t, err)
	for name, tc := range map[string]struct {
		sealed []byte
		open   func([]byte) error
	}{
		"key":    {sealedKey, func(b []byte) error { _, err := seal.OpenKey(seal.PurposeSurveyKey, "eng-1", m, b); return err }},
		"record": {rec, func(b []byte) error { _, err := k.Open(seal.PurposeSurveyResponse, "r-1", b); return err }},
	} {
		for i := range tc.sealed {
			b := bytes.Clone(tc.sealed)
			b[i] ^= 0x01
			if err := tc.open(b); err == nil {
				t.Fatalf("%s with byte %d changed opened", name, i)
			} else if !errors.Is(err, seal.ErrCannotOpen) {
				t.Fatalf("%s with byte %d changed: %v, want ErrCannotOpen", name, i, err)
			}
		}
		for _, b := range [][]byte{tc.sealed[:len(tc.sealed)-1], append(bytes.Clone(tc.sealed), 0), nil} {
			if err := tc.open(b); !errors.Is(err, seal.ErrCannotOpen) {
				t.Errorf("%s of %d bytes: %v, want ErrCannotOpen", name, len(b), err)
			}
		}
	}
}

func TestDestroy(t *testing.T) {
	k := newKey(t, seal.PurposePanelKey, "e")
	pub := recipient(t, k)
	ct, err := seal.SealRecord(pub, seal.PurposePanelRecord, "e", "r", []byte("x"))
	must(t, err)
	k.Destroy()
	k.Destroy()
	if _, err := k.Open(seal.PurposePanelRecord, "r", ct); !errors.Is(err, seal.ErrDestroyed) {
		t.Errorf("Open after Destroy = %v, want ErrDestroyed", err)
	}
	if _, err := k.SealFor(pub); !errors.Is(err, seal.ErrDestroyed) {
		t.Errorf("SealFor after Destroy = %v, want ErrDestroyed", err)
	}
	if _, err := k.Recipient(); !errors.Is(err, seal.ErrDestroyed) {
		t.Errorf("Recipient after Destroy = %v, want ErrDestroyed", err)
	}
}

func TestBundleMAC(t *testing.T) {
	k := newKey(t, seal.PurposeBoardKey, "eng-1")
	auth, err := k.BundleAuthKey()
	must(t, err)
	again, _ := k.BundleAuthKey()
	if len(auth) != 32 || !bytes.Equal(auth, again) {
		t.Fatalf("BundleAuthKey = %x, then %x", auth, again)
	}
	other, _ := newKeyLike(t, k, "eng-2").BundleAuthKey()
	if bytes.Equal(auth, other) {
		t.Error("BundleAuthKey is the same for two engagements")
	}
	for _, p := range []seal.Purpose{seal.PurposePanelKey, seal.PurposeSurveyKey} {
		if _, err := newKey(t, p, "eng-1").BundleAuthKey(); !errors.Is(err, seal.ErrWrongPurpose) {
			t.Errorf("BundleAuthKey of a %s = %v, want ErrWrongPurpose", p, err)
		}
	}
	data := []byte("a bundle")
	mac := seal.MAC(auth, data)
	if len(mac) != seal.MACSize || !seal.VerifyMAC(auth, data, mac) {
		t.Fatal("VerifyMAC refuses its own MAC")
	}
	for _, tc := range []struct{ key, data, mac []byte }{
		{other, data, mac}, {auth, []byte("a bundlf"), mac}, {auth, data, mac[:31]}, {auth, data, nil},
	} {
		if seal.VerifyMAC(tc.key, tc.data, tc.mac) {
			t.Errorf("VerifyMAC(%x, %q, %x) = true", tc.key, tc.data, tc.mac)
		}
	}
}

// TestInterviewPseudonym pins the ids interview records already carry on boards.
func TestInterviewPseudonym(t *testing.T) {
	const board = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"
	got := seal.InterviewPseudonym(board, "s-1")
	// sha256("quietroom board interview\x00" + board + "\x00s-1"), its first 16 bytes in hex.
	if want := "33f8c5d67b772b8d0cdffda0b38a1b06"; got != want {
		t.Errorf("InterviewPseudonym(board, s-1) = %s, want %s", got, want)
	}
	if got != seal.InterviewPseudonym(board, "s-1") || got == seal.InterviewPseudonym(board, "s-2") ||
		got == seal.InterviewPseudonym("age1other", "s-1") || len(got) != 32 {
		t.Errorf("InterviewPseudonym is not one id per board and session: %s", got)
	}
}
