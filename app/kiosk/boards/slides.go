package boards

import (
	"context"
	"strings"

	"quietroom/app/kiosk"
	"quietroom/app/kiosk/internal/access"
	"quietroom/app/report"
	"quietroom/app/retention"
	"quietroom/app/stick"
)

// PresentationFiles are the names of the two files an export of the presentation writes for an
// engagement title: the slides (16:9, what the slide show shows) and the outline (the A4 text,
// for a team's own template). Like PresentationFileName: the title's letters and digits only.
func PresentationFiles(title string) (slides, outline string) {
	base := strings.TrimSuffix(PresentationFileName(title), "-presentation.pdf")
	return base + "-slides.pdf", base + "-outline.pdf"
}

// ExportSlides writes the board's presentation to the stick folder dir as two PDFs, the slides
// and the outline, both or neither (stick.WriteFiles), and returns their paths (slides
// first). Both are made from the one board.Presentation, so the small-group floor and only
// what the team chose hold in each. It needs this member's PIN (it is a SignedIn's, used up by
// it) and writes a content-free audit entry first. A file of either name already on the stick
// is not replaced: nothing is written.
func ExportSlides(ctx context.Context, s *kiosk.SignedIn, engagementID, dir string, fonts report.Fonts) ([]string, error) {
	b, err := Open(ctx, s, engagementID)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	e, err := engagement(ctx, s.Kiosk(access.Pass), engagementID)
	if err != nil {
		return nil, err
	}
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
	var paths []string
	ev := BoardEvent(s.Kiosk(access.Pass), retention.RoleInterviewer, "board.presentation.export", engagementID, len(p.Insights))
	err = s.Kiosk(access.Pass).Audited(ctx, ev, func() error {
		var err error
		paths, err = stick.WriteFiles(dir, []stick.File{{Name: slidesName, Data: slides}, {Name: outlineName, Data: outline}})
		return err
	})
	return paths, err
}
