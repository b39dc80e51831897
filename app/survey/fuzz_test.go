package survey

import (
	"errors"
	"testing"
)

// FuzzLoad: any bytes give a whole valid survey or a validation error, never a panic, and a
// survey that loads has items with both statements.
func FuzzLoad(f *testing.F) {
	f.Add(BuiltinFile())
	f.Add([]byte("id: a\nversion: 1\ntitle: T\nlanguage: en\npurpose: P\npoints: 5\nitems:\n  - id: x\n    left: L\n    right: R\n"))
	f.Add([]byte("items: [&a {id: x}, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Load("f.yaml", data)
		if err != nil {
			if s != nil || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Load = %v, %v; want nil and ErrInvalid", s, err)
			}
			return
		}
		if len(s.Items) == 0 || s.Points < MinPoints || s.Points > MaxPoints || s.Hash != ContentHash(s) {
			t.Fatalf("Load accepted %+v", s)
		}
		for _, it := range s.Items {
			if it.Left == "" || it.Right == "" || it.Left == it.Right {
				t.Fatalf("item %+v accepted", it)
			}
		}
	})
}

// FuzzDecode: any bytes decode to a response to the built-in survey or an ErrResponse, and
// what Encode writes of a decoded response decodes the same, at EncodedSize bytes.
func FuzzDecode(f *testing.F) {
	s := Builtin()
	b, _ := Encode(s, Response{Team: "Front door", Answers: map[string]int{"r01-worthwhile": 1, "r32-partners": 5}})
	f.Add(b)
	f.Add([]byte(`{"v":1,"survey":"h","team":"","answers":null}`))
	f.Add([]byte(`{"v":1,"survey":"` + s.Hash + `","team":"A","answers":{"r01-worthwhile":2}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Decode(s, data)
		if err != nil {
			if !errors.Is(err, ErrResponse) {
				t.Fatalf("Decode error %v does not match ErrResponse", err)
			}
			return
		}
		if data[0] != '{' {
			for id, v := range r.Answers {
				if _, ok := s.Item(id); !ok || v < 1 || v > s.Points {
					t.Fatalf("Decode gave answer %s=%d", id, v)
				}
			}
		}
		again, err := Encode(s, r)
		if data[0] == '{' && err != nil {
			return // a first-version response may hold what this version no longer writes
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != EncodedSize || (data[0] != '{' && string(again) != string(data)) {
			t.Fatalf("Encode(Decode(data)) is not data: %d bytes", len(again))
		}
		r2, err := Decode(s, again)
		if err != nil || r2.Team != r.Team || len(r2.Answers) != len(r.Answers) {
			t.Fatalf("round trip: %+v %v, want %+v", r2, err, r)
		}
	})
}
