package protocol

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"strconv"
)

// HashPrefix starts every content hash, naming the algorithm.
const HashPrefix = "sha256:"

// hashFormat versions the canonical encoding below; change it only with the encoding.
const hashFormat = "quietroom-pack/1"

// ContentHash returns "sha256:" and the hex SHA-256 of a canonical encoding of the pack's
// content. It covers every id, wording, number and the order of lists, and nothing about how the
// file was written (comments, key order, quoting, block or flow style), so a consent record can
// cite exactly the wording that was shown. The Hash field itself is not covered.
//
// Every field is written as a name and a length-prefixed value, so no two different packs
// encode alike. Adding a field to Pack changes no existing hash unless it is added here.
func ContentHash(p *Pack) string {
	e := encoder{h: sha256.New()}
	e.str("format", hashFormat)
	e.str("id", p.ID)
	e.num("version", p.Version)
	e.str("title", p.Title)
	e.str("language", p.Language)
	e.str("kind", string(p.Kind))
	e.str("source", p.Source)
	e.num("duration_minutes", p.DurationMinutes)
	e.num("warning_minutes", len(p.WarningMinutes))
	for _, w := range p.WarningMinutes {
		e.num("minutes", w)
	}
	e.num("preamble", len(p.Preamble))
	for _, pg := range p.Preamble {
		e.str("title", pg.Title)
		e.str("text", pg.Text)
	}
	e.num("consent", len(p.Consent))
	for _, c := range p.Consent {
		e.str("id", c.ID)
		e.str("text", c.Text)
		e.flag("required", c.Required)
	}
	e.num("topics", len(p.Topics))
	for _, t := range p.Topics {
		e.str("id", t.ID)
		e.str("question", t.Question)
		e.str("guidance", t.Guidance)
		e.num("probes", len(t.Probes))
		for _, pr := range t.Probes {
			e.str("probe", pr)
		}
		e.num("priority", t.Priority)
		e.flag("scale", t.Scale != nil)
		if s := t.Scale; s != nil {
			e.str("kind", string(s.Kind))
			e.num("min", s.Min)
			e.num("max", s.Max)
			e.str("min_label", s.MinLabel)
			e.str("max_label", s.MaxLabel)
		}
	}
	e.str("question", p.Closing.Question)
	e.str("follow_up", p.Closing.FollowUp)
	e.str("thanks", p.Closing.Thanks)
	e.num("write_up_prompts", len(p.Closing.WriteUpPrompts))
	for _, w := range p.Closing.WriteUpPrompts {
		e.str("prompt", w)
	}
	// Fields added to the format later are written only when a pack has them, so a pack without
	// them keeps the hash its consent records cite.
	if len(p.InterviewerGuidance) > 0 {
		e.num("interviewer_guidance", len(p.InterviewerGuidance))
		for _, g := range p.InterviewerGuidance {
			e.str("point", g)
		}
	}
	if len(p.Additions) > 0 {
		e.num("additions", len(p.Additions))
		for _, a := range p.Additions {
			e.str("part", a.Part)
			e.str("why", a.Why)
		}
	}
	return HashPrefix + hex.EncodeToString(e.h.Sum(nil))
}

type encoder struct{ h hash.Hash }

func (e encoder) raw(s string) {
	var n [binary.MaxVarintLen64]byte
	e.h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	e.h.Write([]byte(s))
}

func (e encoder) str(name, v string)       { e.raw(name); e.raw(v) }
func (e encoder) num(name string, v int)   { e.raw(name); e.raw(strconv.Itoa(v)) }
func (e encoder) flag(name string, v bool) { e.raw(name); e.raw(strconv.FormatBool(v)) }
