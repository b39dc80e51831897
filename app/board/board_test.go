package board

import (
	"bytes"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"filippo.io/age"

	"quietroom/app/seal"
)

func member(t *testing.T) *age.X25519Identity {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func newBoard(t *testing.T, eng string) *Key {
	t.Helper()
	k, err := NewKey(eng)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func item(t *testing.T, tag Tag, text string) Item {
	t.Helper()
	it, err := NewItem(tag, text)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

// quote is a key quote from a session, the one kind that may be pinned.
func quote(t *testing.T, tag Tag, text string) Item {
	t.Helper()
	it, err := NewQuote(tag, text)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

// note is a line of an interviewer's notes.
func note(t *testing.T, tag Tag, text string) Item {
	t.Helper()
	it, err := NewNote(tag, text)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

func TestMemberKeys(t *testing.T) {
	alice, bob, carol := member(t), member(t), member(t)
	k := newBoard(t, "eng-1")
	sealedA, err := k.SealFor(alice.Recipient().String())
	if err != nil {
		t.Fatal(err)
	}
	k.Lock()
	if _, err := k.SealFor(bob.Recipient().String()); !errors.Is(err, ErrLocked) {
		t.Fatalf("SealFor after Lock = %v, want ErrLocked", err)
	}

	// Alice opens it and lets Bob in later.
	ka, err := OpenKey("eng-1", alice, sealedA)
	if err != nil {
		t.Fatalf("OpenKey(alice) = %v", err)
	}
	sealedB, err := ka.SealFor(bob.Recipient().String())
	if err != nil {
		t.Fatal(err)
	}
	kb, err := OpenKey("eng-1", bob, sealedB)
	if err != nil {
		t.Fatalf("OpenKey(bob) = %v", err)
	}
	ida, _ := ka.ID()
	idb, _ := kb.ID()
	if ida != idb {
		t.Fatalf("Bob's board id %s, Alice's %s", idb, ida)
	}

	for name, tc := range map[string]struct {
		eng    string
		id     age.Identity
		sealed []byte
	}{
		"carol with alice's": {"eng-1", carol, sealedA},
		"other engagement":   {"eng-2", alice, sealedA},
		"tampered":           {"eng-1", alice, flip(sealedA, len(sealedA)-3)},
		"empty":              {"eng-1", alice, nil},
	} {
		if _, err := OpenKey(tc.eng, tc.id, tc.sealed); !errors.Is(err, ErrCannotOpen) {
			t.Errorf("%s: OpenKey = %v, want ErrCannotOpen", name, err)
		}
	}
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	if len(c) > 0 {
		c[i%len(c)] ^= 0x01
	}
	return c
}

func TestRecordsWriteOnlyAndBound(t *testing.T) {
	k := newBoard(t, "eng-1")
	w, _ := k.Writer()
	it := item(t, Thorn, "Nobody answers the phone after four.")
	sealed, err := w.SealItem(it)
	if err != nil {
		t.Fatal(err)
	}
	got, err := k.OpenItem(it.ID, sealed)
	if err != nil || got != it {
		t.Fatalf("OpenItem = %+v, %v; want %+v", got, err, it)
	}
	if bytes.Contains(sealed, []byte("phone")) {
		t.Fatal("sealed item holds its text")
	}
	other := newBoard(t, "eng-1")
	if _, err := other.OpenItem(it.ID, sealed); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("another board's key opened the item: %v", err)
	}
	if _, err := k.OpenItem(NewID(), sealed); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("item moved to another id opened: %v", err)
	}
	if _, err := k.OpenInterview(it.ID, sealed); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("item opened as an interview: %v", err)
	}
	if _, err := k.OpenWork(sealed); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("item opened as the work: %v", err)
	}
	// The same private key under another engagement id (a row moved between engagements)
	// opens nothing either: app/seal's TestRecordCrossPurpose tries it.
	if _, err := w.SealItem(Item{ID: NewID(), Tag: "weed", Text: "x"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("SealItem(bad tag) = %v, want ErrInvalid", err)
	}
}

func TestWorkSealed(t *testing.T) {
	k := newBoard(t, "eng-1")
	var w Work
	th, _ := w.AddTheme("Communication")
	if _, err := w.AddInsight(th, "Staff hear about changes last"); err != nil {
		t.Fatal(err)
	}
	sealed, err := k.SealWork(w)
	if err != nil {
		t.Fatal(err)
	}
	got, err := k.OpenWork(sealed)
	if err != nil || len(got.Themes) != 1 || got.Themes[0].Insights[0].Statement != "Staff hear about changes last" {
		t.Fatalf("OpenWork = %+v, %v", got, err)
	}
	if _, err := k.OpenWork(flip(sealed, len(sealed)-5)); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("tampered work opened: %v", err)
	}
}

// contribution is what another room's kiosk makes: items sealed with the public part alone.
func contribution(t *testing.T, p Public, texts ...string) ([]byte, string) {
	t.Helper()
	w, err := p.Writer()
	if err != nil {
		t.Fatal(err)
	}
	var recs []Record
	for _, s := range texts {
		it := item(t, Rose, s)
		sealed, err := w.SealItem(it)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, Record{ID: it.ID, Sealed: sealed})
	}
	iv := Interview{ID: NewID(), Group: "foster carers", QuestionSet: "Peer challenge"}
	sealed, err := w.SealInterview(iv)
	if err != nil {
		t.Fatal(err)
	}
	recs = append(recs, Record{ID: iv.ID, Interview: true, Sealed: sealed})
	b, id, err := SealBundle(p, "room-2", roomKey(t), recs)
	if err != nil {
		t.Fatal(err)
	}
	return b, id
}

