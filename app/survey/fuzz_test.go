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

// FuzzDecode: any bytes decode to a response or an ErrResponse, and what Encode writes of a
// decoded response decodes the same.
func FuzzDecode(f *testing.F) {
	b, _ := Encode("h", Response{Team: "Front door", Answers: map[string]int{"r01": 1, "r02": 5}})
	f.Add(b)
	f.Add([]byte(`{"v":1,"survey":"h","team":"","answers":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, hash, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrResponse) {
				t.Fatalf("Decode error %v does not match ErrResponse", err)
			}
			return
		}
		again, err := Encode(hash, r)
		if err != nil {
			t.Fatal(err)
		}
		r2, hash2, err := Decode(again)
		if err != nil || hash2 != hash || r2.Team != r.Team || len(r2.Answers) != len(r.Answers) {
			t.Fatalf("round trip: %+v %q %v, want %+v %q", r2, hash2, err, r, hash)
		}
	})
}
