package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"

	"quietroom/app/protocol"
)

// packRow is one pack in the admin's list of packs, with the button to its information.
func (s *sessionScreens) packRow(p *protocol.Pack) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, s.u.button(lang.L("Details"), func() { s.showPackInfo(p) }), para(packLine(p)))
}

// showPackInfo tells an admin where a pack's words come from: its source, how much guidance it
// gives the interviewer, and each thing the pack adds to its source with why
// (protocol.Pack.Additions), so a pack is chosen knowing what is the source's and what is not.
func (s *sessionScreens) showPackInfo(p *protocol.Pack) {
	blocks := []textBlock{{
		title: lang.L("Version {{.Version}}, {{.Topics}} topics, {{.Minutes}} minutes", map[string]any{"Version": p.Version, "Topics": len(p.Topics), "Minutes": p.DurationMinutes}),
		text:  lang.L("Guidance for the interviewer: {{.Count}} points.", map[string]any{"Count": len(p.InterviewerGuidance)}),
	}}
	source := p.Source
	if source == "" {
		source = lang.L("The pack does not name its source.")
	}
	blocks = append(blocks, textBlock{title: lang.L("Source"), text: source})
	if len(p.Additions) == 0 {
		blocks = append(blocks, textBlock{title: lang.L("Added to the source"), text: lang.L("Nothing is marked as added: every part of this pack is from its source.")})
	}
	for _, a := range p.Additions {
		info, _ := p.Part(a.Part) // Load checked that the part exists
		said := ""
		if info.Text != "" {
			said = "“" + short(info.Text, 160) + "”\n"
		}
		blocks = append(blocks, textBlock{
			title: lang.L("Added: {{.Part}}", map[string]any{"Part": partName(info)}),
			text:  said + lang.L("Why: {{.Why}}", map[string]any{"Why": a.Why}),
		})
	}
	title := heading(p.Title)
	title.Wrapping, title.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	s.u.show("pack-info", screenIdle, container.NewBorder(
		title,
		container.NewHBox(s.u.button(lang.L("Back to the packs"), s.u.console.showPacks), layout.NewSpacer()),
		nil, nil, pagedText(blocks).view))
}

// partName says in plain words which part of a pack an addition marks.
func partName(p protocol.PartInfo) string {
	name := map[string]any{"Name": p.Name}
	switch p.Field {
	case protocol.FieldTitle:
		return lang.L("the title")
	case protocol.FieldDuration:
		return lang.L("the length in minutes")
	case protocol.FieldWarnings:
		return lang.L("the timer warnings (minutes left)")
	case protocol.FieldInterviewerGuidance:
		return lang.L("a point of the interviewer's guidance")
	case protocol.FieldPreamble:
		return lang.L("the preamble page “{{.Name}}”", name)
	case protocol.FieldConsent:
		return lang.L("the consent point “{{.Name}}”", name)
	case protocol.FieldTopic:
		return lang.L("the question “{{.Name}}”", name)
	case protocol.FieldTopicGuidance:
		return lang.L("the guidance of the question “{{.Name}}”", name)
	case protocol.FieldTopicProbes:
		return lang.L("the probes of the question “{{.Name}}”", name)
	case protocol.FieldTopicScale:
		if p.Name == protocol.AllTopics {
			return lang.L("the scale of every question")
		}
		return lang.L("the scale of the question “{{.Name}}”", name)
	case protocol.FieldTopicPriority:
		if p.Name == protocol.AllTopics {
			return lang.L("the priorities of the questions (1 is kept first when time runs short)")
		}
		return lang.L("the priority of the question “{{.Name}}”", name)
	case protocol.FieldClosingQuestion:
		return lang.L("the closing question")
	case protocol.FieldClosingFollowUp:
		return lang.L("the follow-up question")
	case protocol.FieldClosingThanks:
		return lang.L("the thanks")
	case protocol.FieldWriteUpPrompts:
		return lang.L("the write-up prompts")
	}
	return p.Field
}
