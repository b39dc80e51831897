package kiosk

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"math/big"
	"time"

	"quietroom/app/session"
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

// DemoSurveyTitle is the demo survey engagement's title.
const DemoSurveyTitle = "Demo: leadership culture survey"

// SeedDemoSurvey adds the demo survey engagement to a development device set up by SeedDemo:
// the built-in survey, open from today for two weeks, four teams, the default minimum group
// size, deleted with the demo engagement's default date, its review team every interviewer.
// It is for `quietroom run --dev` only.
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
	_, err = k.CreateSurvey(ctx, a, NewSurvey{
		Title: DemoSurveyTitle, Teams: []string{"Front door", "Children in care", "Fostering", "Leaving care"},
		Opens: now, Closes: now.AddDate(0, 0, 14), DeletionDate: session.DefaultDeletionDate(now), Members: members,
	})
	if err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	return nil
}
