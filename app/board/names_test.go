package board

import (
	"slices"
	"strings"
	"testing"
)

func TestNameCheck(t *testing.T) {
	c := NewNameCheck([]string{"Northshire Council", "Brookside"})
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"The duty team always calls back.", nil},
		{"I asked Dr Patel and she said no.", []string{"Dr Patel"}},
		{"Priya Shah sorted it, then Kevin Jones did.", []string{"Priya Shah", "Kevin Jones"}},
		{"We met Sarah. Jones came later.", []string{"Sarah"}},
		{"She moved to Leeds near Station Road.", []string{"Leeds", "Station Road"}},
		{"we told sarah twice", []string{"sarah"}},
		{"Sarah told us twice.", []string{"Sarah"}},
		{"Our manager will listen. Mostly.", nil},
		{"The Brookside office is cold", []string{"Brookside"}},
		{"northshire never writes back", []string{"northshire"}},
		{"It started in March, before Kevin's move.", []string{"Kevin's"}},
		{"Things got better! Then it stopped.", nil},
	} {
		var got []string
		for _, s := range c.Check(tc.text) {
			got = append(got, tc.text[s.Start:s.End])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Check(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestReplace(t *testing.T) {
	c := NewNameCheck(nil)
	text := "Ask Jenny at Millbrook about it."
	got := Replace(text, c.Check(text))
	if want := "Ask [name] at [place] about it."; got != want {
		t.Fatalf("Replace = %q, want %q", got, want)
	}
	s := c.Check(text)
	if got := Replace(text, s[1:]); got != "Ask Jenny at [place] about it." {
		t.Fatalf("Replace(only the second) = %q", got)
	}
}

// TestNameCheckPlaceholders: a place is offered as [place], a first name and surname as one
// [name], and a member may choose the other placeholder.
func TestNameCheckPlaceholders(t *testing.T) {
	c := NewNameCheck([]string{"Northshire Council"})
	for _, tc := range []struct{ text, want string }{
		{"I asked Priya Shah in the duty team.", "I asked [name] in the duty team."},
		{"Nobody in Northshire Council calls back.", "Nobody in [place] calls back."},
		{"The bus from Middlesbrough never comes.", "The bus from [place] never comes."},
		{"Ask Dr Patel at Millbrook Hospital.", "Ask [name] at [place]."},
		{"Carers like Mrs Evans and Tom wait.", "Carers like [name] and [name] wait."},
	} {
		if got := Replace(tc.text, c.Check(tc.text)); got != tc.want {
			t.Errorf("Replace(%q, Check) = %q, want %q", tc.text, got, tc.want)
		}
	}
	text := "She lives in Ashby."
	s := c.Check(text)
	if len(s) != 1 || !s[0].Place() || s[0].Why != WhyPlace {
		t.Fatalf("Check(%q) = %+v, want one place", text, s)
	}
	s[0].Placeholder = NamePlaceholder
	if got, want := Replace(text, s), "She lives in [name]."; got != want {
		t.Errorf("Replace(as a name) = %q, want %q", got, want)
	}
	s[0].Placeholder = "<b>"
	if got, want := Replace(text, s), "She lives in [name]."; got != want {
		t.Errorf("Replace(another placeholder) = %q, want %q", got, want)
	}
}

func FuzzNameCheck(f *testing.F) {
	for _, s := range []string{"I asked Dr Patel.", "sarah said: Kevin's office", "Ünïcode Ærø name", "", "..."} {
		f.Add(s)
	}
	c := NewNameCheck([]string{"Northshire Council"})
	f.Fuzz(func(t *testing.T, text string) {
		sus := c.Check(text)
		last := -1
		for _, s := range sus {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End || s.Start < last || text[s.Start:s.End] != s.Word {
				t.Fatalf("Check(%q) gave %+v", text, s)
			}
			last = s.End
		}
		out := Replace(text, sus)
		if len(sus) > 0 && !strings.Contains(out, NamePlaceholder) && !strings.Contains(out, PlacePlaceholder) {
			t.Fatalf("Replace(%q) = %q, no placeholder", text, out)
		}
	})
}
