package kiosk_test

import (
	"os"
	"testing"

	"quietroom/app/kiosk/boards"
	"quietroom/app/report/fynefont"
)

// BenchmarkBoardExportSlides exports the presentation as the screen does once a member has
// given their PIN: the board opened, the presentation built from its items and work, the
// slides (16:9, fonts embedded) and the outline made and both written whole to the stick, with
// the audit entry. The PIN check before it is not timed (BenchmarkPINCheck). Realistic: a
// board of 300 items.
func BenchmarkBoardExportSlides(b *testing.B) {
	scaled(b, "export the slides and the outline", 300, tapGoal, func(b *testing.B, n int) {
		t := newTeamBoard(b, n)
		var size int64
		for b.Loop() {
			b.StopTimer()
			s := t.r.signIn(b, t.alice)
			b.StartTimer()
			paths, err := boards.ExportSlides(ctx, s, t.eng, t.r.stick, fynefont.Fonts())
			b.StopTimer()
			if err != nil {
				b.Fatal(err)
			}
			size = 0
			for _, p := range paths {
				if fi, err := os.Stat(p); err == nil {
					size += fi.Size()
				}
				if err := os.Remove(p); err != nil {
					b.Fatal(err)
				}
			}
			b.StartTimer()
		}
		b.ReportMetric(float64(size)/1024, "KiB-pdfs")
	})
}
