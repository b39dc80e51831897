package board

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// SoWhat are the five questions the handbook asks of each theme to turn it into an insight.
var SoWhat = []string{
	"What do these themes mean?",
	"What has led them to be important?",
	"What has caused them to occur?",
	"What role has the leadership played in this?",
	"What are the implications for the leadership of this service?",
}

const (
	// MinInsights and MaxInsights are the handbook's aim: 4-6 insight statements.
	MinInsights = 4
	MaxInsights = 6
	// MaxQuotes is how many quotes may be pinned to an insight as its evidence.
	MaxQuotes = 2
	maxName   = 200
	maxText   = 2000
)

// Work is the team's day-2 work on a board: the aim of the review, the themes with their
// items, and the insights. It names items by id only.
type Work struct {
	Aim    string  `json:"aim,omitempty"`
	Themes []Theme `json:"themes,omitempty"`
}

// Theme is a named group of items, with the insights drawn from it.
type Theme struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Items    []string  `json:"items,omitempty"`
	Insights []Insight `json:"insights,omitempty"`
}

// Insight is an insight statement above a theme, its short description and the one or two
// quotes (item ids) pinned to it as evidence.
type Insight struct {
	ID          string   `json:"id"`
	Statement   string   `json:"statement"`
	Description string   `json:"description,omitempty"`
	Quotes      []string `json:"quotes,omitempty"`
}

func (w *Work) theme(id string) (*Theme, error) {
	for i := range w.Themes {
		if w.Themes[i].ID == id {
			return &w.Themes[i], nil
		}
	}
	return nil, fmt.Errorf("theme %s: %w: no such theme", id, ErrInvalid)
}

func checkText(what, s string, max int) error {
	if strings.TrimSpace(s) == "" || utf8.RuneCountInString(s) > max || !utf8.ValidString(s) {
		return fmt.Errorf("%w: %s: write between 1 and %d characters", ErrInvalid, what, max)
	}
	return nil
}

// SetAim sets the key aim of the review.
func (w *Work) SetAim(aim string) error {
	if utf8.RuneCountInString(aim) > maxText {
		return fmt.Errorf("%w: the aim is too long: shorten it to %d characters", ErrInvalid, maxText)
	}
	w.Aim = strings.TrimSpace(aim)
	return nil
}

// AddTheme adds an empty theme and returns its id.
func (w *Work) AddTheme(name string) (string, error) {
	name = strings.TrimSpace(name)
	if err := checkText("theme name", name, maxName); err != nil {
		return "", err
	}
	id := NewID()
	w.Themes = append(w.Themes, Theme{ID: id, Name: name})
	return id, nil
}

// RenameTheme renames a theme.
func (w *Work) RenameTheme(id, name string) error {
	name = strings.TrimSpace(name)
	if err := checkText("theme name", name, maxName); err != nil {
		return err
	}
	t, err := w.theme(id)
	if err != nil {
		return err
	}
	t.Name = name
	return nil
}

// RemoveTheme removes a theme; its items go back to the unsorted pile.
func (w *Work) RemoveTheme(id string) error {
	if _, err := w.theme(id); err != nil {
		return err
	}
	w.Themes = slices.DeleteFunc(w.Themes, func(t Theme) bool { return t.ID == id })
	return nil
}

// Move puts an item into a theme, taking it out of any other; themeID "" takes it out of all
// themes. An item is in one theme at most.
func (w *Work) Move(itemID, themeID string) error {
	if !validID(itemID) {
		return fmt.Errorf("move: %w: item id", ErrInvalid)
	}
	var to *Theme
	if themeID != "" {
		t, err := w.theme(themeID)
		if err != nil {
			return err
		}
		to = t
	}
	for i := range w.Themes {
		w.Themes[i].Items = slices.DeleteFunc(w.Themes[i].Items, func(s string) bool { return s == itemID })
	}
	if to != nil {
		to.Items = append(to.Items, itemID)
	}
	return nil
}

// ThemeOf returns the id of the theme the item is in, or "".
func (w Work) ThemeOf(itemID string) string {
	for _, t := range w.Themes {
		if slices.Contains(t.Items, itemID) {
			return t.ID
		}
	}
	return ""
}

