package panels

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"quietroom/app/kiosk"
	"quietroom/app/panel"
	"quietroom/app/report"
	"quietroom/app/retention"
	"quietroom/app/stick"
)

// MinExportPassword is the shortest password the panel's record is exported under.
const MinExportPassword = 8

// Errors of the export.
var (
	// ErrExportPassword: the password is too short, or the two typings differ.
	ErrExportPassword = fmt.Errorf("%w: use a password of at least %d characters, typed the same twice", kiosk.ErrInvalid, MinExportPassword)
	// ErrNotDecided: the record is exported once the decision is recorded.
	ErrNotDecided = errors.New("the record can be exported once the appointing officer has recorded the decision")
)

// Export writes the panel's record (the question set, each member's scores and reasons, the
// grid, the decision; candidates by number and members by role, no names) to the stick dir as
// a PDF encrypted with AES-256 under password, which any PDF reader opens with it. The
// unencrypted PDF exists only in memory; the file is written under a temporary name and
// renamed once whole, so a full or removed stick leaves no file that looks complete. Only the
// appointing officer exports, after the decision. The audit entry holds no content. It returns
// the file's path.
func (p *PanelMember) Export(ctx context.Context, dir, password, again string, fonts report.Fonts) (string, error) {
	if utf8.RuneCountInString(password) < MinExportPassword || password != again {
		return "", ErrExportPassword
	}
	if dir == "" {
		return "", kiosk.ErrNoStick
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return "", kiosk.ErrNoStick
	}
	if err := p.Refresh(ctx); err != nil {
		return "", err
	}
	p.mu.Lock()
	r := p.rec
	if r == nil {
		p.mu.Unlock()
		return "", kiosk.ErrSignedOut
	}
	// The appointing officer, after the decision (may).
	err := p.require(r, actExport)
	var plain []byte
	if err == nil {
		// The kiosk's own zone (set at enrolment, app/enrol): the dates and times HR reads.
		plain, err = recordPDF(r, r.Submissions, fonts, time.Local)
	}
	p.mu.Unlock()
	if err != nil {
		return "", err
	}
	defer clear(plain)
	enc, err := encryptPDF(plain, password)
	if err != nil {
		return "", err
	}
	name := "recruitment-record-" + shortID(r.EngagementID) + ".pdf"
	ev := retention.AuditEvent{At: p.k.Now(), Actor: retention.RoleInterviewer, Action: "panel.export",
		EngagementID: r.EngagementID, Count: len(r.Candidates), Outcome: "ok"}
	var path string
	err = p.k.Audited(ctx, ev, func() error {
		var err error
		path, err = stick.WriteFile(dir, name, enc)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("export the record: %w", err)
	}
	return path, nil
}

func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

// RecordPermissions are what a reader of the exported record may do once it is open:
// print it, and extract its text for accessibility (a screen reader), nothing else (no
// changes, no copying for other purposes, no form filling or assembly).
const RecordPermissions = model.PermissionsNone | model.PermissionPrintRev2 | model.PermissionPrintRev3 |
	model.PermissionExtractRev3

// encryptPDF encrypts a PDF in memory under password (as user and owner password) with the
// PDF 2.0 standard security handler, revision 6: AES-256 (AESV3) with a password check that
// costs a guesser the hardened hash of ISO 32000-2, not revision 5's one SHA-256, which PDF
// 2.0 deprecates. pdfcpu writes revision 6 for a document of version 2.0, so the document is
// marked 2.0 between reading and writing.
//
// The configuration is built here, not from pdfcpu's defaults: those read, or write, a
// configuration folder in the user's home unless a package global says otherwise, and the
// kiosk writes nothing but its own files and changes no global for it.
func encryptPDF(plain []byte, password string) ([]byte, error) {
	conf := &model.Configuration{
		Version:               model.VersionStr,
		Reader15:              true,
		ValidationMode:        model.ValidationRelaxed,
		Eol:                   types.EolLF,
		WriteObjectStream:     true,
		WriteXRefStream:       true,
		UserPW:                password,
		OwnerPW:               password,
		EncryptUsingAES:       true,
		EncryptKeyLength:      256,
		Permissions:           RecordPermissions,
		Cmd:                   model.ENCRYPT,
		Optimize:              true,
		OptimizeBeforeWriting: true,
		OptimizeResourceDicts: true,
		Offline:               true,
		Limits:                model.DefaultResourceLimits(),
	}
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(plain), conf)
	if err != nil {
		return nil, fmt.Errorf("encrypt the record: %w", err)
	}
	v20 := model.V20
	ctx.XRefTable.RootVersion = &v20
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		return nil, fmt.Errorf("encrypt the record: %w", err)
	}
	if ctx.E == nil || ctx.E.R != 6 {
		return nil, fmt.Errorf("encrypt the record: not written with the revision 6 handler")
	}
	return out.Bytes(), nil
}

