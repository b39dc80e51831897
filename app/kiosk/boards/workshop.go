package boards

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/internal/access"
	"quietroom/app/report"
	"quietroom/app/retention"
	"quietroom/app/stick"
	"quietroom/app/workshop"
)

// Errors of the workshop's use cases.
var (
	// ErrNoWorkshops: this kiosk was assembled without workshop storage.
	ErrNoWorkshops = errors.New("this kiosk keeps no workshops")
	// ErrNoWorkshop: the board's workshop has not been started.
	ErrNoWorkshop = errors.New("the workshop has not been started: choose how many tables first")
	// ErrWorkshopStarted: Start was asked for a workshop that is already under way.
	ErrWorkshopStarted = errors.New("the workshop is already under way: it keeps what the tables wrote")
)

// Workshop is the afternoon's workshop of a board opened by a team member: the facilitator's
// intents (a table's mark, goal, idea, actions; the host director's next steps; the timings),
// each of which reads the workshop as stored, changes it by app/workshop's rules and stores it
// sealed again, under one lock. The screens never read, change and write it themselves.
type Workshop struct {
	b  *Board
	ws kiosk.Workshops
	mu sync.Mutex
}

// Workshop returns the board's workshop, for the facilitator's screens.
func (b *Board) Workshop() (*Workshop, error) {
	if b.k.Deps(access.Pass).Workshops == nil {
		return nil, ErrNoWorkshops
	}
	return &Workshop{b: b, ws: b.k.Deps(access.Pass).Workshops}, nil
}

// Now is the kiosk's time, for the time left of the running step.
func (w *Workshop) Now() time.Time { return w.b.k.Now() }

// read opens the workshop as stored; started is false when none was started.
func (w *Workshop) read(ctx context.Context) (ws workshop.Workshop, started bool, err error) {
	sealed, err := w.ws.Workshop(ctx, w.b.engagementID)
	if err != nil || len(sealed) == 0 {
		return workshop.Workshop{}, false, err
	}
	body, err := w.b.key.OpenWorkshop(sealed)
	if err != nil {
		return workshop.Workshop{}, false, err
	}
	defer clear(body)
	if err := json.Unmarshal(body, &ws); err != nil {
		return workshop.Workshop{}, false, fmt.Errorf("open workshop: %w", err)
	}
	if err := ws.Check(); err != nil {
		return workshop.Workshop{}, false, fmt.Errorf("the stored workshop breaks a rule: %w", err)
	}
	return ws, true, nil
}

func (w *Workshop) save(ctx context.Context, ws workshop.Workshop) error {
	body, err := json.Marshal(ws)
	if err != nil {
		return err
	}
	sealed, err := w.b.key.SealWorkshop(body)
	clear(body)
	if err != nil {
		return err
	}
	return w.ws.SaveWorkshop(ctx, w.b.engagementID, sealed)
}

// View returns the workshop as stored: started is false before Start. What it returns is the
// screens' own copy; changing it changes nothing.
func (w *Workshop) View(ctx context.Context) (ws workshop.Workshop, started bool, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.read(ctx)
}

// Start starts the workshop with n tables, taking the team's insights from the board as they
// are now (numbered as the presentation shows them), and the handbook's timetable.
func (w *Workshop) Start(ctx context.Context, tables int) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, started, err := w.read(ctx); err != nil {
		return err
	} else if started {
		return ErrWorkshopStarted
	}
	work, err := w.b.Work(ctx)
	if err != nil {
		return err
	}
	var ins []workshop.Insight
	for _, in := range work.Insights() {
		ins = append(ins, workshop.Insight{ID: in.ID, Statement: in.Statement})
	}
	ws, err := workshop.New(tables, ins)
	if err != nil {
		return err
	}
	return w.save(ctx, ws)
}

// change applies fn to the workshop as stored and stores it sealed; on any error nothing is
// stored.
func (w *Workshop) change(ctx context.Context, fn func(ws *workshop.Workshop) error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	ws, started, err := w.read(ctx)
	if err != nil {
		return err
	}
	if !started {
		return ErrNoWorkshop
	}
	if err := fn(&ws); err != nil {
		return err
	}
	return w.save(ctx, ws)
}

