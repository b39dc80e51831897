package kiosk

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	mrand "math/rand/v2"
	"time"

	"quietroom/app/session"
	"quietroom/app/survey"
	"quietroom/app/vault"
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
func (k *Kiosk) SeedDemo(ctx context.Context) (Demo, error) {
	d := Demo{InterviewerName: "Demo interviewer", EngagementTitle: "Demo: 360 interviews, cohort 3"}
	var err error
	if d.AdminCredential, err = digits(k.rand, 8); err != nil {
		return Demo{}, err
	}
	if d.InterviewerPIN, err = digits(k.rand, 6); err != nil {
		return Demo{}, err
	}
	a, err := k.Setup(ctx, []byte(d.AdminCredential), DemoRoomName)
	if err != nil {
		return Demo{}, fmt.Errorf("demo: %w", err)
	}
	_, err = k.CreateEngagement(ctx, a, NewEngagement{
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

// SeedDemoSurvey adds two demo survey engagements to a development device set up by SeedDemo,
// each asking the built-in survey of four teams, deleted with the demo engagement's default
// date, its review team every interviewer: one open from today for two weeks, to take; and one
// that closed yesterday, holding 20 made-up responses (a small team among them, withheld), so
// that its results can be read and exported at once. It is for `quietroom run --dev` only.
func (k *Kiosk) SeedDemoSurvey(ctx context.Context, adminCredential string) error {
	a, err := k.SignInAdmin(ctx, []byte(adminCredential))
	if err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	ivs, err := k.d.Interviewers.Interviewers(ctx)
	if err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	var members []string
	for _, iv := range ivs {
		members = append(members, iv.ID)
	}
	now := k.Now().In(time.Local)
	teams := []string{"Front door", "Children in care", "Fostering", "Leaving care"}
	_, err = k.CreateSurvey(ctx, a, NewSurvey{
		Title: DemoSurveyTitle, Teams: teams,
		Opens: now, Closes: now.AddDate(0, 0, 14), DeletionDate: session.DefaultDeletionDate(now), Members: members,
	})
	if err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	closed, err := k.CreateSurvey(ctx, a, NewSurvey{
		Title: DemoClosedSurveyTitle, Teams: teams,
		Opens: now.AddDate(0, 0, -15), Closes: now.AddDate(0, 0, -1), DeletionDate: session.DefaultDeletionDate(now), Members: members,
	})
	if err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	return k.seedDemoResponses(ctx, closed)
}

// seedDemoResponses stores made-up responses in a closed demo survey, sealed as real ones
// are: each team leans its own way (Front door to the left, Children in care to the right),
// and Fostering and Leaving care have four between them, so they are withheld.
func (k *Kiosk) seedDemoResponses(ctx context.Context, r survey.Record) error {
	s, err := r.Survey()
	if err != nil {
		return err
	}
	var seed [32]byte
	if _, err := io.ReadFull(k.rand, seed[:]); err != nil {
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
			plain, err := survey.Encode(s.Hash, survey.Response{Team: p.team, Answers: answers})
			if err != nil {
				return err
			}
			var b [16]byte
			if _, err := rand.Read(b[:]); err != nil {
				return err
			}
			id := hex.EncodeToString(b[:])
			sealed, err := vault.SealSurveyResponse(r.PublicKey, r.EngagementID, id, plain)
			if err != nil {
				return err
			}
			if err := k.d.Surveys.PutSurveyResponse(ctx, r.EngagementID, id, sealed); err != nil {
				return fmt.Errorf("demo responses: %w", err)
			}
		}
	}
	return nil
}