// memberLabels names members by role and number, never by name: "Member 1 (appointing officer
// and chair)".
func memberLabels(r *panel.Recruitment) map[string]string {
	out := map[string]string{}
	for i, m := range r.Members {
		var roles []string
		for _, role := range m.Roles {
			roles = append(roles, map[panel.Role]string{
				panel.RoleAppointingOfficer: "appointing officer", panel.RoleChair: "chair",
				panel.RoleStaff: "member of staff", panel.RolePartner: "service user or carer",
			}[role])
		}
		out[m.ID] = fmt.Sprintf("Member %d (%s)", i+1, strings.Join(roles, " and "))
	}
	return out
}

// recordDate and recordTime say when, in the kiosk's zone loc, the zone named with the time:
// "10 March 2026", "10 March 2026, 14:05 GMT".
func recordDate(t time.Time, loc *time.Location) string { return t.In(loc).Format("2 January 2006") }

func recordTime(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("2 January 2006, 15:04 MST")
}

// recordPDF writes the panel's record as a PDF, in memory, its dates and times in loc (the
// kiosk's zone), each page numbered.
func recordPDF(r *panel.Recruitment, subs []panel.Submission, fonts report.Fonts, loc *time.Location) ([]byte, error) {
	d, err := report.New("Recruitment record", fonts)
	if err != nil {
		return nil, err
	}
	d.NumberPages()
	labels := memberLabels(r)
	d.Title("Recruitment record")
	d.Paragraph(fmt.Sprintf("Post: %s, %s", r.Post.Title, r.Post.Band))
	d.Note("Confidential: a legal document of the recruitment. Candidates are known by number and panel members by role only; the only names are the printed names on the signed confirmation of understanding, at the end.")
	d.Note("Dates and times are the kiosk's local time, each time with its zone.")

	d.Heading("The panel")
	for _, m := range r.Members {
		d.Bullet(labels[m.ID])
	}
	for _, c := range r.Confirmations {
		d.Paragraph(fmt.Sprintf("Confirmation of understanding signed by %s and %s on %s: the signed sheet is the last part of this record.",
			labels[c.StaffID], labels[c.PartnerID], recordDate(c.At, loc)))
	}
	for _, m := range r.WithRole(panel.RolePartner) {
		if !r.Confirmed(m.ID) {
			d.Paragraph(fmt.Sprintf("No confirmation of understanding was signed on the kiosk by %s.", labels[m.ID]))
		}
	}

	d.Heading("How the panel ran")
	for _, line := range orderLines(r, labels) {
		d.Paragraph(line)
	}

	d.Heading("Candidates")
	for _, c := range r.Candidates {
		line := candidateLine(c, loc)
		if r.FeedbackRequested(c.Number) {
			line += " Asked for feedback on the decision."
		}
		d.Bullet(line)
	}

	d.Heading("Scoring scale")
	var scale [][]string
	for _, v := range r.Scale.Levels() {
		scale = append(scale, []string{strconv.Itoa(v), r.Scale.Label(v)})
	}
	d.Table([]string{"Score", "Meaning"}, scale, []float64{1, 5})

	d.Heading("Questions, asked of every candidate in this order")
	for i, q := range r.Questions {
		d.Subheading(fmt.Sprintf("Q%d. %s", i+1, q.QuestionText()))
		d.Note("Asked by " + labels[q.AskedBy])
		var anchors []string
		for _, v := range r.Scale.Levels() {
			if a := q.Anchor(r.Scale, v); a != "" {
				anchors = append(anchors, fmt.Sprintf("%d: %s", v, a))
			}
		}
		if len(anchors) > 0 {
			d.Note("Anchors: " + strings.Join(anchors, "; "))
		}
	}

	g, err := r.GridFor(r.Members[0].ID)
	if err != nil {
		return nil, err
	}
	d.Heading("The grid")
	head := []string{"Candidate", "Question"}
	widths := []float64{1.2, 1}
	for i := range r.Members {
		head = append(head, fmt.Sprintf("Member %d", i+1))
		widths = append(widths, 1)
	}
	head = append(head, "Spread")
	widths = append(widths, 1.2)
	var rows [][]string
	for _, c := range g.Candidates {
		for i, row := range c.Rows {
			cells := []string{c.Number, fmt.Sprintf("Q%d", i+1)}
			for j, s := range row.Scores {
				t := strconv.Itoa(s)
				if row.NoAnswer[j] {
					t += " (no answer)"
				}
				cells = append(cells, t)
			}
			sp := strconv.Itoa(row.Spread)
			if row.Disagree {
				if discussedAfterScores(r, c.Number) {
					sp += " (discussed)"
				} else {
					sp += " (flagged)"
				}
			}
			rows = append(rows, append(cells, sp))
		}
		total := []string{c.Number, "Total"}
		for _, t := range c.Totals {
			total = append(total, strconv.Itoa(t))
		}
		// The spread is per question: a total row has none.
		rows = append(rows, append(total, ""))
	}
	d.Table(head, rows, widths)
	for _, c := range g.Candidates {
		d.Note(fmt.Sprintf("Candidate %s: every member's scores add up to %d.", c.Number, c.Total))
	}
	d.Note(fmt.Sprintf("A spread of %d or more between the members' scores of a question is flagged; \"discussed\" only where the panel's discussion was recorded after every member's scores of the candidate.", g.DisagreeAt))

	d.Heading("The panel's discussion")
	if dis := r.Discussion; dis == nil {
		d.Paragraph("No discussion was recorded on the kiosk.")
	} else {
		d.Paragraph(fmt.Sprintf("The panel met to discuss each candidate; recorded by %s on %s.", labels[dis.By], recordTime(dis.At, loc)))
		for _, c := range r.Candidates {
			if note := dis.Notes[c.Number]; note != "" {
				d.Bullet(fmt.Sprintf("Candidate %s: %s", c.Number, note))
			}
		}
		if len(dis.Notes) == 0 {
			d.Note("The panel agreed to note nothing about any candidate.")
		}
	}

	d.Heading("Each member's scores, reasons and notes")
	for _, c := range r.Candidates {
		if c.Withdrawn() && c.InterviewedAt.IsZero() {
			continue // not interviewed: nobody scored them (the list above says why)
		}
		if c.Withdrawn() {
			d.Subheading("Candidate " + c.Number + " (withdrawn after the interview: not in the grid)")
		} else {
			d.Subheading("Candidate " + c.Number)
		}
		for _, m := range r.Members {
			s, err := r.SheetsFor(m.ID, c.Number)
			if err != nil {
				continue
			}
			var sheet *panel.Sheet
			for _, x := range s {
				if x.MemberID == m.ID {
					sheet = x
				}
			}
			if sheet == nil {
				continue
			}
			d.Paragraph(fmt.Sprintf("%s, submitted %s", labels[m.ID], submittedAt(subs, m.ID, c.Number, loc)))
			var rs [][]string
			for i, q := range r.Questions {
				mk := sheet.Mark(q.ID)
				score := strconv.Itoa(mk.Score)
				if mk.NoAnswer {
					score += " (no answer)"
				}
				rs = append(rs, []string{fmt.Sprintf("Q%d", i+1), score, mk.Reason})
			}
			d.Table([]string{"Question", "Score", "Reason"}, rs, []float64{1, 1, 5})
			if strings.TrimSpace(sheet.Notes) != "" {
				d.Note("Notes: " + sheet.Notes)
			}
		}
	}

	d.Heading("The decision")
	dec := r.Decision
	if dec.Selected == "" {
		d.Paragraph("No appointment.")
	} else {
		d.Paragraph("Selected: candidate " + dec.Selected + ".")
	}
	d.Paragraph("Reasons: " + dec.Reasons)
	d.Note(fmt.Sprintf("Recorded by %s on %s, confirmed with their PIN.", labels[dec.By], recordTime(dec.At, loc)))
	d.Paragraph(panel.ChecksAndReferences)

	d.Heading("After the decision")
	var asked []string
	for _, c := range r.Candidates {
		if r.FeedbackRequested(c.Number) {
			asked = append(asked, c.Number)
		}
	}
	if len(asked) == 0 {
		d.Paragraph("No candidate's request for feedback was recorded.")
	} else {
		d.Paragraph("Candidates who asked for feedback: " + strings.Join(asked, ", ") + ".")
	}
	for _, m := range r.WithRole(panel.RolePartner) {
		if t, ok := r.Told(m.ID); ok {
			d.Paragraph(fmt.Sprintf("The appointing officer told %s the outcome on %s.", labels[m.ID], recordDate(t.At, loc)))
		} else {
			d.Paragraph(fmt.Sprintf("Not recorded yet that %s was told the outcome.", labels[m.ID]))
		}
		if f, ok := r.FeedbackOf(m.ID); ok {
			d.Subheading(fmt.Sprintf("Feedback of %s, given on %s", labels[m.ID], recordDate(f.At, loc)))
			d.Paragraph("What went well: " + f.WentWell)
			d.Paragraph("What could be improved: " + f.CouldImprove)
		}
	}
	confirmationPages(d, r, labels, loc)
	return d.Bytes()
}

