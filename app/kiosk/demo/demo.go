package demo

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	mrand "math/rand/v2"
	"time"

	"quietroom/app/board"
	"quietroom/app/kiosk"
	"quietroom/app/kiosk/boards"
	"quietroom/app/kiosk/internal/access"
	"quietroom/app/kiosk/surveys"
	"quietroom/app/retention"
	"quietroom/app/seal"
	"quietroom/app/session"
	"quietroom/app/survey"
)

// Demo is what SeedDemo created: the credentials to print, clearly marked, on the developer's
// terminal.
type Demo struct {
	AdminCredential string
	InterviewerName string
	InterviewerPIN  string
	EngagementTitle string
}

// DemoRoomName is the demo device's room name.
const DemoRoomName = "Demo room"

// SeedDemo sets up a development device: an admin credential, a room name, a demo engagement
// whose deletion date is four weeks ahead, and one demo interviewer. It is for
// `quietroom run --dev` only and fails with ErrAlreadySetUp once the device has an admin.
func SeedDemo(ctx context.Context, k *kiosk.Kiosk) (Demo, error) {
	return SeedRoom(ctx, k, DemoRoomName)
}

// SeedRoom is SeedDemo for a room of that name ("" is DemoRoomName): two development
// kiosks exchanging a board's files tell each other's bundles apart by their rooms' names.
func SeedRoom(ctx context.Context, k *kiosk.Kiosk, room string) (Demo, error) {
	if room == "" {
		room = DemoRoomName
	}
	d := Demo{InterviewerName: "Demo interviewer", EngagementTitle: "Demo: 360 interviews, cohort 3"}
	var err error
	if d.AdminCredential, err = digits(k.Rand(access.Pass), 8); err != nil {
		return Demo{}, err
	}
	if d.InterviewerPIN, err = digits(k.Rand(access.Pass), 6); err != nil {
		return Demo{}, err
	}
	a, err := k.Setup(ctx, []byte(d.AdminCredential), room)
	if err != nil {
		return Demo{}, fmt.Errorf("demo: %w", err)
	}
	_, err = k.CreateEngagement(ctx, a, kiosk.NewEngagement{
		Title:             d.EngagementTitle,
		DeletionDate:      session.DefaultDeletionDate(k.Now().In(time.Local)),
		StakeholderGroups: []string{"direct reports", "peers", "line manager", "foster carers"},
	})
	if err != nil {
		return Demo{}, fmt.Errorf("demo: %w", err)
	}
	if _, err := k.AddInterviewer(ctx, a, d.InterviewerName, []byte(d.InterviewerPIN)); err != nil {
		return Demo{}, fmt.Errorf("demo: %w", err)
	}
	return d, nil
}

func digits(r io.Reader, n int) (string, error) {
	b := make([]byte, n)
	for i := range b {
		v, err := rand.Int(r, big.NewInt(10))
		if err != nil {
			return "", fmt.Errorf("demo credentials: %w", err)
		}
		b[i] = byte('0' + v.Int64())
	}
	return string(b), nil
}

// DemoSurveyTitle is the open demo survey's title; DemoClosedSurveyTitle the closed one's, whose
// results can be read at once.
const (
	DemoSurveyTitle       = "Demo: leadership culture survey"
	DemoClosedSurveyTitle = "Demo: last term's survey (closed, made-up answers)"
)

// SeedSurvey adds two demo survey engagements to a development device set up by SeedDemo,
// each asking the built-in survey of four teams, deleted with the demo engagement's default
// date, its review team every interviewer: one open from today for two weeks, to take; and one
// that closed yesterday, holding 20 made-up responses (a small team among them, withheld), so
// that its results can be read and exported at once. It is for `quietroom run --dev` only.
func SeedSurvey(ctx context.Context, k *kiosk.Kiosk, adminCredential string) error {
	a, err := k.SignInAdmin(ctx, []byte(adminCredential))
	if err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	ivs, err := k.Deps(access.Pass).Interviewers.Interviewers(ctx)
	if err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	var members []string
	for _, iv := range ivs {
		members = append(members, iv.ID)
	}
	now := k.Now().In(time.Local)
	teams := []string{"Front door", "Children in care", "Fostering", "Leaving care"}
	_, err = surveys.CreateSurvey(ctx, k, a, surveys.NewSurvey{
		Title: DemoSurveyTitle, Teams: teams,
		Opens: now, Closes: now.AddDate(0, 0, 14), DeletionDate: session.DefaultDeletionDate(now), Members: members,
	})
	if err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	closed, err := surveys.CreateSurvey(ctx, k, a, surveys.NewSurvey{
		Title: DemoClosedSurveyTitle, Teams: teams,
		Opens: now.AddDate(0, 0, -15), Closes: now.AddDate(0, 0, -1), DeletionDate: session.DefaultDeletionDate(now), Members: members,
	})
	if err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	return seedDemoResponses(ctx, k, closed)
}

