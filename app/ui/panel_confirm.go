package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/panel"
	"quietroom/app/protocol"
)

// confirmPoints are the guide's key points the involvement partner reads before their panel.
func confirmPoints() []protocol.Page {
	return []protocol.Page{
		{Title: lang.L("What you should expect"), Text: lang.L("We keep in touch with you before the panel, and help you understand the job description and person specification of the role. We support you to write questions about values. You get clear instructions for the day: where, when, the breaks and who is on the panel with you.")},
		{Title: lang.L("What is expected of you"), Text: lang.L("Check two days before that you have everything you need, and ask if not. Arrive on time, ready to interview. Follow the host's instructions and be courteous. Wear comfortable clothes.")},
		{Title: lang.L("How the panel works"), Text: lang.L("The panel has at least three people: the appointing officer, who leads and makes the final decision; the chair, who welcomes the candidate and keeps the panel running smoothly (often the appointing officer too); a member of staff; and you, with your experience as a service user or carer. You can contribute questions and ask them. Every candidate is asked the same questions in the same way.")},
		{Title: lang.L("Scoring"), Text: lang.L("After each candidate, each of you scores every answer on your own, with a short reason, before anyone sees the others' scores. Scoring is a formal process and is followed precisely; the staff explain the scale. If a candidate does not answer, you record \"no answer\" and still score it. Your scores and notes are a legal document and could be looked at if a candidate disputes the decision.")},
		{Title: lang.L("Data security and confidentiality"), Text: lang.L("Candidates are known by a number, never by name. Do not share anything about the candidates with anyone, during or after the recruitment. On this kiosk your scores are locked with your own PIN, and the record is deleted on the organisation's date.")},
		{Title: lang.L("Keeping the outcome to yourself"), Text: lang.L("You may hear who was successful before the candidates do. Keep it to yourself until it is announced. The appointing officer tells each candidate the decision.")},
	}
}

// showConfirmPoints shows the key points in large, plain text, then the signed sheet (or the
// signed record when it is there).
func (s *panelScreens) showConfirmPoints() { s.showConfirmPage(0) }