// orderLines say in which order the panel ran and who led it.
func orderLines(r *panel.Recruitment, labels map[string]string) []string {
	var out []string
	if r.ScoringOrder() == panel.OrderGuide {
		out = append(out, "Order: the guide's. Every candidate was seen (each member keeping their own notes), then the panel met to discuss each person, then each member scored each candidate on their own, then the decision.")
	} else {
		out = append(out, "Order: the organisation's choice, each member scoring each candidate on their own after that candidate's interview.")
	}
	out = append(out, "Scores were blind: no member saw another's scores of a candidate before every member had submitted theirs.")
	if lead := r.LeadID(); lead != "" {
		out = append(out, "Leading the interview: "+labels[lead]+".")
	}
	return out
}

// discussedAfterScores reports whether the panel's discussion was recorded after every
// member submitted their scores of the candidate, so that it could discuss their spread.
func discussedAfterScores(r *panel.Recruitment, candidate string) bool {
	// In the guide's order the discussion comes before any score, by rule.
	if r.Discussion == nil || r.ScoringOrder() == panel.OrderGuide {
		return false
	}
	for _, m := range r.Members {
		s, ok := r.Submissions.Find(m.ID, candidate)
		if !ok || !s.At.Before(r.Discussion.At) {
			return false
		}
	}
	return true
}

