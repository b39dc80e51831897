package seal_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quietroom/app/seal"
)

// The golden files pin the sealed formats: what one version sealed opens in every later one,
// for its purpose only. testdata/v1 was sealed by the code before purposes were labelled
// (board keys and records by app/board, group keys and records by app/vault), to the member
// in testdata/member.txt, for engagement eng-golden; testdata/v2 is written by
// go test -run Golden -update.

func fileName(p seal.Purpose) string { return strings.ReplaceAll(p.String(), " ", "-") + ".age" }

var goldenSecret = bytes.Repeat([]byte{0x2a}, 32)

func writeV2(t *testing.T) {
	m := member(t)
	must(t, os.MkdirAll(filepath.Join("testdata", "v2"), 0o755))
	write := func(name string, b []byte) { must(t, os.WriteFile(filepath.Join("testdata", "v2", name), b, 0o644)) }
	keys := map[seal.Purpose]*seal.Key{}
	for _, p := range groupKeys() {
		keys[p] = newKey(t, p, goldenScope)
		b, err := keys[p].SealFor(m.Recipient().String())
		must(t, err)
		write(fileName(p), b)
	}
	b, err := seal.SealSecret(m.Recipient().String(), seal.PurposeSessionKey, goldenScope, goldenSecret)
	must(t, err)
	write(fileName(seal.PurposeSessionKey), b)
	for _, p := range records() {
		owner, _ := p.KeyPurpose()
		b, err := seal.SealRecord(recipient(t, keys[owner]), p, goldenScope, goldenRecord, []byte(goldenBody))
		must(t, err)
		write(fileName(p), b)
	}
}

// goldenKeys opens the version 2 golden key of each group purpose.
func goldenKeys(t testing.TB) map[seal.Purpose]*seal.Key {
	t.Helper()
	m := member(t)
	keys := map[seal.Purpose]*seal.Key{}
	for _, p := range groupKeys() {
		k, err := seal.OpenKey(p, goldenScope, m, readFile(t, filepath.Join("v2", fileName(p))))
		if err != nil {
			t.Fatalf("OpenKey(golden %s): %v", p, err)
		}
		keys[p] = k
	}
	return keys
}

func TestGoldenV2(t *testing.T) {
	if *update {
		writeV2(t)
	}
	m := member(t)
	keys := goldenKeys(t)
	for _, p := range groupKeys() {
		sealed := readFile(t, filepath.Join("v2", fileName(p)))
		for _, q := range groupKeys() {
			if _, err := seal.OpenKey(q, goldenScope, m, sealed); q != p && !errors.Is(err, seal.ErrWrongPurpose) {
				t.Errorf("golden %s opened as a %s: %v, want ErrWrongPurpose", p, q, err)
			}
		}
	}
	got, err := seal.OpenSecret(m, seal.PurposeSessionKey, goldenScope, readFile(t, filepath.Join("v2", fileName(seal.PurposeSessionKey))))
	if err != nil || !bytes.Equal(got, goldenSecret) {
		t.Errorf("OpenSecret(golden) = %x, %v", got, err)
	}
	for _, p := range records() {
		sealed := readFile(t, filepath.Join("v2", fileName(p)))
		owner, _ := p.KeyPurpose()
		body, err := keys[owner].Open(p, goldenRecord, sealed)
		if err != nil || string(body) != goldenBody {
			t.Errorf("Open(golden %s) = %q, %v", p, body, err)
		}
		for _, q := range records() {
			if q == p {
				continue
			}
			qOwner, _ := q.KeyPurpose()
			k := seal.KeyAsForTest(keys[owner], qOwner, goldenScope)
			if _, err := k.Open(q, goldenRecord, sealed); !errors.Is(err, seal.ErrWrongPurpose) {
				t.Errorf("golden %s opened as a %s with its own private key: %v, want ErrWrongPurpose", p, q, err)
			}
		}
	}
}

// TestGoldenV1: what was sealed before purposes were labelled still opens where it was made
// for. Version 1 kept board records of different kinds apart, but not the group keys from each
// other, nor panel records from survey responses: those open for either, as they always did.
func TestGoldenV1(t *testing.T) {
	m := member(t)
	v1 := func(name string) []byte { return readFile(t, filepath.Join("v1", name)) }
	for _, name := range []string{"board-key.age", "group-key.age"} {
		for _, p := range groupKeys() {
			if _, err := seal.OpenKey(p, goldenScope, m, v1(name)); err != nil {
				t.Errorf("OpenKey(%s, v1 %s) = %v", p, name, err)
			}
			if _, err := seal.OpenKey(p, "eng-golde", m, v1(name)); !errors.Is(err, seal.ErrCannotOpen) {
				t.Errorf("OpenKey(%s, v1 %s) for another engagement = %v, want ErrCannotOpen", p, name, err)
			}
		}
	}
	board, err := seal.OpenKey(seal.PurposeBoardKey, goldenScope, m, v1("board-key.age"))
	must(t, err)
	for _, tc := range []struct {
		file, id string
		p        seal.Purpose
		body     string
	}{
		{"board-item.age", "0123456789abcdef0123456789abcdef", seal.PurposeBoardItem, `{"t":"rose","x":"a rose sealed by format version 1"}`},
		{"board-interview.age", "fedcba9876543210fedcba9876543210", seal.PurposeBoardInterview, `{"g":"team leads","s":"pack"}`},
		{"board-work.age", "work", seal.PurposeBoardWork, ""},
	} {
		body, err := board.Open(tc.p, tc.id, v1(tc.file))
		if err != nil || (tc.body != "" && string(body) != tc.body) {
			t.Errorf("Open(v1 %s) = %s, %v; want %s", tc.file, body, err, tc.body)
		}
		for _, q := range []seal.Purpose{seal.PurposeBoardItem, seal.PurposeBoardInterview, seal.PurposeBoardWork} {
			if _, err := board.Open(q, tc.id, v1(tc.file)); q != tc.p && !errors.Is(err, seal.ErrWrongPurpose) {
				t.Errorf("Open(v1 %s) as a %s = %v, want ErrWrongPurpose", tc.file, q, err)
			}
		}
		if _, err := board.Open(seal.PurposeBoardBundle, tc.id, v1(tc.file)); !errors.Is(err, seal.ErrCannotOpen) {
			t.Errorf("Open(v1 %s) as a bundle = %v, want ErrCannotOpen", tc.file, err)
		}
		if _, err := board.Open(tc.p, tc.id+"0", v1(tc.file)); !errors.Is(err, seal.ErrCannotOpen) {
			t.Errorf("Open(v1 %s) under another id = %v, want ErrCannotOpen", tc.file, err)
		}
	}
	for _, p := range []seal.Purpose{seal.PurposePanelKey, seal.PurposeSurveyKey} {
		g, err := seal.OpenKey(p, goldenScope, m, v1("group-key.age"))
		must(t, err)
		rp := seal.PurposePanelRecord
		if p == seal.PurposeSurveyKey {
			rp = seal.PurposeSurveyResponse
		}
		body, err := g.Open(rp, goldenRecord, v1("group-record.age"))
		if err != nil || string(body) != "a record sealed by format version 1" {
			t.Errorf("Open(%s, v1 group record) = %q, %v", rp, body, err)
		}
		if _, err := g.Open(rp, goldenRecord+"x", v1("group-record.age")); !errors.Is(err, seal.ErrCannotOpen) {
			t.Errorf("Open(%s, v1 group record) under another id = %v, want ErrCannotOpen", rp, err)
		}
	}
}
