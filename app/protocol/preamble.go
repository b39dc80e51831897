package protocol

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Placeholders a preamble page may use. They are filled in when the preamble is shown, so the
// interviewee reads the session's real duration and dates.
const (
	PlaceholderMinutes      = "{minutes}"
	PlaceholderDeletionDate = "{deletion_date}"
	// PlaceholderFollowUpDate is the engagement's follow-up visit or discussion, for packs whose
	// source ties the deletion to it ("after the four-month follow up visit"): the interviewee
	// reads the engagement's own date, not the source's "four months".
	PlaceholderFollowUpDate = "{follow_up_date}"
)

// Placeholders lists every placeholder a preamble page may use; any other {word} is an error.
var Placeholders = []string{PlaceholderMinutes, PlaceholderDeletionDate, PlaceholderFollowUpDate}

var placeholderPattern = regexp.MustCompile(`\{[^{}\n]{0,40}\}`)

// ErrPreambleValues means the preamble was given no duration, no deletion date, or no
// follow-up date where a page says it: the interviewee must never be shown a blank or made-up
// date.
var ErrPreambleValues = errors.New("preamble needs the session's duration and dates")

// DateLayout writes a deletion date in words, e.g. "Tuesday 3 March 2026".
const DateLayout = "Monday 2 January 2006"

// PreambleValues are what a preamble's placeholders are filled with.
type PreambleValues struct {
	// Minutes is the session's planned length (which may differ from the pack's default).
	Minutes int
	// DeletionDate is the day every record of the session will be deleted.
	DeletionDate time.Time
	// FollowUpDate is the engagement's follow-up; required only when a page says it.
	FollowUpDate time.Time
}

// PreamblePages returns the preamble with {minutes} and {deletion_date} filled in; a pack that
// also says {follow_up_date} needs FillPreamble.
func (p *Pack) PreamblePages(minutes int, deletionDate time.Time) ([]Page, error) {
	return p.FillPreamble(PreambleValues{Minutes: minutes, DeletionDate: deletionDate})
}

// FillPreamble returns the preamble with its placeholders filled in, each date written in
// words in its own location. It fails with ErrPreambleValues rather than leave a date out.
func (p *Pack) FillPreamble(v PreambleValues) ([]Page, error) {
	if v.Minutes <= 0 || v.DeletionDate.IsZero() || p.SaysFollowUpDate() && v.FollowUpDate.IsZero() {
		return nil, ErrPreambleValues
	}
	r := strings.NewReplacer(
		PlaceholderMinutes, strconv.Itoa(v.Minutes),
		PlaceholderDeletionDate, v.DeletionDate.Format(DateLayout),
		PlaceholderFollowUpDate, v.FollowUpDate.Format(DateLayout),
	)
	pages := make([]Page, len(p.Preamble))
	for i, pg := range p.Preamble {
		pages[i] = Page{Title: r.Replace(pg.Title), Text: r.Replace(pg.Text)}
	}
	return pages, nil
}

// SaysFollowUpDate reports whether a preamble page tells the interviewee the follow-up date, so
// that the pack can only be used in an engagement that has one.
func (p *Pack) SaysFollowUpDate() bool {
	return slices.ContainsFunc(p.Preamble, func(pg Page) bool {
		return strings.Contains(pg.Title+pg.Text, PlaceholderFollowUpDate)
	})
}
