package surveys

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/internal/access"
	"quietroom/app/report"
	"quietroom/app/retention"
	"quietroom/app/seal"
	"quietroom/app/session"
	"quietroom/app/stick"
	"quietroom/app/survey"
	"quietroom/app/vault"
)

// ErrNoSurveyOpen: no survey may be taken today.
var ErrNoSurveyOpen = errors.New("no survey is open today")

// ErrSurveyStillOpen: the results are read only once the survey has closed. Figures read
// while people are still answering, compared with figures read after one more response,
// would show that person's answers.
var ErrSurveyStillOpen = errors.New("the results can be read from the day after the survey closes")

// NewSurvey is the admin's form for a survey engagement.
type NewSurvey struct {
	Title string
	// File is the survey file asked; nil asks the built-in survey (Appendix 2).
	File []byte
	// Teams are the host authority's teams, as it names them.
	Teams         []string
	Opens, Closes time.Time
	// MinGroup is the minimum group size; 0 is survey.DefaultMinGroup, and it is never below
	// survey.LowestMinGroup.
	MinGroup     int
	DeletionDate time.Time
	// Members are the review team: the interviewers (ids) who may read the results.
	Members []string
}

// CreateSurvey creates a survey engagement: the engagement, the survey's key pair (its private
// key sealed to each review-team member, then forgotten: nothing on the device, the admin
// included, can read a response without a member's PIN), and its audit entry
// ("survey.create", counting the members).
func CreateSurvey(ctx context.Context, k *kiosk.Kiosk, a *kiosk.Admin, n NewSurvey) (survey.Record, error) {
	if err := a.Check(); err != nil {
		return survey.Record{}, err
	}
	file := n.File
	if file == nil {
		file = survey.BuiltinFile()
	}
	s, err := survey.Load("survey", file)
	if err != nil {
		return survey.Record{}, fmt.Errorf("%w: %w", kiosk.ErrInvalid, err)
	}
	now := k.Now()
	r := survey.Record{Engagement: survey.Engagement{
		Title: strings.TrimSpace(n.Title), SurveyID: s.ID, SurveyVersion: s.Version, SurveyHash: s.Hash,
		Teams: slices.Clone(n.Teams), Opens: n.Opens, Closes: n.Closes, MinGroup: n.MinGroup, DeletionDate: n.DeletionDate,
	}, File: file}
	r.Normalise()
	if err := r.Check(); err != nil {
		return survey.Record{}, fmt.Errorf("%w: %w", kiosk.ErrInvalid, err)
	}
	if !r.DeletionDate.After(now) {
		return survey.Record{}, fmt.Errorf("%w: the deletion date must be in the future", kiosk.ErrInvalid)
	}
	if len(n.Members) == 0 {
		return survey.Record{}, fmt.Errorf("%w: choose the review team: at least one interviewer who will read the results", kiosk.ErrInvalid)
	}
	pubs := map[string]string{}
	for _, id := range n.Members {
		iv, err := k.Deps(access.Pass).Interviewers.Interviewer(ctx, id)
		if err != nil {
			return survey.Record{}, fmt.Errorf("create survey: member %s: %w", id, err)
		}
		if iv.Disabled {
			return survey.Record{}, fmt.Errorf("%w: %s is disabled: leave them off the review team, or ask an admin", kiosk.ErrInvalid, iv.DisplayName)
		}
		slot, err := vault.ParseSlot(iv.KeySlot)
		if err != nil {
			return survey.Record{}, fmt.Errorf("create survey: member %s: %w", id, err)
		}
		pubs[id] = slot.PublicKey
	}
	r.EngagementID = k.NewID(access.Pass)()
	pub, keys, err := vault.NewSurveyKey(r.EngagementID, pubs)
	if err != nil {
		return survey.Record{}, fmt.Errorf("create survey: %w", err)
	}
	r.PublicKey = pub
	for id := range pubs {
		r.Members = append(r.Members, id)
	}
	slices.Sort(r.Members)
	e := session.Engagement{ID: r.EngagementID, Title: r.Title, Kind: kiosk.SurveyKind, DeletionDate: r.DeletionDate, CreatedAt: now}
	ev := retention.AuditEvent{At: now, Actor: retention.RoleAdmin, Action: "survey.create", EngagementID: e.ID, Count: len(keys), Outcome: "ok"}
	if err := k.Deps(access.Pass).Surveys.CreateSurvey(ctx, e, r, keys, ev); err != nil {
		return survey.Record{}, fmt.Errorf("create survey: %w", err)
	}
	return r, nil
}

