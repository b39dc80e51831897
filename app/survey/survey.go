package survey

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Survey is one survey: bipolar items, each answered on a scale of Points points between its
// left and its right statement (1 is the left statement, Points the right one).
type Survey struct {
	ID       string
	Version  int
	Title    string
	Language string
	// Source says where the items come from and what was decided in taking them over.
	Source string
	// Purpose is what the survey is for, in the respondent's words: the first page they read.
	Purpose string
	Points  int
	Items   []Item
	// Additions mark what the survey, or the kiosk's rules for its results, add to its source,
	// each with why (see Load). Respondents do not read them, so ContentHash leaves them out.
	Additions []Addition
	// Hash is the content hash of the survey's wording (ContentHash), set by Load.
	Hash string
}

// Addition marks one part of a survey as the survey's own, not its source's: Part is "title",
// "purpose", "points", "items.<id>", or PartMinGroup for the rule on small groups (which the
// engagement's minimum group size applies); Why says why.
type Addition struct {
	Part string
	Why  string
}

// PartMinGroup names, in an addition, the rule that a group smaller than the engagement's
// minimum group size is never shown on its own (DefaultMinGroup).
const PartMinGroup = "min_group"

// Item is one bipolar item.
type Item struct {
	ID    string
	Left  string
	Right string
}

// Item returns the item with the id, and whether there is one.
func (s *Survey) Item(id string) (Item, bool) {
	for _, it := range s.Items {
		if it.ID == id {
			return it, true
		}
	}
	return Item{}, false
}

// Clone returns a deep copy.
func (s *Survey) Clone() *Survey {
	c := *s
	c.Items = slices.Clone(s.Items)
	return &c
}

// ContentHash is a SHA-256 over everything a respondent reads and what their answers mean: id,
// version, points, purpose and every item's id and statements, length-prefixed. A response
// records it, so results are never mixed across two wordings.
func ContentHash(s *Survey) string {
	h := sha256.New()
	field := func(v string) { fmt.Fprintf(h, "%d:%s;", len(v), v) }
	field("quietroom survey v1")
	field(s.ID)
	field(fmt.Sprint(s.Version))
	field(s.Title)
	field(s.Purpose)
	field(fmt.Sprint(s.Points))
	for _, it := range s.Items {
		field(it.ID)
		field(it.Left)
		field(it.Right)
	}
	return hex.EncodeToString(h.Sum(nil))
}

//go:embed surveys/*.yaml
var builtinFiles embed.FS

var loadBuiltin = sync.OnceValue(func() *Survey {
	const name = "surveys/leadership-culture.yaml"
	data, err := builtinFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	s, err := Load("builtin/leadership-culture.yaml", data)
	if err != nil {
		// The tests load it; reaching this is a build that skipped them.
		panic(fmt.Sprintf("survey: built-in survey is invalid:\n%v", err))
	}
	return s
})

// Builtin returns a copy of the built-in survey: the peer challenge handbook's leadership
// culture survey (Appendix 2).
func Builtin() *Survey { return loadBuiltin().Clone() }

// BuiltinID is the id of the built-in survey.
const BuiltinID = "leadership-culture"

// Label names the survey for a list: its title and version.
func (s *Survey) Label() string {
	return strings.TrimSpace(fmt.Sprintf("%s (version %d)", s.Title, s.Version))
}

// BuiltinFile returns the built-in survey's file, as an engagement keeps it.
func BuiltinFile() []byte {
	b, err := builtinFiles.ReadFile("surveys/leadership-culture.yaml")
	if err != nil {
		panic(err)
	}
	return b
}