func (s *panelScreens) showConfirmPage(page int) {
	pages := confirmPoints()
	v, ok := s.state()
	if !ok {
		return
	}
	// Every service user or carer has signed when there is nobody left to sign for (the
	// kiosk's Can.Confirm).
	confirmed := !v.Can.Confirm.Open()
	page = min(max(page, 0), len(pages)-1)
	title := heading(pages[page].Title)
	text := widget.NewLabel(pages[page].Text)
	text.Wrapping = fyne.TextWrapWord
	text.SizeName = theme.SizeNameSubHeadingText
	nav := container.NewHBox(s.u.button(lang.L("Back"), func() {
		if page == 0 {
			s.showPanelHome()
		} else {
			s.showConfirmPage(page - 1)
		}
	}), layout.NewSpacer(), widget.NewLabel(lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": page + 1, "Pages": len(pages)})), layout.NewSpacer())
	if page < len(pages)-1 {
		nav.Add(s.u.primary(lang.L("Next"), func() { s.showConfirmPage(page + 1) }))
	} else if confirmed {
		nav.Add(s.u.primary(lang.L("Show the signed sheet"), s.showConfirmSheet))
	} else {
		nav.Add(s.u.primary(lang.L("Sign"), func() { s.showConfirmSign(&confirmForm{}) }))
	}
	s.u.show("panel-confirm-points", screenIdle, container.NewBorder(title, nav, nil, nil, newTouchScroll(text)))
}

// confirmForm is the confirmation sheet being signed.
type confirmForm struct {
	partnerName, staffName string
	partnerSig, staffSig   []byte
	staffID                string
}

// showConfirmSign takes the involvement partner's printed name and signature, then the member
// of staff's.
func (s *panelScreens) showConfirmSign(f *confirmForm) {
	v, ok := s.state()
	if !ok {
		return
	}
	partners, staff := v.Unconfirmed, v.Staff
	if len(partners) == 0 {
		s.showConfirmSheet()
		return
	}
	names := s.names()
	partnerStep := f.partnerSig == nil
	msg := newErrorLabel()
	name := newKBEntry(s.u.kb, false)
	name.SetPlaceHolder(lang.L("Print your name"))
	pad := NewSignaturePad()
	var who fyne.CanvasObject
	var title string
	date := s.u.kiosk.Now().Local().Format("2 January 2006")
	// Each signs their own statement: the guide's sheet has the member of staff confirm that
	// the service user or carer completed the guide, and the service user or carer that they
	// understood it.
	statement := partnerStatement()
	if partnerStep {
		title = lang.L("Service user or carer: {{.Name}}", map[string]any{"Name": names[partners[0].ID]})
		name.SetText(f.partnerName)
		who = widget.NewLabel("")
	} else {
		title = lang.L("Member of staff who went through the guide: tap your name")
		statement = staffStatement(f.partnerName, date)
		name.SetText(f.staffName)
		row := container.NewHBox()
		for _, m := range staff {
			b := s.u.button(names[m.ID], nil)
			b.OnTapped = func() {
				s.u.touch()
				f.staffID = m.ID
				for _, o := range row.Objects {
					o.(*Button).Importance = widget.MediumImportance
					o.Refresh()
				}
				b.Importance = widget.HighImportance
				b.Refresh()
			}
			if m.ID == f.staffID {
				b.Importance = widget.HighImportance
			}
			row.Add(b)
		}
		who = row
	}
	kb := s.u.newKeyboardPanel(name, pad)
	dateLabel := widget.NewLabel(lang.L("Date: {{.Date}}", map[string]any{"Date": date}))
	next := s.u.primary(lang.L("Confirm"), func() {
		switch {
		case strings.TrimSpace(name.Text) == "":
			msg.SetText(lang.L("Print your name in the box."))
			return
		case pad.Empty():
			msg.SetText(lang.L("Sign in the box with your finger."))
			return
		}
		if partnerStep {
			f.partnerName, f.partnerSig = name.Text, pad.Bytes()
			s.showConfirmSign(f)
			return
		}
		if f.staffID == "" {
			msg.SetText(lang.L("Tap the name of the member of staff who signs."))
			return
		}
		f.staffName, f.staffSig = name.Text, pad.Bytes()
		s.showConfirmStaffPIN(f, partners[0].ID)
	})
	t := subheading(title)
	t.TextStyle.Bold = true
	s.u.show("panel-confirm-sign", screenIdle, container.NewBorder(
		container.NewVBox(t, para(statement), msg.Label),
		container.NewVBox(container.NewHBox(s.u.button(lang.L("Back"), s.showConfirmPoints), s.u.button(lang.L("Clear signature"), pad.Clear), layout.NewSpacer(), kb.toggle, next), kb.box),
		nil, nil,
		container.NewVBox(who, container.NewBorder(nil, nil, nil, dateLabel, name), pad)))
	kb.arm()
}

// showConfirmStaffPIN has the member of staff confirm their signature with their own PIN:
// the kiosk keeps no staff signature without it.
func (s *panelScreens) showConfirmStaffPIN(f *confirmForm, partnerID string) {
	name := s.names()[f.staffID]
	msg := newErrorLabel()
	if w, err := s.u.kiosk.PINDelay(s.u.ctx, f.staffID); err != nil {
		msg.set(err)
	} else if w > 0 {
		msg.SetText(lang.L("Too many wrong PINs. Try again in {{.Seconds}} seconds.", map[string]any{"Seconds": int(w.Seconds())}))
	}
	pad := s.u.pinPad(func(pin string) {
		err := s.panel.Confirm(s.u.ctx, panel.Confirmation{PartnerID: partnerID, StaffID: f.staffID,
			PartnerName: f.partnerName, StaffName: f.staffName, PartnerSignature: f.partnerSig, StaffSignature: f.staffSig}, []byte(pin))
		if err != nil {
			msg.set(err)
			return
		}
		s.showConfirmSheet()
	})
	pad.OnKey = s.u.touch
	s.u.show("panel-confirm-staff-pin", screenIdle, pinLayout(container.NewVBox(heading(name),
		para(lang.L("Member of staff: your PIN signs the confirmation of understanding. Nobody else can sign for you.")),
		msg.Label, layout.NewSpacer(),
		s.u.button(lang.L("Back"), func() { f.staffSig = nil; s.showConfirmSign(f) })), pad))
	s.u.win.Canvas().Focus(pad)
}

// showConfirmSheet shows the signed confirmation of understanding to panel members.
func (s *panelScreens) showConfirmSheet() {
	v, ok := s.state()
	if !ok {
		return
	}
	cs := v.Confirmations
	body := container.NewVBox()
	for _, c := range cs {
		body.Add(para(staffStatement(c.PartnerName, c.At.Local().Format("2 January 2006"))))
		sign := func(role, name string, sig []byte) fyne.CanvasObject {
			r := widget.NewLabel(role)
			r.TextStyle.Bold = true
			r.Truncation = fyne.TextTruncateEllipsis
			n := widget.NewLabel(lang.L("Print name: {{.Name}}", map[string]any{"Name": name}))
			n.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(r, container.NewHBox(signatureView(sig)), n,
				widget.NewLabel(lang.L("Date: {{.Date}}", map[string]any{"Date": c.At.Local().Format("2 January 2006")})))
		}
		body.Add(container.NewGridWithColumns(2,
			sign(lang.L("Staff member signature"), c.StaffName, c.StaffSignature),
			sign(lang.L("Signature of the service user or carer"), c.PartnerName, c.PartnerSignature)))
	}
	if len(cs) == 0 {
		body.Add(para(lang.L("Not signed yet.")))
	}
	s.u.show("panel-confirm-sheet", screenIdle, container.NewBorder(
		subheading(lang.L("Confirmation of understanding")),
		container.NewHBox(s.u.button(lang.L("Back"), s.showPanelHome)), nil, nil, newTouchScroll(body)))
}

// partnerStatement is what the service user or carer confirms, in the panel package's words
// (the record's own), translated.
func partnerStatement() string { return lang.L(panel.PartnerStatement) }

// staffStatement is what the member of staff confirms of the service user or carer named, in
// the panel package's words (the record's own), translated.
func staffStatement(name, date string) string {
	return lang.L(panel.StaffStatement, map[string]any{"Name": name, "Date": date})
}

// signatureView draws a signature pad's strokes ("x,y x,y;x,y ...") scaled into a box.
func signatureView(b []byte) fyne.CanvasObject {
	const w, h = 220, 80
	bg := canvas.NewRectangle(color.Transparent)
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = 1
	bg.SetMinSize(fyne.NewSize(w, h))
	var strokes [][]fyne.Position
	maxX, maxY := float32(1), float32(1)
	for _, s := range strings.Split(string(b), ";") {
		var st []fyne.Position
		for _, p := range strings.Fields(s) {
			xs, ys, ok := strings.Cut(p, ",")
			x, err1 := strconv.ParseFloat(xs, 32)
			y, err2 := strconv.ParseFloat(ys, 32)
			if !ok || err1 != nil || err2 != nil {
				continue
			}
			st = append(st, fyne.NewPos(float32(x), float32(y)))
			maxX, maxY = max(maxX, float32(x)), max(maxY, float32(y))
		}
		strokes = append(strokes, st)
	}
	scale := min((w-8)/maxX, (h-8)/maxY, 1)
	lines := container.NewWithoutLayout()
	for _, st := range strokes {
		for i := 1; i < len(st); i++ {
			l := canvas.NewLine(theme.Color(theme.ColorNameForeground))
			l.StrokeWidth = 2
			l.Position1 = fyne.NewPos(4+st[i-1].X*scale, 4+st[i-1].Y*scale)
			l.Position2 = fyne.NewPos(4+st[i].X*scale, 4+st[i].Y*scale)
			lines.Add(l)
		}
	}
	return container.NewStack(bg, lines)
}