// withdrawalWords are the reasons as the record gives them.
var withdrawalWords = map[panel.Withdrawal]string{
	panel.WithdrawDeclined:  "the candidate withdrew",
	panel.WithdrawNoShow:    "the candidate did not attend",
	panel.WithdrawError:     "the number was entered in error",
	panel.WithdrawNoConsent: "the candidate declined to consent to the interview",
}

// candidateLine is a candidate's line in the record's list: interviewed, not interviewed, or
// withdrawn with the reason and the date.
func candidateLine(c panel.Candidate, loc *time.Location) string {
	switch {
	case c.Withdrawn():
		why := withdrawalWords[c.Withdrawal]
		if why == "" {
			why = string(c.Withdrawal)
		}
		if !c.InterviewedAt.IsZero() {
			return fmt.Sprintf("Candidate %s: interviewed on %s, withdrawn on %s (%s).", c.Number,
				recordDate(c.InterviewedAt, loc), recordDate(c.WithdrawnAt, loc), why)
		}
		if c.Withdrawal == panel.WithdrawNoConsent {
			return fmt.Sprintf("Candidate %s: declined to consent to the interview on %s; not interviewed.", c.Number, recordDate(c.WithdrawnAt, loc))
		}
		return fmt.Sprintf("Candidate %s: withdrawn on %s (%s).", c.Number, recordDate(c.WithdrawnAt, loc), why)
	case !c.InterviewedAt.IsZero():
		return fmt.Sprintf("Candidate %s: interviewed on %s.", c.Number, recordTime(c.InterviewedAt, loc))
	}
	return fmt.Sprintf("Candidate %s: not interviewed.", c.Number)
}

func submittedAt(subs []panel.Submission, member, candidate string, loc *time.Location) string {
	for _, s := range subs {
		if s.MemberID == member && s.Candidate == candidate {
			return recordTime(s.At, loc)
		}
	}
	return "(time not known)"
}

