package report

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/signintech/gopdf"
)

// PageSize is a page's width and height in points.
type PageSize struct{ W, H float64 }

// Widescreen is a 16:9 slide page in points (13.33 by 7.5 inches, a presentation program's
// widescreen slide).
var Widescreen = PageSize{W: 960, H: 540}

// White is a slide's background.
var White = RGB{0xff, 0xff, 0xff}

// Slides is a PDF of slides being written: one page per slide, each drawn by its caller with
// Text and Rect at points from the page's top left. Like Document, it embeds the fonts it is
// given, records no date, and its methods keep the first error for Bytes.
type Slides struct {
	pdf  gopdf.GoPdf
	page PageSize
	err  error
}

// NewSlides starts a slide document of pages the size of page (Widescreen), whose file title is
// title.
func NewSlides(title string, f Fonts, page PageSize) (*Slides, error) {
	if len(f.Regular) == 0 || len(f.Bold) == 0 {
		return nil, errors.New("report: no font given (regular and bold TrueType files are needed)")
	}
	if page.W <= 0 || page.H <= 0 {
		return nil, errors.New("report: a slide page needs a width and a height")
	}
	s := &Slides{page: page}
	s.pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: page.W, H: page.H}, Unit: gopdf.UnitPT})
	s.pdf.SetInfo(gopdf.PdfInfo{Title: title, Creator: "Quiet Room"})
	if err := s.pdf.AddTTFFontData(regular, f.Regular); err != nil {
		return nil, fmt.Errorf("report: embedding the regular font: %w", err)
	}
	if err := s.pdf.AddTTFFontData(bold, f.Bold); err != nil {
		return nil, fmt.Errorf("report: embedding the bold font: %w", err)
	}
	return s, nil
}

// Size is the page's width and height in points.
func (s *Slides) Size() (w, h float64) { return s.page.W, s.page.H }

// NewPage starts the next slide, filled with bg.
func (s *Slides) NewPage(bg RGB) {
	if s.err != nil {
		return
	}
	s.pdf.AddPage()
	s.Rect(0, 0, s.page.W, s.page.H, bg)
}

// Rect fills a rectangle.
func (s *Slides) Rect(x, y, w, h float64, fill RGB) {
	if s.err != nil || w <= 0 || h <= 0 {
		return
	}
	s.pdf.SetFillColor(fill.R, fill.G, fill.B)
	s.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

// Text writes one line of text whose top is y, in a box w wide from x. A line wider than the
// box is set smaller until it fits: a slide's words are never cut.
func (s *Slides) Text(x, y, w, size float64, text string, a Align, isBold bool, col RGB) {
	if s.err != nil {
		return
	}
	family := regular
	if isBold {
		family = bold
	}
	if err := s.pdf.SetFont(family, "", size); err != nil {
		s.err = err
		return
	}
	tw, err := s.pdf.MeasureTextWidth(text)
	if err != nil {
		s.err = err
		return
	}
	if tw > w && tw > 0 {
		size *= w / tw * 0.999
		if err := s.pdf.SetFont(family, "", size); err != nil {
			s.err = err
			return
		}
	}
	s.pdf.SetTextColor(col.R, col.G, col.B)
	opt := gopdf.CellOption{Align: gopdf.Left | gopdf.Top}
	switch a {
	case Centre:
		opt.Align = gopdf.Center | gopdf.Top
	case Right:
		opt.Align = gopdf.Right | gopdf.Top
	}
	s.pdf.SetXY(x, y)
	if err := s.pdf.CellWithOption(&gopdf.Rect{W: w, H: size * 1.3}, text, opt); err != nil {
		s.err = err
	}
}

// Bytes finishes the document and returns the PDF file's bytes.
func (s *Slides) Bytes() ([]byte, error) {
	if s.err != nil {
		return nil, fmt.Errorf("report: %w", s.err)
	}
	var b bytes.Buffer
	if _, err := s.pdf.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("report: writing the PDF: %w", err)
	}
	return b.Bytes(), nil
}