// ReadSurveyFile reads and validates a survey file an admin brought (on a USB stick): every
// problem at once, as FILE:LINE: FIELD: what to do (matching survey.ErrInvalid).
func ReadSurveyFile(k *kiosk.Kiosk, a *kiosk.Admin, path string) (*survey.Survey, []byte, error) {
	if err := a.Check(); err != nil {
		return nil, nil, err
	}
	s, data, err := survey.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return s, data, nil
}

// AllSurveys lists every survey engagement still kept, for the admin, each with whether it is
// open: its rules and dates, and no count. A count read while it is open, compared with one
// read later, would date each person's response; one read after it closes, less the responses
// the results show, would give the turnout of the teams the results leave out.
func AllSurveys(ctx context.Context, k *kiosk.Kiosk, a *kiosk.Admin) ([]SurveyStatus, error) {
	if err := a.Check(); err != nil {
		return nil, err
	}
	all, err := k.Deps(access.Pass).Surveys.Surveys(ctx)
	if err != nil {
		return nil, err
	}
	now := k.Now()
	out := make([]SurveyStatus, len(all))
	for i, r := range all {
		out[i].Record = r
		switch {
		case r.IsOpen(now):
			out[i].State = SurveyOpen
		case survey.Day(now).Before(r.Opens):
			out[i].State = SurveyNotYetOpen
		default:
			out[i].State = SurveyClosed
		}
	}
	return out, nil
}

// SurveyState is whether a survey may be taken.
type SurveyState int

// The states of a survey.
const (
	SurveyNotYetOpen SurveyState = iota
	SurveyOpen
	SurveyClosed
)

// SurveyStatus is a survey engagement and whether it is open.
type SurveyStatus struct {
	survey.Record
	State SurveyState
}

// SurveyToTake is a survey engagement that may be taken now, and its survey.
type SurveyToTake struct {
	Record survey.Record
	Survey *survey.Survey
}

// OpenSurveys returns every survey that may be taken now (by trusted time), the one that
// closes first first; ErrNoSurveyOpen when there is none.
func OpenSurveys(ctx context.Context, k *kiosk.Kiosk) ([]SurveyToTake, error) {
	all, err := k.Deps(access.Pass).Surveys.Surveys(ctx)
	if err != nil {
		return nil, err
	}
	now := k.Now()
	var open []survey.Record
	for _, r := range all {
		if r.IsOpen(now) {
			open = append(open, r)
		}
	}
	if len(open) == 0 {
		return nil, ErrNoSurveyOpen
	}
	slices.SortStableFunc(open, func(a, b survey.Record) int { return a.Closes.Compare(b.Closes) })
	out := make([]SurveyToTake, 0, len(open))
	for _, r := range open {
		s, err := r.Survey()
		if err != nil {
			return nil, err
		}
		out = append(out, SurveyToTake{Record: r, Survey: s})
	}
	return out, nil
}

// OpenSurvey returns the open survey that closes first (OpenSurveys), and its survey;
// ErrNoSurveyOpen when there is none.
func OpenSurvey(ctx context.Context, k *kiosk.Kiosk) (survey.Record, *survey.Survey, error) {
	open, err := OpenSurveys(ctx, k)
	if err != nil {
		return survey.Record{}, nil, err
	}
	return open[0].Record, open[0].Survey, nil
}

