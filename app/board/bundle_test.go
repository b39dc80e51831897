package board

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"quietroom/app/seal"
)

// forge is what a holder of the public part can make with a room key of their own: a bundle
// of any records, with any texts sealed inside, past SealBundle's and the Writer's checks.
type forge struct {
	t    testing.TB
	p    Public
	room *seal.SigningKey
	w    Writer
	recs []Record
}

func newForge(t testing.TB, p Public) *forge {
	w, err := p.Writer()
	if err != nil {
		t.Fatal(err)
	}
	return &forge{t: t, p: p, room: roomKey(t), w: w}
}

func (f *forge) item(text string) *forge {
	body, _ := json.Marshal(itemBody{Tag: Rose, Text: text})
	id := NewID()
	s, err := f.w.seal(seal.PurposeBoardItem, id, body)
	if err != nil {
		f.t.Fatal(err)
	}
	f.recs = append(f.recs, Record{ID: id, Sealed: s})
	return f
}

func (f *forge) interview(group, set string) *forge {
	body, _ := json.Marshal(interviewBody{Group: group, Set: set})
	id := NewID()
	s, err := f.w.seal(seal.PurposeBoardInterview, id, body)
	if err != nil {
		f.t.Fatal(err)
	}
	f.recs = append(f.recs, Record{ID: id, Interview: true, Sealed: s})
	return f
}

func (f *forge) bundle(room string) []byte {
	b, err := assembleBundle(f.p, f.room, bundleBody{V: bundleVersion, Engagement: f.p.EngagementID, Board: f.p.BoardID(),
		Bundle: NewID(), Kiosk: room, Room: f.room.Public(), Deletion: f.p.DeletionDate.Unix(), Records: f.recs})
	if err != nil {
		f.t.Fatal(err)
	}
	return b
}

// TestBundleTextRules: every text inside a bundle is held to app/yamlfile's rules; a bundle
// breaking one is refused whole, naming what and where (never its content).
func TestBundleTextRules(t *testing.T) {
	k := newBoard(t, "eng-1")
	p := publicOf(t, k)
	long := strings.Repeat("g", 60000)
	for _, c := range []struct {
		name, where string
		make        func(f *forge) []byte
	}{
		{"60,000-character group", "interview record 1 of 1", func(f *forge) []byte { return f.interview(long, "set").bundle("Room 2") }},
		{"U+202E in a group", "interview record 1 of 1", func(f *forge) []byte { return f.interview("carers\u202e", "set").bundle("Room 2") }},
		{"ESC in a question set", "interview record 2 of 2", func(f *forge) []byte {
			return f.interview("carers", "set").interview("carers", "set\x1b[2J").bundle("Room 2")
		}},
		{"ESC in a room's name", "the room's name", func(f *forge) []byte {
			return f.item("fine").bundle("Room 2\x1b[1A\nSYSTEM: all bundles verified")
		}},
		{"empty room name", "the room's name", func(f *forge) []byte { return f.item("fine").bundle(" ") }},
		{"ESC in an item", "item 1 of 1", func(f *forge) []byte { return f.item("a rose\x1b[31m").bundle("Room 2") }},
		{"NUL in an item", "item 2 of 2", func(f *forge) []byte { return f.item("fine").item("a\x00rose").bundle("Room 2") }},
		{"U+202E in an item", "item 1 of 1", func(f *forge) []byte { return f.item("a \u202eesor").bundle("Room 2") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := k.OpenBundle(c.make(newForge(t, p)))
			var ce *ContentError
			if !errors.As(err, &ce) || !errors.Is(err, ErrContent) || !strings.Contains(ce.Where, c.where) {
				t.Fatalf("OpenBundle = %v, want a ContentError at %q", err, c.where)
			}
			if strings.Contains(err.Error(), "\x1b") || strings.Contains(err.Error(), "\u202e") || strings.Contains(err.Error(), "SYSTEM") {
				t.Errorf("the error repeats the content: %q", err)
			}
		})
	}
	// Line breaks and tabs in an item are text, and pass.
	if _, err := k.OpenBundle(newForge(t, p).item("line one\n\tline two").interview("", "").bundle("Room 2")); err != nil {
		t.Errorf("OpenBundle(item with line breaks) = %v", err)
	}
	// The member's own kiosk refuses the same characters before sealing.
	if _, err := NewItem(Rose, "a rose\x1b[31m"); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewItem(ESC) = %v, want ErrInvalid", err)
	}
}

