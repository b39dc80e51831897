package protocol

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"
)

//go:embed packs/*.yaml packs/previous/*.yaml
var builtinFiles embed.FS

// loadBuiltins are the packs new sessions may use; loadPrevious the versions they replaced,
// kept so that a session run with one of them still reopens for its write-up and review (a
// session names its pack by id and version, and its consent cites the exact text's hash).
var (
	loadBuiltins = sync.OnceValue(func() []*Pack { return loadEmbedded("packs/*.yaml") })
	loadPrevious = sync.OnceValue(func() []*Pack { return loadEmbedded("packs/previous/*.yaml") })
)

func loadEmbedded(pattern string) []*Pack {
	names, err := fs.Glob(builtinFiles, pattern)
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	packs := make([]*Pack, 0, len(names))
	for _, name := range names {
		data, err := builtinFiles.ReadFile(name)
		if err != nil {
			panic(err)
		}
		p, err := Load(path.Join("builtin", path.Base(name)), data)
		if err != nil {
			// The tests load every built-in pack; reaching this is a build that skipped them.
			panic(fmt.Sprintf("protocol: built-in pack %s is invalid:\n%v", name, err))
		}
		packs = append(packs, p)
	}
	return packs
}

// PreviousBuiltin returns a copy of an earlier version of a built-in pack, which only sessions
// started with it use: the library finds it for them, and lists only the current versions.
func PreviousBuiltin(id string, version int) (*Pack, bool) {
	for _, p := range loadPrevious() {
		if p.ID == id && p.Version == version {
			return p.Clone(), true
		}
	}
	return nil, false
}

// Builtin returns the packs built into the program, sorted by id. Each call returns fresh
// copies, so a caller cannot change another's.
func Builtin() []*Pack {
	packs := loadBuiltins()
	out := make([]*Pack, len(packs))
	for i, p := range packs {
		out[i] = p.Clone()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// BuiltinPack returns a copy of the built-in pack with the given id.
func BuiltinPack(id string) (*Pack, bool) {
	for _, p := range loadBuiltins() {
		if p.ID == id {
			return p.Clone(), true
		}
	}
	return nil, false
}

// Clone returns a deep copy of p.
func (p *Pack) Clone() *Pack {
	c := *p
	c.WarningMinutes = append([]int(nil), p.WarningMinutes...)
	c.InterviewerGuidance = append([]string(nil), p.InterviewerGuidance...)
	c.Additions = append([]Addition(nil), p.Additions...)
	c.Preamble = append([]Page(nil), p.Preamble...)
	c.Consent = append([]ConsentPoint(nil), p.Consent...)
	c.Topics = make([]Topic, len(p.Topics))
	for i, t := range p.Topics {
		t.Probes = append([]string(nil), t.Probes...)
		if t.Scale != nil {
			s := *t.Scale
			t.Scale = &s
		}
		c.Topics[i] = t
	}
	c.Closing.WriteUpPrompts = append([]string(nil), p.Closing.WriteUpPrompts...)
	return &c
}