// SubmitSurveyResponse seals one person's answers to the survey's public key and stores them
// under a random id, with no time and no audit entry: nothing ties the response to a person,
// a moment or another record, and the kiosk cannot read it back. The survey must be open (one
// of OpenSurveys).
func SubmitSurveyResponse(ctx context.Context, k *kiosk.Kiosk, engagementID string, resp survey.Response) error {
	open, err := OpenSurveys(ctx, k)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(open, func(o SurveyToTake) bool { return o.Record.EngagementID == engagementID })
	if i < 0 {
		return ErrNoSurveyOpen
	}
	r, s := open[i].Record, open[i].Survey
	if err := survey.CheckResponse(s, &r.Engagement, resp); err != nil {
		return err
	}
	// One size whatever the answers and the team (survey.EncodedSize), so the sealed size says
	// nothing of either.
	plain, err := survey.Encode(s, resp)
	if err != nil {
		return err
	}
	defer clear(plain)
	// The id orders the responses where they are stored: it is random (Options.Rand), never
	// from Options.NewID, which may count, so their order is no clue to the order they came in.
	var b [16]byte
	if _, err := io.ReadFull(k.Rand(access.Pass), b[:]); err != nil {
		return fmt.Errorf("survey response id: %w", err)
	}
	id := hex.EncodeToString(b[:])
	sealed, err := seal.SealRecord(r.PublicKey, seal.PurposeSurveyResponse, engagementID, id, plain)
	if err != nil {
		return err
	}
	if err := k.Deps(access.Pass).Surveys.PutSurveyResponse(ctx, engagementID, id, sealed); err != nil {
		return fmt.Errorf("store survey response: %w", err)
	}
	return nil
}

// Surveys lists the survey engagements whose review team the interviewer is on.
func Surveys(ctx context.Context, s *kiosk.SignedIn) ([]survey.Record, error) {
	all, err := s.Kiosk(access.Pass).Deps(access.Pass).Surveys.Surveys(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(r survey.Record) bool { return !slices.Contains(r.Members, s.ID()) }), nil
}

// SurveyResults are a survey engagement's results as a review-team member reads them.
type SurveyResults struct {
	Record survey.Record
	survey.Results
	// Unreadable counts stored responses that did not open or were for another wording; they
	// are in no figure.
	Unreadable int
}

// SurveyResults, from the day after the survey closes (ErrSurveyStillOpen before), opens the
// survey's private key with the signed-in member's key, opens every
// response, aggregates them (survey.Aggregate: small teams merged or withheld) and forgets the
// key and the responses. Only the aggregate leaves. The audit entry ("survey.results") holds
// the engagement and no count (a total beside the results would give the turnout of a team
// they leave out). ErrNotOnReviewTeam for anyone else.
func Results(ctx context.Context, s *kiosk.SignedIn, engagementID string) (*SurveyResults, error) {
	out, err := surveyResults(ctx, s, engagementID)
	if err != nil {
		return nil, err
	}
	k := s.Kiosk(access.Pass)
	ev := retention.AuditEvent{At: k.Now(), Actor: retention.RoleInterviewer, Action: "survey.results", EngagementID: engagementID, Outcome: "ok"}
	if err := k.Deps(access.Pass).Audit.AppendAudit(ctx, ev); err != nil {
		return nil, fmt.Errorf("%w (%w)", kiosk.ErrNotAudited, err)
	}
	return out, nil
}

// surveyResults opens the survey's key and responses as the signed-in member and aggregates
// them: SurveyResults without its audit entry, and what ExportSurveyResults writes.
func surveyResults(ctx context.Context, s *kiosk.SignedIn, engagementID string) (*SurveyResults, error) {
	if s.Unlocked(access.Pass) == nil {
		return nil, kiosk.ErrSignedOut
	}
	k := s.Kiosk(access.Pass)
	recs, err := k.Deps(access.Pass).Surveys.Surveys(ctx)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(recs, func(r survey.Record) bool { return r.EngagementID == engagementID })
	if i < 0 {
		return nil, fmt.Errorf("survey %s: %w", engagementID, session.ErrNotFound)
	}
	rec := recs[i]
	if !survey.Day(k.Now()).After(rec.Closes) {
		return nil, ErrSurveyStillOpen
	}
	sv, err := rec.Survey()
	if err != nil {
		return nil, err
	}
	sealedKey, err := k.Deps(access.Pass).Surveys.SurveyKey(ctx, engagementID, s.ID())
	if errors.Is(err, session.ErrNotFound) {
		return nil, kiosk.ErrNotOnReviewTeam
	}
	if err != nil {
		return nil, err
	}
	if len(sealedKey) == 0 {
		return nil, kiosk.ErrWaitingToBeLetInAgain
	}
	reader, err := s.Unlocked(access.Pass).OpenGroupKey(seal.PurposeSurveyKey, engagementID, sealedKey)
	if errors.Is(err, vault.ErrKeyDestroyed) {
		return nil, kiosk.ErrSignedOut
	}
	if err != nil {
		return nil, err
	}
	defer reader.Destroy()
	sealed, err := k.Deps(access.Pass).Surveys.SurveyResponses(ctx, engagementID)
	if err != nil {
		return nil, err
	}
	out := &SurveyResults{Record: rec}
	var responses []survey.Response
	for id, b := range sealed {
		plain, err := reader.Open(seal.PurposeSurveyResponse, id, b)
		if err != nil {
			out.Unreadable++
			continue
		}
		r, err := survey.Decode(sv, plain)
		clear(plain)
		if err != nil {
			out.Unreadable++
			continue
		}
		responses = append(responses, r)
	}
	out.Results = survey.Aggregate(sv, rec.Teams, rec.MinGroup, responses)
	return out, nil
}