// SolutionIdeas are the team's solution ideas for the workshop: the board's buds, as the
// presentation lists them.
func (w *Workshop) SolutionIdeas(ctx context.Context) ([]string, error) {
	p, err := w.b.Presentation(ctx)
	if err != nil {
		return nil, err
	}
	return p.Ideas, nil
}

// SetTables changes the number of tables (a table that wrote on its sheet stays).
func (w *Workshop) SetTables(ctx context.Context, n int) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.SetTables(n) })
}

// MarkInsight records a table's agree, disagree or amend (with its amendment) on an insight.
func (w *Workshop) MarkInsight(ctx context.Context, table int, insightID string, m workshop.Mark, amendment string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.MarkInsight(table, insightID, m, amendment) })
}

// AddInsight adds a table's new insight.
func (w *Workshop) AddInsight(ctx context.Context, table int, statement string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { _, err := ws.AddInsight(table, statement); return err })
}

// RemoveInsight takes away a table's own new insight (not one a goal answers).
func (w *Workshop) RemoveInsight(ctx context.Context, table int, insightID string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.RemoveInsight(table, insightID) })
}

// AddGoal adds a table's goal for an insight to the central list.
func (w *Workshop) AddGoal(ctx context.Context, table int, insightID, text string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { _, err := ws.AddGoal(table, insightID, text); return err })
}

// RemoveGoal takes a table's goal off the central list (not one a table has chosen).
func (w *Workshop) RemoveGoal(ctx context.Context, table int, goalID string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.RemoveGoal(table, goalID) })
}

// Choose ticks the goal a table works on; one another table has is workshop.ErrTaken.
func (w *Workshop) Choose(ctx context.Context, table int, goalID string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.Choose(table, goalID) })
}

// AddIdea adds a table's idea for its goal (its own, or one of the team's solution ideas it
// takes up, as its text).
func (w *Workshop) AddIdea(ctx context.Context, table int, text string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { _, err := ws.AddIdea(table, text); return err })
}

// RemoveIdea takes a table's idea away (not one of its actions).
func (w *Workshop) RemoveIdea(ctx context.Context, table int, ideaID string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.RemoveIdea(table, ideaID) })
}

// ChooseActions sets a table's three actions (exactly three of its ideas); nil clears them.
func (w *Workshop) ChooseActions(ctx context.Context, table int, ideaIDs []string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.ChooseActions(table, ideaIDs) })
}

// SetNextSteps sets the host director's next steps.
func (w *Workshop) SetNextSteps(ctx context.Context, s string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.SetNextSteps(s) })
}

// AddRemark adds the whole group's answer to "What went well?" (evenBetter false) or "Even
// better if" (true).
func (w *Workshop) AddRemark(ctx context.Context, evenBetter bool, s string) error {
	return w.change(ctx, func(ws *workshop.Workshop) error {
		if evenBetter {
			return ws.AddEvenBetter(s)
		}
		return ws.AddWentWell(s)
	})
}

// RemoveRemark removes answer i of "What went well?" or "Even better if".
func (w *Workshop) RemoveRemark(ctx context.Context, evenBetter bool, i int) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.RemoveRemark(evenBetter, i) })
}

// SetMinutes changes the minutes of a step of the timetable.
func (w *Workshop) SetMinutes(ctx context.Context, step, minutes int) error {
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.Timetable.SetMinutes(step, minutes) })
}

// StartStep starts a step of the timetable now (-1 stops the clock).
func (w *Workshop) StartStep(ctx context.Context, step int) error {
	now := w.Now()
	return w.change(ctx, func(ws *workshop.Workshop) error { return ws.Timetable.StartStep(step, now) })
}

// fileBase is an engagement title's letters and digits, as the presentation's file is named.
func fileBase(title string) string {
	return strings.TrimSuffix(PresentationFileName(title), "-presentation.pdf")
}

