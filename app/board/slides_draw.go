package board

import "quietroom/app/report"

// SlideAspect is a slide's width over its height: 16:9, the projector's shape.
const SlideAspect = 16.0 / 9.0

// Where the slides' text sits and how large, in units of the slide's height (a slide is
// SlideAspect wide). At 1080 pixels high the title is 67 px, the body 48 px and the label 32
// px; on the 7" display's 800x480 about a third of that.
const (
	slideMarginX  = 0.075
	slideLabelTop = 0.06
	slideLabel    = 0.03
	slideTitleTop = 0.11
	slideTitle    = 0.062
	slideTitleLH  = 1.2
	slideBodyGap  = 0.05
	slideBody     = 0.044
	slideBodyLH   = 1.3
	slideEntryGap = 0.018
	slideIndent   = 0.04
	slideFooterY  = 0.925
	slideFooter   = 0.026
)

// SlideTitleSize and SlideBodySize are the title's and the body's text sizes as a share of the
// slide's height.
const (
	SlideTitleSize = slideTitle
	SlideBodySize  = slideBody
)

// SlideColour names a colour of a slide; SlidePalette gives each its RGB, dark on white.
type SlideColour int

// The slides' colours.
const (
	SlideInk SlideColour = iota
	SlideMuted
	SlideQuoteInk
	SlideAccent
	SlidePaper
)

// SlidePalette is the slides' colours: near-black on white, quotes and labels in a dark blue
// (contrast above 7:1 on the white, for a projector in a lit room).
var SlidePalette = map[SlideColour]report.RGB{
	SlideInk:      {R: 0x1a, G: 0x1a, B: 0x1a},
	SlideMuted:    {R: 0x55, G: 0x55, B: 0x55},
	SlideQuoteInk: {R: 0x14, G: 0x3d, B: 0x66},
	SlideAccent:   {R: 0x14, G: 0x3d, B: 0x66},
	SlidePaper:    {R: 0xff, G: 0xff, B: 0xff},
}

// SlideRun is one line of text placed on a slide: its top left (X, Y), its size and the width
// it must fit in (a line that measures wider is set smaller, never cut), all in units of the
// slide's height.
type SlideRun struct {
	Text             string
	X, Y, Size, Wide float64
	Bold, Right      bool
	Colour           SlideColour
}

// SlideBar is a filled bar on a slide, in units of the slide's height.
type SlideBar struct {
	X, Y, W, H float64
	Colour     SlideColour
}

// Runs lays out slide i (from 0) of the deck: its label, title and body, and a footer with
// the review's title and the counter. The slide show and the PDF both draw these, scaled to
// their height; neither words nor places anything itself.
func (d Deck) Runs(i int) ([]SlideRun, []SlideBar) {
	s := d.Slides[i]
	w := SlideAspect
	inner := w - 2*slideMarginX
	var runs []SlideRun
	runs = append(runs, SlideRun{Text: s.Label, X: slideMarginX, Y: slideLabelTop, Size: slideLabel, Wide: inner, Bold: true, Colour: SlideAccent})
	y := slideTitleTop
	for _, l := range s.Title {
		runs = append(runs, SlideRun{Text: l, X: slideMarginX, Y: y, Size: slideTitle, Wide: inner, Bold: true, Colour: SlideInk})
		y += slideTitle * slideTitleLH
	}
	bars := []SlideBar{{X: slideMarginX, Y: y + 0.022, W: 0.12, H: 0.006, Colour: SlideAccent}}
	y += slideBodyGap
	for j, l := range s.Lines {
		if j > 0 && !l.More {
			y += slideEntryGap
		}
		r := SlideRun{Text: l.Text, X: slideMarginX, Y: y, Size: slideBody, Wide: inner, Colour: SlideInk}
		switch l.Style {
		case LineQuote:
			r.X += slideIndent
			r.Colour = SlideQuoteInk
		case LinePoint:
			r.X += slideIndent
			if !l.More {
				runs = append(runs, SlideRun{Text: "•", X: slideMarginX + slideIndent/4, Y: y, Size: slideBody, Wide: slideIndent, Colour: SlideAccent})
			}
		case LineStrong:
			r.Bold = true
		}
		r.Wide = w - slideMarginX - r.X
		runs = append(runs, r)
		y += slideBody * slideBodyLH
	}
	runs = append(runs,
		SlideRun{Text: d.Title, X: slideMarginX, Y: slideFooterY, Size: slideFooter, Wide: inner * 0.75, Colour: SlideMuted},
		SlideRun{Text: d.Counter(i), X: slideMarginX + inner*0.75, Y: slideFooterY, Size: slideFooter, Wide: inner * 0.25, Right: true, Colour: SlideMuted})
	return runs, bars
}

// PDF writes the deck as a PDF of 16:9 pages (report.Widescreen), one a slide, drawn as the
// slide show draws them, with the given fonts embedded.
func (d Deck) PDF(f report.Fonts) ([]byte, error) {
	doc, err := report.NewSlides(d.Title, f, report.Widescreen)
	if err != nil {
		return nil, err
	}
	_, h := doc.Size()
	for i := range d.Slides {
		doc.NewPage(SlidePalette[SlidePaper])
		runs, bars := d.Runs(i)
		for _, b := range bars {
			doc.Rect(b.X*h, b.Y*h, b.W*h, b.H*h, SlidePalette[b.Colour])
		}
		for _, r := range runs {
			a := report.Left
			if r.Right {
				a = report.Right
			}
			doc.Text(r.X*h, r.Y*h, r.Wide*h, r.Size*h, r.Text, a, r.Bold, SlidePalette[r.Colour])
		}
	}
	return doc.Bytes()
}