// confirmationPages end the record with the signed confirmation of understanding, on a page
// of its own: for each service user or carer, what each signer confirmed, their printed names
// as typed, the date and the signatures as drawn on the kiosk.
func confirmationPages(d *report.Document, r *panel.Recruitment, labels map[string]string, loc *time.Location) {
	d.PageBreak()
	d.Heading("Signed confirmation of understanding")
	if len(r.Confirmations) == 0 {
		d.Paragraph("No confirmation of understanding was signed on the kiosk.")
		return
	}
	d.Paragraph("This is the signed confirmation of understanding of the guide to interviews, as signed on the kiosk: the printed names as each signer typed them and the signatures as each drew them with a finger.")
	for _, c := range r.Confirmations {
		date := recordDate(c.At, loc)
		d.Subheading("Confirmation of " + labels[c.PartnerID])
		d.Bullet(fmt.Sprintf("%s, printed name %s, confirmed: %s", labels[c.PartnerID], c.PartnerName, panel.PartnerStatementText()))
		d.Bullet(fmt.Sprintf("%s, printed name %s, confirmed: %s", labels[c.StaffID], c.StaffName,
			panel.StaffStatementText(c.PartnerName, date)))
		const boxH, gap = 80.0, 20.0
		var unreadable []string
		d.Space(6)
		// Room for a printed name of the most characters the panel takes, wrapped, never cut.
		d.Figure(boxH+24+4*report.BodySize*1.3, func(cv *report.Canvas) {
			w := (cv.Width() - gap) / 2
			for i, s := range []struct {
				role, name string
				sig        []byte
			}{
				{"Staff member signature", c.StaffName, c.StaffSignature},
				{"Signature of the service user or carer", c.PartnerName, c.PartnerSignature},
			} {
				x := float64(i) * (w + gap)
				cv.Text(x, 0, w, report.BodySize, s.role, report.Left, true, report.Black)
				cv.Box(x, 16, w, boxH, 0.5, report.Grey)
				strokes, ok := signatureStrokes(s.sig, x, 16, w, boxH)
				if !ok {
					unreadable = append(unreadable, s.role)
				}
				for _, st := range strokes {
					cv.Stroke(st, 1.2, report.Black)
				}
				h := cv.Wrap(x, 20+boxH, w, report.BodySize, "Print name: "+s.name, report.Black)
				cv.Text(x, 20+boxH+h, w, report.BodySize, "Date: "+date, report.Left, false, report.Black)
			}
		})
		for _, role := range unreadable {
			d.Note(role + ": the signature as kept could not be drawn.")
		}
		d.Note(fmt.Sprintf("Signed on the kiosk on %s; %s confirmed their signature with their own PIN.", recordTime(c.At, loc), labels[c.StaffID]))
		d.Space(8)
	}
}

// signatureStrokes reads a signature pad's strokes ("x,y x,y;x,y ...", app/ui's encoding) and
// fits them, their shape kept, into the box at (x, y) w by h with a small margin. It reports
// false when there is nothing it can draw.
func signatureStrokes(b []byte, x, y, w, h float64) ([][]report.Point, bool) {
	var strokes [][]report.Point
	minX, minY, maxX, maxY := 0.0, 0.0, 0.0, 0.0
	first := true
	for _, part := range strings.Split(string(b), ";") {
		var st []report.Point
		for _, p := range strings.Fields(part) {
			xs, ys, ok := strings.Cut(p, ",")
			px, err1 := strconv.ParseFloat(xs, 64)
			py, err2 := strconv.ParseFloat(ys, 64)
			if !ok || err1 != nil || err2 != nil {
				return nil, false
			}
			if first {
				minX, minY, maxX, maxY, first = px, py, px, py, false
			}
			minX, minY, maxX, maxY = min(minX, px), min(minY, py), max(maxX, px), max(maxY, py)
			st = append(st, report.Point{X: px, Y: py})
		}
		if len(st) > 0 {
			strokes = append(strokes, st)
		}
	}
	if len(strokes) == 0 {
		return nil, false
	}
	const pad = 6.0
	scale := min((w-2*pad)/max(maxX-minX, 1), (h-2*pad)/max(maxY-minY, 1), 2)
	for _, st := range strokes {
		for i, p := range st {
			st[i] = report.Point{X: x + pad + (p.X-minX)*scale, Y: y + pad + (p.Y-minY)*scale}
		}
	}
	return strokes, true
}