// seedDemoResponses stores made-up responses in a closed demo survey, sealed as real ones
// are: each team leans its own way (Front door to the left, Children in care to the right),
// and Fostering and Leaving care have four between them, so they are withheld.
func seedDemoResponses(ctx context.Context, k *kiosk.Kiosk, r survey.Record) error {
	s, err := r.Survey()
	if err != nil {
		return err
	}
	var seed [32]byte
	if _, err := io.ReadFull(k.Rand(access.Pass), seed[:]); err != nil {
		return fmt.Errorf("demo responses: %w", err)
	}
	rnd := mrand.New(mrand.NewChaCha8(seed))
	plan := []struct {
		team       string
		n, leaning int
	}{{"Front door", 9, 2}, {"Children in care", 7, 4}, {"Fostering", 3, 3}, {"Leaving care", 1, 2}}
	for _, p := range plan {
		for range p.n {
			answers := map[string]int{}
			for j, it := range s.Items {
				if rnd.IntN(12) == 0 {
					continue // a skipped item
				}
				v := p.leaning + rnd.IntN(3) - 1 + (j%7)/6
				answers[it.ID] = min(max(v, 1), s.Points)
			}
			plain, err := survey.Encode(s, survey.Response{Team: p.team, Answers: answers})
			if err != nil {
				return err
			}
			var b [16]byte
			if _, err := rand.Read(b[:]); err != nil {
				return err
			}
			id := hex.EncodeToString(b[:])
			sealed, err := seal.SealRecord(r.PublicKey, seal.PurposeSurveyResponse, r.EngagementID, id, plain)
			if err != nil {
				return err
			}
			if err := k.Deps(access.Pass).Surveys.PutSurveyResponse(ctx, r.EngagementID, id, sealed); err != nil {
				return fmt.Errorf("demo responses: %w", err)
			}
		}
	}
	return nil
}

// DemoBoardTitle is the demo peer challenge's title.
const DemoBoardTitle = "Demo: peer challenge, Northshire"

// demoItems are the demo board's post-its: made up, as a team might write them, each a key
// quote, a note or the team's own post-it.
var demoItems = []struct {
	tag  board.Tag
	kind board.Kind
	text string
}{
	{board.Rose, board.KindQuote, "My manager really listens when I raise a worry"},
	{board.Rose, board.KindQuote, "Supervision happens every month without fail"},
	{board.Rose, board.KindNote, "Duty team praised for sorting things out the same day"},
	{board.Rose, board.KindQuote, "We feel part of the team around the child"},
	{board.Thorn, board.KindQuote, "Caseloads are too high to do the job properly"},
	{board.Thorn, board.KindQuote, "Nobody calls back after four o'clock"},
	{board.Thorn, board.KindNote, "Staff hear about changes last, usually from the carers"},
	{board.Thorn, board.KindPostIt, "Three changes of social worker in a year"},
	{board.Bud, board.KindPostIt, "A duty rota shared with the carers"},
	{board.Bud, board.KindNote, "Leaders spending a day a month with the front line"},
	{board.Bud, board.KindPostIt, "A single phone number that is answered until eight"},
}

// SeedBoard adds, for `quietroom run --dev` only, a peer challenge whose team is the demo
// interviewer, with a board of made-up post-its and interview records to work on. It does
// nothing on a kiosk without board storage.
func SeedBoard(ctx context.Context, k *kiosk.Kiosk, d Demo) error {
	if k.Deps(access.Pass).Boards == nil {
		return nil
	}
	a, err := k.SignInAdmin(ctx, []byte(d.AdminCredential))
	if err != nil {
		return fmt.Errorf("demo board: %w", err)
	}
	y, m, day := k.Now().In(time.Local).Date()
	visit := time.Date(y, m, day, 0, 0, 0, 0, time.Local)
	follow := session.ProposedFollowUp(session.KindPeerChallenge, visit, visit)
	e, err := k.CreateEngagement(ctx, a, kiosk.NewEngagement{
		Title: DemoBoardTitle, Kind: session.KindPeerChallenge, VisitDate: visit, FollowUpDate: follow,
		DeletionDate:      session.DeletionAfterFollowUp(follow),
		StakeholderGroups: []string{"social workers", "foster carers", "team managers"},
	})
	if err != nil {
		return fmt.Errorf("demo board: %w", err)
	}
	ivs, err := k.Deps(access.Pass).Interviewers.Interviewers(ctx)
	if err != nil {
		return err
	}
	var ids []string
	for _, iv := range ivs {
		if iv.DisplayName == d.InterviewerName {
			ids = append(ids, iv.ID)
		}
	}
	if err := boards.SetTeam(ctx, k, a, e.ID, ids); err != nil {
		return fmt.Errorf("demo board: %w", err)
	}
	rcpt, _, err := k.Deps(access.Pass).Boards.Board(ctx, e.ID)
	if err != nil {
		return err
	}
	w, err := board.NewWriter(e.ID, rcpt)
	if err != nil {
		return err
	}
	var recs []board.Record
	for _, di := range demoItems {
		it, err := board.NewItem(di.tag, di.text)
		if err != nil {
			return err
		}
		it.Kind = di.kind
		s, err := w.SealItem(it)
		if err != nil {
			return err
		}
		recs = append(recs, board.Record{ID: it.ID, Sealed: s})
	}
	// Four one-to-ones with social workers, a small group of five foster carers, and one
	// team manager.
	for i, g := range []string{"social workers", "social workers", "social workers", "social workers", "foster carers", "team managers"} {
		set := "Peer challenge: appreciative inquiry with staff about practice"
		people := 1
		if i == 4 {
			set, people = "Peer challenge: appreciative inquiry with service users", 5
		}
		iv := board.Interview{ID: board.NewID(), Group: g, QuestionSet: set, People: people}
		s, err := w.SealInterview(iv)
		if err != nil {
			return err
		}
		recs = append(recs, board.Record{ID: iv.ID, Interview: true, Sealed: s})
	}
	_, err = k.Deps(access.Pass).Boards.AddBoardRecords(ctx, e.ID, board.Shuffle(recs), boards.BoardEvent(k, retention.RoleSystem, "board.demo", e.ID, 0))
	return err
}
