package protocol

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Placeholders a preamble page may use. They are filled in when the preamble is shown, so the
// interviewee reads the session's real duration and deletion date.
const (
	PlaceholderMinutes      = "{minutes}"
	PlaceholderDeletionDate = "{deletion_date}"
)

// Placeholders lists every placeholder a preamble page may use; any other {word} is an error.
var Placeholders = []string{PlaceholderMinutes, PlaceholderDeletionDate}

var placeholderPattern = regexp.MustCompile(`\{[^{}\n]{0,40}\}`)

// ErrPreambleValues means PreamblePages was given no duration or no deletion date: the
// interviewee must never be shown a blank or made-up date.
var ErrPreambleValues = errors.New("preamble needs the session's duration and deletion date")

// DateLayout writes a deletion date in words, e.g. "Tuesday 3 March 2026".
const DateLayout = "Monday 2 January 2006"

// PreamblePages returns the preamble with its placeholders filled in: {minutes} with the
// session's duration (which may differ from the pack's default) and {deletion_date} with the
// date every record of the session will be deleted, written in words in the date's own location.
func (p *Pack) PreamblePages(minutes int, deletionDate time.Time) ([]Page, error) {
	if minutes <= 0 || deletionDate.IsZero() {
		return nil, ErrPreambleValues
	}
	r := strings.NewReplacer(
		PlaceholderMinutes, strconv.Itoa(minutes),
		PlaceholderDeletionDate, deletionDate.Format(DateLayout),
	)
	pages := make([]Page, len(p.Preamble))
	for i, pg := range p.Preamble {
		pages[i] = Page{Title: r.Replace(pg.Title), Text: r.Replace(pg.Text)}
	}
	return pages, nil
}
