package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"quietroom/app/clock/clocktest"
	"quietroom/app/protocol"
	"quietroom/app/retention"
	"quietroom/app/session"
)

// BenchmarkNoteSave times what the interviewer's autosave does on every change: the engine seals
// a 2 KiB note with the session key and the store commits it durably (synchronous=FULL). It
// reports the median and 99th percentile of single saves.
func BenchmarkNoteSave(b *testing.B) {
	ctx := context.Background()
	dev := newJourneyDevice(b)
	d := openDB(b, dev.dataDir, Options{})
	v := dev.vault(b)
	slot, err := v.NewInterviewer("iv1", []byte("482916"))
	if err != nil {
		b.Fatal(err)
	}
	in, err := v.Unlock("iv1", []byte("482916"), slot)
	if err != nil {
		b.Fatal(err)
	}
	eng := session.Engagement{ID: "eng1", Title: "bench", DeletionDate: day0.AddDate(0, 2, 0),
		StakeholderGroups: []string{"staff"}, CreatedAt: day0}
	if err := d.CreateEngagement(ctx, eng, retention.AuditEvent{At: day0, Actor: retention.RoleAdmin, Action: "engagement.create", EngagementID: "eng1", Outcome: "ok"}); err != nil {
		b.Fatal(err)
	}
	e := newJourneyEngine(b, d, clocktest.New(day0))
	pack, _ := protocol.BuiltinPack("leadership-360")
	if err := e.Start(ctx, session.Setup{EngagementID: "eng1", InterviewerID: "iv1", Pack: pack, Label: "staff"}, in); err != nil {
		b.Fatal(err)
	}
	choices := map[string]bool{}
	for _, c := range pack.Consent {
		choices[c.ID] = true
	}
	if err := e.ShowPreamble(ctx); err != nil {
		b.Fatal(err)
	}
	if err := e.ShowConsent(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := e.GiveConsent(ctx, session.Consent{Choices: choices}); err != nil {
		b.Fatal(err)
	}
	topic := e.Topics()[0].ID
	note := strings.Repeat("The team said the visits help. ", 70)[:2048]
	var times []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if err := e.SetNote(ctx, topic, note[:2000+i%48]); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		i++
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds()), "median-µs")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds()), "p99-µs")
}