// ExportSurveyResults writes a survey's results, never a response, to the stick at dir: a PDF
// report with the charts and a CSV of the aggregated figures, both or neither
// (stick.WriteFiles): when one cannot be written, the other is removed too, and the error
// says nothing is on the stick (stick.ErrFull when it was full) or names what could not
// be removed (stick.ErrLeftBehind). The audit entry ("survey.export", the engagement and the
// number of files) is written first; it names no team and holds no figure. It returns the
// files' paths.
//
// res names the survey (the results the member was shown); what is written is worked out
// again here, as the member, from the stored responses, never taken from res: a results value
// changed on its way back (a small team shown on its own, made-up figures) is not exported.
func ExportSurveyResults(ctx context.Context, s *kiosk.SignedIn, res *SurveyResults, dir string, fonts report.Fonts) ([]string, error) {
	if s.Unlocked(access.Pass) == nil {
		return nil, kiosk.ErrSignedOut
	}
	res, err := surveyResults(ctx, s, res.Record.EngagementID)
	if err != nil {
		return nil, err
	}
	info := survey.ReportInfo{Title: res.Record.Title, Opens: res.Record.Opens, Closes: res.Record.Closes,
		DeletionDate: res.Record.DeletionDate, Unreadable: res.Unreadable}
	pdf, err := survey.PDF(&res.Results, info, fonts)
	if err != nil {
		return nil, fmt.Errorf("survey report: %w", err)
	}
	csv, err := survey.CSV(&res.Results)
	if err != nil {
		return nil, fmt.Errorf("survey figures: %w", err)
	}
	k := s.Kiosk(access.Pass)
	base := exportName(res.Record.Title, k.Now())
	// A second export the same day gets its own names: a file on the stick is never replaced.
	for i := 2; i < 100 && (exists(filepath.Join(dir, base+".pdf")) || exists(filepath.Join(dir, base+".csv"))); i++ {
		base = fmt.Sprintf("%s-%d", exportName(res.Record.Title, k.Now()), i)
	}
	files := []stick.File{{Name: base + ".pdf", Data: pdf}, {Name: base + ".csv", Data: csv}}
	ev := retention.AuditEvent{At: k.Now(), Actor: retention.RoleInterviewer, Action: "survey.export", EngagementID: res.Record.EngagementID, Count: len(files), Outcome: "ok"}
	var paths []string
	err = k.Audited(ctx, ev, func() error {
		var err error
		paths, err = stick.WriteFiles(dir, files)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("export the results: %w", err)
	}
	return paths, nil
}

// exportName is a file name for an export: the title in plain letters and the day.
func exportName(title string, now time.Time) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-")
	if len(name) > 60 {
		name = strings.Trim(name[:60], "-")
	}
	if name == "" {
		name = "survey"
	}
	return name + "-results-" + now.Format("2006-01-02")
}

// SurveyFiles lists the YAML files on a plugged-in USB stick (under Options.ImportDirs) that a
// survey may be read from; ReadSurveyFile says whether one is a valid survey.
func SurveyFiles(k *kiosk.Kiosk, a *kiosk.Admin) ([]stick.Found, error) {
	if err := a.Check(); err != nil {
		return nil, err
	}
	return stick.FindNamed(k.ImportDirs(access.Pass), ".yaml", ".yml"), nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