// testNow is the kiosk's clock in these tests.
var testNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// roomKey is a room's signing key, as a kiosk derives it from its device secret.
func roomKey(t testing.TB) *seal.SigningKey {
	t.Helper()
	secret := make([]byte, 32)
	rand.Read(secret)
	k, err := seal.RoomSigningKey(secret)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func publicOf(t *testing.T, k *Key) Public {
	t.Helper()
	p, err := k.Public(time.Date(2027, 4, 2, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := p.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParsePublic(raw, testNow) // as the other kiosk reads it off the stick
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func TestBundleRoundTrip(t *testing.T) {
	k := newBoard(t, "eng-1")
	p := publicOf(t, k)
	b, id, err := func() ([]byte, string, error) { b, id := contribution(t, p, "one", "two", "three"); return b, id, nil }()
	if err != nil {
		t.Fatal(err)
	}
	got, err := k.OpenBundle(b)
	if err != nil {
		t.Fatalf("OpenBundle = %v", err)
	}
	if got.BundleID != id || got.SourceKiosk != "room-2" || got.EngagementID != "eng-1" || len(got.Records) != 4 ||
		!got.DeletionDate.Equal(p.DeletionDate) {
		t.Fatalf("OpenBundle = %+v", got)
	}
	texts := map[string]bool{}
	for _, r := range got.Records {
		if r.Interview {
			iv, err := k.OpenInterview(r.ID, r.Sealed)
			if err != nil || iv.Group != "foster carers" {
				t.Fatalf("interview = %+v, %v", iv, err)
			}
			continue
		}
		it, err := k.OpenItem(r.ID, r.Sealed)
		if err != nil {
			t.Fatal(err)
		}
		texts[it.Text] = true
	}
	if len(texts) != 3 {
		t.Fatalf("items = %v", texts)
	}
	// Another bundle of the same contribution has another id: the board tells them apart,
	// and the items' ids tell it they are the same items.
	_, id2 := contribution(t, p, "one")
	if id2 == id {
		t.Fatal("two bundles with one id")
	}
}

func TestBundleTamperedEveryByte(t *testing.T) {
	k := newBoard(t, "eng-1")
	b, _ := contribution(t, publicOf(t, k), "a rose")
	step := 1
	if testing.Short() {
		step = 7
	}
	for i := 0; i < len(b); i += step {
		if _, err := k.OpenBundle(flip(b, i)); err == nil {
			t.Fatalf("bundle with byte %d flipped opened", i)
		}
	}
	for _, n := range []int{0, 1, len(bundleMagic) + 16, len(b) - 1} {
		if _, err := k.OpenBundle(b[:n]); err == nil {
			t.Fatalf("bundle cut at %d opened", n)
		}
	}
	if _, err := k.OpenBundle(append(bytes.Clone(b), 0)); !errors.Is(err, ErrTampered) {
		t.Fatalf("bundle with a byte added = %v, want ErrTampered", err)
	}
}

func TestBundleForgedOrForAnotherBoard(t *testing.T) {
	k := newBoard(t, "eng-1")
	p := publicOf(t, k)

	// Someone who knows the board's public key but not the public part's auth key.
	forger := p
	forger.AuthKey = bytes.Repeat([]byte{7}, 32)
	forged, _ := contribution(t, forger, "a forged rose")
	if _, err := k.OpenBundle(forged); !errors.Is(err, ErrTampered) {
		t.Errorf("forged bundle = %v, want ErrTampered", err)
	}

	// A bundle for another engagement's board.
	other := newBoard(t, "eng-2")
	elsewhere, _ := contribution(t, publicOf(t, other), "another board's rose")
	if _, err := k.OpenBundle(elsewhere); !errors.Is(err, ErrOtherBoard) {
		t.Errorf("other board's bundle = %v, want ErrOtherBoard", err)
	}

	// A bundle that names this board in its header but was sealed for another: its MAC is
	// the other board's.
	relabelled := bytes.Clone(elsewhere)
	id, _ := k.ID()
	copy(relabelled[len(bundleMagic):], id)
	if _, err := k.OpenBundle(relabelled); !errors.Is(err, ErrTampered) {
		t.Errorf("relabelled bundle = %v, want ErrTampered", err)
	}

	// A holder of the public part who slips in a record sealed to another board: the whole
	// bundle is refused, nothing of it imported.
	ow, _ := publicOf(t, other).Writer()
	bad := item(t, Thorn, "sealed elsewhere")
	sealed, _ := ow.SealItem(bad)
	w, _ := p.Writer()
	good := item(t, Rose, "good")
	gs, _ := w.SealItem(good)
	mixed, _, err := SealBundle(p, "room-2", roomKey(t), []Record{{ID: good.ID, Sealed: gs}, {ID: bad.ID, Sealed: sealed}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.OpenBundle(mixed); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("bundle with a foreign record = %v, want ErrCannotOpen", err)
	}

	// Garbage.
	for _, g := range [][]byte{nil, []byte("hello"), []byte(publicMagic)} {
		if _, err := k.OpenBundle(g); !errors.Is(err, ErrMalformed) {
			t.Errorf("OpenBundle(%q) = %v, want ErrMalformed", g, err)
		}
	}
}

func TestBundleShuffled(t *testing.T) {
	k := newBoard(t, "eng-1")
	p := publicOf(t, k)
	w, _ := p.Writer()
	var recs []Record
	for i := 0; i < 30; i++ {
		it := item(t, Bud, "idea")
		s, _ := w.SealItem(it)
		recs = append(recs, Record{ID: it.ID, Sealed: s})
	}
	b, _, err := SealBundle(p, "room-2", roomKey(t), recs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := k.OpenBundle(b)
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for i := range recs {
		if got.Records[i].ID == recs[i].ID {
			same++
		}
	}
	if same == len(recs) {
		t.Fatal("bundle keeps the order the items were written in")
	}
}

// TestLostStick writes what travels on the stick (the public part one way, a bundle the other)
// to a folder and scans its raw bytes: no item text, group, question set or kiosk name.
func TestLostStick(t *testing.T) {
	k := newBoard(t, "eng-1")
	p := publicOf(t, k)
	stick := t.TempDir()
	raw, _ := p.MarshalBinary()
	os.WriteFile(filepath.Join(stick, "board.public"), raw, 0o600)
	b, _ := contribution(t, p, "MARKER-ROSE-7731 the ward manager listens", "MARKER-ROSE-8842")
	os.WriteFile(filepath.Join(stick, "contribution.bundle"), b, 0o600)
	markers := []string{"MARKER-ROSE", "ward manager", "foster carers", "Peer challenge", "room-2"}
	filepath.Walk(stick, func(path string, info os.FileInfo, err error) error {
		if info.IsDir() {
			return nil
		}
		data, _ := os.ReadFile(path)
		for _, m := range markers {
			if bytes.Contains(bytes.ToLower(data), bytes.ToLower([]byte(m))) {
				t.Errorf("%s holds %q", filepath.Base(path), m)
			}
		}
		return nil
	})
}