// WorkshopFileNames are the names of the workshop's files on the stick for an engagement
// title: its PDF and its CSV.
func WorkshopFileNames(title string) (pdf, csv string) {
	b := fileBase(title)
	return b + "-workshop.pdf", b + "-workshop.csv"
}

// FollowUpFileName is the name of the follow-up visit's agenda on the stick.
func FollowUpFileName(title string) string { return fileBase(title) + "-follow-up-agenda.pdf" }

// ExportWorkshop writes the board's workshop as PDF and CSV to the stick folder dir, with the
// presentation too when withPresentation (its slides and outline, as ExportSlides writes
// them), all of them or none (stick.WriteFiles), and
// returns their paths. It needs this member's PIN (a SignedIn's, used up by it) and writes a
// content-free audit entry first. A file of one of those names already on the stick stops it
// before anything is written.
func ExportWorkshop(ctx context.Context, s *kiosk.SignedIn, engagementID, dir string, fonts report.Fonts, withPresentation bool) ([]string, error) {
	b, err := Open(ctx, s, engagementID)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	e, err := engagement(ctx, s.Kiosk(access.Pass), engagementID)
	if err != nil {
		return nil, err
	}
	w, err := b.Workshop()
	if err != nil {
		return nil, err
	}
	ws, started, err := w.View(ctx)
	if err != nil {
		return nil, err
	}
	if !started {
		return nil, ErrNoWorkshop
	}
	doc, err := ws.PDF(e.Title, fonts)
	if err != nil {
		return nil, err
	}
	table, err := ws.CSV()
	if err != nil {
		return nil, err
	}
	pdfName, csvName := WorkshopFileNames(e.Title)
	files := []stick.File{{Name: pdfName, Data: doc}, {Name: csvName, Data: table}}
	if withPresentation {
		p, err := b.Presentation(ctx)
		if err != nil {
			return nil, err
		}
		slides, err := p.SlidesPDF(e.Title, fonts)
		if err != nil {
			return nil, err
		}
		outline, err := p.PDF(e.Title, fonts)
		if err != nil {
			return nil, err
		}
		slidesName, outlineName := PresentationFiles(e.Title)
		files = append([]stick.File{{Name: slidesName, Data: slides}, {Name: outlineName, Data: outline}}, files...)
	}
	var paths []string
	ev := BoardEvent(s.Kiosk(access.Pass), retention.RoleInterviewer, "board.workshop.export", engagementID, len(files))
	err = s.Kiosk(access.Pass).Audited(ctx, ev, func() (err error) {
		paths, err = stick.WriteFiles(dir, files)
		return err
	})
	return paths, err
}

// ExportFollowUp writes the follow-up visit's agenda, with the workshop's goals and chosen
// actions beside it, as a PDF for the directors' meeting to the stick folder dir, and returns
// its path: with this member's PIN, audited, whole or not at all.
func ExportFollowUp(ctx context.Context, s *kiosk.SignedIn, engagementID, dir string, fonts report.Fonts) (string, error) {
	b, err := Open(ctx, s, engagementID)
	if err != nil {
		return "", err
	}
	defer b.Close()
	e, err := engagement(ctx, s.Kiosk(access.Pass), engagementID)
	if err != nil {
		return "", err
	}
	w, err := b.Workshop()
	if err != nil {
		return "", err
	}
	ws, started, err := w.View(ctx)
	if err != nil {
		return "", err
	}
	if !started {
		return "", ErrNoWorkshop
	}
	date := ""
	if !e.FollowUpDate.IsZero() {
		date = e.FollowUpDate.Format("Monday 2 January 2006")
	}
	doc, err := ws.FollowUpPDF(e.Title, date, fonts)
	if err != nil {
		return "", err
	}
	var path string
	ev := BoardEvent(s.Kiosk(access.Pass), retention.RoleInterviewer, "board.follow-up.export", engagementID, 1)
	err = s.Kiosk(access.Pass).Audited(ctx, ev, func() (err error) {
		path, err = stick.WriteFile(dir, FollowUpFileName(e.Title), doc)
		return err
	})
	return path, err
}
