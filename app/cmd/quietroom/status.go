package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"quietroom/app/clock"
	"quietroom/app/retention"
	"quietroom/app/store"
)

// defaultDataDir is where the kiosk keeps its database on a device.
const defaultDataDir = "/var/lib/quietroom"

func init() {
	register(command{
		name:    "status",
		usage:   "[--data DIR] [--json]",
		summary: "show engagements, deletion dates, the clock check and database health (no content)",
		run:     runStatus,
	})
}

// statusReport is what `quietroom status` prints. It holds no content, no labels, no names and
// no hold reasons: ids, titles, dates, counts and health.
type statusReport struct {
	Database      string             `json:"database"`
	SchemaVersion int                `json:"schema_version"`
	SchemaLatest  int                `json:"schema_latest"`
	Integrity     string             `json:"integrity"`
	Clock         statusClock        `json:"clock"`
	NextDeletion  *time.Time         `json:"next_deletion"`
	Engagements   []statusEngagement `json:"engagements"`
}

type statusClock struct {
	Now        time.Time `json:"now"`
	Trusted    time.Time `json:"trusted"`
	Floor      time.Time `json:"floor"`
	State      string    `json:"state"`
	LooksRight bool      `json:"looks_right"`
	Message    string    `json:"message"`
}

type statusEngagement struct {
	ID           string     `json:"id"`
	Title        string     `json:"title"`
	DeletionDate time.Time  `json:"deletion_date"`
	Sessions     int        `json:"sessions"`
	Declines     int        `json:"declines"`
	NextSession  *time.Time `json:"next_session_deletion"`
	LegalHold    bool       `json:"legal_hold"`
	Closed       bool       `json:"closed"`
}

func runStatus(e *env, args []string) int {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dir := fs.String("data", defaultDataDir, "the kiosk's data folder")
	asJSON := fs.Bool("json", false, "print JSON for machines")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(e.stderr, "quietroom status: unexpected argument %q\nUsage: quietroom status [--data DIR] [--json]\n", fs.Arg(0))
		return 2
	}
	rep, err := buildStatus(context.Background(), *dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "quietroom status: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(e.stderr, "quietroom status: %v\n", err)
			return 1
		}
		return 0
	}
	printStatus(e.stdout, rep)
	return 0
}

func buildStatus(ctx context.Context, dir string) (statusReport, error) {
	db, err := store.Open(ctx, dir, store.Options{ReadOnly: true})
	if err != nil {
		return statusReport{}, err
	}
	defer db.Close()
	rep := statusReport{Database: db.Path(), SchemaVersion: db.SchemaVersion(), SchemaLatest: store.LatestSchemaVersion()}
	if rep.Integrity, err = db.IntegrityCheck(ctx); err != nil {
		return statusReport{}, err
	}
	rt, err := retention.New(ctx, db, clock.System(), retention.Options{})
	if err != nil {
		return statusReport{}, err
	}
	st, err := rt.Status(ctx)
	if err != nil {
		return statusReport{}, err
	}
	rep.Clock = statusClock{Now: st.Clock, Trusted: st.Trusted, Floor: st.Floor, State: string(st.State),
		LooksRight: st.State == retention.ClockOK, Message: st.Message}
	if st.HasNextDeletion {
		rep.NextDeletion = &st.NextDeletion
	}
	sums, err := db.Summaries(ctx)
	if err != nil {
		return statusReport{}, err
	}
	rep.Engagements = []statusEngagement{}
	for _, s := range sums {
		se := statusEngagement{ID: s.ID, Title: s.Title, DeletionDate: s.DeletionDate, Sessions: s.Sessions,
			Declines: s.Declines, LegalHold: s.LegalHold, Closed: s.Closed}
		if !s.NextDeletion.IsZero() {
			next := s.NextDeletion
			se.NextSession = &next
		}
		rep.Engagements = append(rep.Engagements, se)
	}
	return rep, nil
}

func printStatus(w io.Writer, r statusReport) {
	const day = "Mon 2 Jan 2006"
	const stamp = "Mon 2 Jan 2006 15:04 MST"
	fmt.Fprintf(w, "Database:      %s\n", r.Database)
	fmt.Fprintf(w, "Schema:        version %d (this program writes %d)\n", r.SchemaVersion, r.SchemaLatest)
	fmt.Fprintf(w, "Integrity:     %s\n", r.Integrity)
	fmt.Fprintf(w, "Clock:         %s (%s)\n", r.Clock.Now.Local().Format(stamp), r.Clock.State)
	fmt.Fprintf(w, "               %s\n", r.Clock.Message)
	if r.Clock.Floor.IsZero() {
		fmt.Fprintf(w, "Time floor:    not set yet\n")
	} else {
		fmt.Fprintf(w, "Time floor:    %s\n", r.Clock.Floor.Local().Format(stamp))
	}
	if r.NextDeletion == nil {
		fmt.Fprintf(w, "Next deletion: none due (no session outside a legal hold)\n")
	} else {
		fmt.Fprintf(w, "Next deletion: %s\n", r.NextDeletion.Local().Format(stamp))
	}
	fmt.Fprintf(w, "\nEngagements (%d):\n", len(r.Engagements))
	if len(r.Engagements) == 0 {
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  ID\tTITLE\tDELETION DATE\tSESSIONS\tDECLINED\tNEXT SESSION DUE\tSTATUS")
	for _, e := range r.Engagements {
		next := "-"
		if e.NextSession != nil {
			next = e.NextSession.Local().Format(day)
		}
		status := "open"
		if e.Closed {
			status = "closed"
		}
		if e.LegalHold {
			status += ", legal hold"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\t%d\t%s\t%s\n", e.ID, e.Title, e.DeletionDate.Local().Format(day), e.Sessions, e.Declines, next, status)
	}
	tw.Flush()
}