// AddInsight adds an insight statement above a theme and returns its id.
func (w *Work) AddInsight(themeID, statement string) (string, error) {
	statement = strings.TrimSpace(statement)
	if err := checkText("insight", statement, maxText); err != nil {
		return "", err
	}
	t, err := w.theme(themeID)
	if err != nil {
		return "", err
	}
	id := NewID()
	t.Insights = append(t.Insights, Insight{ID: id, Statement: statement})
	return id, nil
}

func (w *Work) insight(id string) (*Insight, error) {
	for i := range w.Themes {
		for j := range w.Themes[i].Insights {
			if w.Themes[i].Insights[j].ID == id {
				return &w.Themes[i].Insights[j], nil
			}
		}
	}
	return nil, fmt.Errorf("insight %s: %w: no such insight", id, ErrInvalid)
}

// EditInsight sets an insight's statement and description.
func (w *Work) EditInsight(id, statement, description string) error {
	statement = strings.TrimSpace(statement)
	if err := checkText("insight", statement, maxText); err != nil {
		return err
	}
	if utf8.RuneCountInString(description) > maxText {
		return fmt.Errorf("%w: the description is too long: shorten it to %d characters", ErrInvalid, maxText)
	}
	in, err := w.insight(id)
	if err != nil {
		return err
	}
	in.Statement, in.Description = statement, strings.TrimSpace(description)
	return nil
}

// RemoveInsight removes an insight.
func (w *Work) RemoveInsight(id string) error {
	if _, err := w.insight(id); err != nil {
		return err
	}
	for i := range w.Themes {
		w.Themes[i].Insights = slices.DeleteFunc(w.Themes[i].Insights, func(in Insight) bool { return in.ID == id })
	}
	return nil
}

// PinQuote pins a key quote to an insight as its evidence: at most MaxQuotes each. Only an
// item of KindQuote may be pinned (ErrNotAQuote otherwise): a note or the team's own post-it
// may inform a theme, but is never shown as someone's words.
func (w *Work) PinQuote(insightID string, it Item) error {
	in, err := w.insight(insightID)
	if err != nil {
		return err
	}
	if !validID(it.ID) {
		return fmt.Errorf("pin: %w: item id", ErrInvalid)
	}
	if !it.IsQuote() {
		return fmt.Errorf("pin: %w", ErrNotAQuote)
	}
	if slices.Contains(in.Quotes, it.ID) {
		return nil
	}
	if len(in.Quotes) >= MaxQuotes {
		return fmt.Errorf("pin: %w: an insight has at most %d quotes", ErrInvalid, MaxQuotes)
	}
	in.Quotes = append(in.Quotes, it.ID)
	return nil
}

// UnpinQuote takes a quote off an insight.
func (w *Work) UnpinQuote(insightID, itemID string) error {
	in, err := w.insight(insightID)
	if err != nil {
		return err
	}
	in.Quotes = slices.DeleteFunc(in.Quotes, func(s string) bool { return s == itemID })
	return nil
}

// Forget drops an item removed from the board from every theme and insight.
func (w *Work) Forget(itemID string) {
	for i := range w.Themes {
		w.Themes[i].Items = slices.DeleteFunc(w.Themes[i].Items, func(s string) bool { return s == itemID })
		for j := range w.Themes[i].Insights {
			w.Themes[i].Insights[j].Quotes = slices.DeleteFunc(w.Themes[i].Insights[j].Quotes, func(s string) bool { return s == itemID })
		}
	}
}

// Insights returns every insight, theme by theme.
func (w Work) Insights() []Insight {
	var out []Insight
	for _, t := range w.Themes {
		out = append(out, t.Insights...)
	}
	return out
}

// Aim says how the count of insights stands against the handbook's 4-6.
type Aim int

const (
	AimFewer Aim = -1 // fewer than MinInsights
	AimMet   Aim = 0
	AimMore  Aim = 1 // more than MaxInsights
)

// InsightAim returns how the insights stand against the 4-6 aim.
func (w Work) InsightAim() Aim {
	n := len(w.Insights())
	switch {
	case n < MinInsights:
		return AimFewer
	case n > MaxInsights:
		return AimMore
	}
	return AimMet
}

// Unsorted returns the ids of the items, in the order given, that are in no theme.
func (w Work) Unsorted(items []Item) []Item {
	var out []Item
	for _, it := range items {
		if w.ThemeOf(it.ID) == "" {
			out = append(out, it)
		}
	}
	return out
}