// TestBundleCountLimits: a bundle of more items or interview records than a room makes is
// refused before any record is opened.
func TestBundleCountLimits(t *testing.T) {
	k := newBoard(t, "eng-1")
	p := publicOf(t, k)
	f := newForge(t, p).item("one")
	// Copies of one sealed item under fresh ids: the count is refused before any is opened.
	for len(f.recs) <= MaxBundleItems {
		f.recs = append(f.recs, Record{ID: NewID(), Sealed: f.recs[0].Sealed})
	}
	start := time.Now()
	if _, err := k.OpenBundle(f.bundle("Room 2")); !errors.Is(err, ErrContent) {
		t.Errorf("OpenBundle(%d items) = %v, want ErrContent", len(f.recs), err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("refusing %d items took %v", len(f.recs), d)
	}
	g := newForge(t, p).interview("carers", "set")
	for len(g.recs) <= MaxBundleInterviews {
		g.recs = append(g.recs, Record{ID: NewID(), Interview: true, Sealed: g.recs[0].Sealed})
	}
	if _, err := k.OpenBundle(g.bundle("Room 2")); !errors.Is(err, ErrContent) {
		t.Errorf("OpenBundle(%d interviews) = %v, want ErrContent", len(g.recs), err)
	}
	if _, _, err := SealBundle(p, "Room 2", roomKey(t), g.recs); !errors.Is(err, ErrContent) {
		t.Errorf("SealBundle(%d interviews) = %v, want ErrContent", len(g.recs), err)
	}
}

// TestBundleSignedByItsRoom: the bundle carries the key that signed it; a body signed by
// another key than the one it names does not open.
func TestBundleSignedByItsRoom(t *testing.T) {
	k := newBoard(t, "eng-1")
	p := publicOf(t, k)
	f := newForge(t, p).item("a rose")
	got, err := k.OpenBundle(f.bundle("Room 2"))
	if err != nil || !bytes.Equal(got.RoomKey, f.room.Public()) || got.RoomCode() != RoomCode(f.room.Public()) || len(got.Items) != 1 {
		t.Fatalf("OpenBundle = %+v, %v", got, err)
	}
	id, _ := k.ID()
	body, _ := json.Marshal(bundleBody{V: bundleVersion, Engagement: "eng-1", Board: id, Bundle: NewID(), Kiosk: "Room 2",
		Room: f.room.Public(), Deletion: p.DeletionDate.Unix(), Records: f.recs})
	other := roomKey(t)
	if _, err := k.openBody(id, append(other.Sign(body), body...)); !errors.Is(err, ErrTampered) {
		t.Errorf("body signed by another key = %v, want ErrTampered", err)
	}
	spaced := bytes.Replace(body, []byte(`,"k"`), []byte(`, "k"`), 1)
	if _, err := k.openBody(id, append(f.room.Sign(spaced), spaced...)); !errors.Is(err, ErrMalformed) {
		t.Errorf("body not in its one encoding = %v, want ErrMalformed", err)
	}
}

func FuzzOpenBundle(f *testing.F) {
	k, _ := NewKey("eng-1")
	p, _ := k.Public(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	w, _ := p.Writer()
	it, _ := NewItem(Rose, "seed")
	s, _ := w.SealItem(it)
	b, _, _ := SealBundle(p, "room", roomKey(f), []Record{{ID: it.ID, Sealed: s}})
	f.Add(b)
	f.Add([]byte(bundleMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := k.OpenBundle(data)
		if err == nil && !bytes.Equal(data, b) {
			t.Fatalf("a changed bundle opened: %+v", got)
		}
	})
}

// fuzzBoard is the board the body fuzzers open with, and its records in testdata/v2 as they
// were sealed: FuzzBundleBody's seeds name them, so mutations reach record opening.
func fuzzBoard(f *testing.F) (*Key, string, *seal.SigningKey) {
	f.Helper()
	k, err := NewKey("eng-fuzz")
	if err != nil {
		f.Fatal(err)
	}
	id, _ := k.ID()
	return k, id, roomKey(f)
}

func seeds(f *testing.F, pattern string) {
	f.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "v2", pattern))
	if len(files) == 0 {
		f.Fatalf("no seeds %s in testdata/v2", pattern)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// FuzzBundleBody fuzzes what lies behind the MAC and the age encryption: the body JSON, signed
// by a room, its ids and counts, and the records it names. The seeds' records are sealed for
// this fuzz's board on the fly (their "s" values are placeholders replaced here).
func FuzzBundleBody(f *testing.F) {
	k, boardID, room := fuzzBoard(f)
	w, _ := k.Writer()
	seeds(f, "body*.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		// Seal the records the body names for this board, so the fuzz reaches opening them.
		var shape struct {
			Records []struct {
				ID string `json:"id"`
				IV bool   `json:"iv"`
				S  []byte `json:"s"`
			} `json:"r"`
		}
		if json.Unmarshal(data, &shape) == nil && len(shape.Records) <= 50 {
			var body bundleBody
			if json.Unmarshal(data, &body) == nil && len(body.Records) == len(shape.Records) {
				for i, r := range shape.Records {
					p := seal.PurposeBoardItem
					if r.IV {
						p = seal.PurposeBoardInterview
					}
					if validID(r.ID) {
						body.Records[i].Sealed, _ = seal.SealRecord(w.Recipient(), p, "eng-fuzz", r.ID, r.S)
					}
				}
				body.Engagement, body.Board, body.Room = "eng-fuzz", boardID, room.Public()
				if again, err := json.Marshal(body); err == nil {
					data = again
				}
			}
		}
		got, err := k.openBody(boardID, append(room.Sign(data), data...))
		if err != nil {
			return
		}
		if len(got.Items) > MaxBundleItems || len(got.Interviews) > MaxBundleInterviews {
			t.Fatalf("opened %d items, %d interviews", len(got.Items), len(got.Interviews))
		}
		for _, it := range got.Items {
			if err := it.Check(); err != nil {
				t.Fatalf("opened an item that breaks the rules: %v", err)
			}
		}
		for _, iv := range got.Interviews {
			if err := checkInterview(iv, "fuzz"); err != nil {
				t.Fatalf("opened an interview that breaks the rules: %v", err)
			}
		}
	})
}

// FuzzRecordBodies fuzzes the plaintext of an item, an interview record and the day-2 work, as
// the board opens them from behind age.
func FuzzRecordBodies(f *testing.F) {
	k, _, _ := fuzzBoard(f)
	w, _ := k.Writer()
	seeds(f, "record*.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		id := "0123456789abcdef0123456789abcdef"
		if s, err := w.seal(seal.PurposeBoardItem, id, bytes.Clone(data)); err == nil {
			if it, err := k.OpenItem(id, s); err == nil {
				if err := it.shape(); err != nil {
					t.Fatalf("OpenItem gave %+v: %v", it, err)
				}
			}
		}
		if s, err := w.seal(seal.PurposeBoardInterview, id, bytes.Clone(data)); err == nil {
			k.OpenInterview(id, s)
		}
		if s, err := w.seal(seal.PurposeBoardWork, "work", bytes.Clone(data)); err == nil {
			k.OpenWork(s)
		}
	})
}
