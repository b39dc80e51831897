package report

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
)

// A4 in points, and the page's margins.
const (
	PageWidth  = 595.28
	PageHeight = 841.89
	Margin     = 50.0
)

// Sizes of the text styles, in points.
const (
	TitleSize   = 22.0
	HeadingSize = 15.0
	BodySize    = 11.0
	SmallSize   = 9.0
)

const (
	regular = "sans"
	bold    = "sans-bold"
)

// RGB is a colour for text, lines and fills.
type RGB struct{ R, G, B uint8 }

// Colours the documents share.
var (
	Black = RGB{0x20, 0x20, 0x20}
	Grey  = RGB{0x70, 0x70, 0x70}
	Light = RGB{0xe4, 0xe4, 0xe4}
)

// Document is a PDF being written. Its methods record the first error and do nothing after
// it; Bytes returns that error.
type Document struct {
	pdf      gopdf.GoPdf
	y        float64
	err      error
	numbered bool // NumberPages: "Page n of N" at each page's foot
	finished bool // the page numbers are written
}

// Fonts are the TrueType files a document embeds. The kiosk uses its screens' typeface
// (app/report/fynefont gives it); the packages that write documents are handed it, so that
// they need no screen library.
type Fonts struct {
	Regular, Bold []byte
}

// New starts a document whose file title (the PDF's Title field) is title.
func New(title string, f Fonts) (*Document, error) {
	if len(f.Regular) == 0 || len(f.Bold) == 0 {
		return nil, errors.New("report: no font given (regular and bold TrueType files are needed)")
	}
	d := &Document{}
	d.pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	d.pdf.SetInfo(gopdf.PdfInfo{Title: title, Creator: "Quiet Room"})
	if err := d.pdf.AddTTFFontData(regular, f.Regular); err != nil {
		return nil, fmt.Errorf("report: embedding the regular font: %w", err)
	}
	if err := d.pdf.AddTTFFontData(bold, f.Bold); err != nil {
		return nil, fmt.Errorf("report: embedding the bold font: %w", err)
	}
	d.newPage()
	return d, nil
}

// ContentWidth is the width between the margins.
func (d *Document) ContentWidth() float64 { return PageWidth - 2*Margin }

func (d *Document) newPage() {
	d.pdf.AddPage()
	d.y = Margin
}

// room starts a new page unless h points fit below the current position.
func (d *Document) room(h float64) {
	if d.y+h > PageHeight-Margin && d.y > Margin {
		d.newPage()
	}
}

func (d *Document) font(family string, size float64, c RGB) {
	if d.err != nil {
		return
	}
	if err := d.pdf.SetFont(family, "", size); err != nil {
		d.err = err
	}
	d.pdf.SetTextColor(c.R, c.G, c.B)
}

// lines wraps text to width in the current font, keeping the text's own line breaks.
func (d *Document) lines(text string, width float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		if strings.TrimSpace(para) == "" {
			out = append(out, "")
			continue
		}
		ls, err := d.pdf.SplitTextWithWordWrap(para, width)
		if err != nil {
			// A word wider than the line: split by characters instead.
			ls, err = d.pdf.SplitText(para, width)
		}
		if err != nil {
			d.err = err
			return nil
		}
		out = append(out, ls...)
	}
	return out
}

// flow writes text wrapped at width from x, breaking pages between lines.
func (d *Document) flow(family string, size float64, c RGB, x, width float64, text string) {
	d.font(family, size, c)
	if d.err != nil {
		return
	}
	lh := size * 1.35
	for _, l := range d.lines(text, width) {
		d.room(lh)
		d.font(family, size, c) // a new page forgets the font
		d.pdf.SetXY(x, d.y)
		if err := d.pdf.Cell(&gopdf.Rect{W: width, H: lh}, l); err != nil && d.err == nil {
			d.err = err
		}
		d.y += lh
	}
}

// Title writes the document's title.
func (d *Document) Title(s string) {
	d.flow(bold, TitleSize, Black, Margin, d.ContentWidth(), s)
	d.y += 8
}

// Heading writes a section heading, on a new page if less than a few lines fit.
func (d *Document) Heading(s string) {
	d.y += 10
	d.room(HeadingSize*1.35 + 3*BodySize*1.35)
	d.flow(bold, HeadingSize, Black, Margin, d.ContentWidth(), s)
	d.y += 4
}

// Subheading writes a smaller bold heading.
func (d *Document) Subheading(s string) {
	d.y += 4
	d.room(2 * BodySize * 1.35 * 2)
	d.flow(bold, BodySize+1, Black, Margin, d.ContentWidth(), s)
	d.y += 2
}

// Paragraph writes body text.
func (d *Document) Paragraph(s string) {
	d.flow(regular, BodySize, Black, Margin, d.ContentWidth(), s)
	d.y += 6
}

// Note writes small grey text, for what a figure or table leaves out.
func (d *Document) Note(s string) {
	d.flow(regular, SmallSize, Grey, Margin, d.ContentWidth(), s)
	d.y += 4
}

// Bullet writes one item of a list.
func (d *Document) Bullet(s string) {
	d.font(regular, BodySize, Black)
	d.room(BodySize * 1.35)
	d.pdf.SetXY(Margin+6, d.y)
	if err := d.pdf.Cell(&gopdf.Rect{W: 10, H: BodySize * 1.35}, "•"); err != nil && d.err == nil {
		d.err = err
	}
	d.flow(regular, BodySize, Black, Margin+18, d.ContentWidth()-18, s)
	d.y += 2
}

// Quote writes a quotation, indented, between quotation marks.
func (d *Document) Quote(s string) {
	d.flow(regular, BodySize, Grey, Margin+18, d.ContentWidth()-36, "“"+s+"”")
	d.y += 4
}

// Table writes a table with a bold header row. widths are fractions of the content width
// (they are scaled to fill it); a row's cells wrap and the row is as tall as its tallest cell.
func (d *Document) Table(header []string, rows [][]string, widths []float64) {
	if d.err != nil {
		return
	}
	if len(widths) != len(header) {
		d.err = errors.New("report: a table needs one width per column")
		return
	}
	var sum float64
	for _, w := range widths {
		sum += w
	}
	cols := make([]float64, len(widths))
	for i, w := range widths {
		cols[i] = w / sum * d.ContentWidth()
	}
	d.row(header, cols, bold)
	for _, r := range rows {
		if len(r) != len(cols) {
			d.err = fmt.Errorf("report: a table row has %d cells, the header %d", len(r), len(cols))
			return
		}
		d.row(r, cols, regular)
	}
	d.y += 6
}

func (d *Document) row(cells []string, cols []float64, family string) {
	const pad = 3.0
	d.font(family, SmallSize+1, Black)
	lh := (SmallSize + 1) * 1.3
	wrapped := make([][]string, len(cells))
	h := 0.0
	for i, c := range cells {
		wrapped[i] = d.lines(c, cols[i]-2*pad)
		h = max(h, float64(len(wrapped[i]))*lh)
	}
	h += 2 * pad
	d.room(h)
	d.font(family, SmallSize+1, Black)
	d.pdf.SetStrokeColor(Light.R, Light.G, Light.B)
	d.pdf.SetLineWidth(0.5)
	x := Margin
	for i, ls := range wrapped {
		for j, l := range ls {
			d.pdf.SetXY(x+pad, d.y+pad+float64(j)*lh)
			if err := d.pdf.Cell(&gopdf.Rect{W: cols[i] - 2*pad, H: lh}, l); err != nil && d.err == nil {
				d.err = err
			}
		}
		x += cols[i]
	}
	d.pdf.Line(Margin, d.y+h, Margin+d.ContentWidth(), d.y+h)
	d.y += h
}

// Space leaves h points blank.
func (d *Document) Space(h float64) { d.y += h }

// PageBreak starts a new page.
func (d *Document) PageBreak() { d.newPage() }

// Figure reserves a block of the given height (on a new page if it does not fit) and lets draw
// paint in it; the Canvas's coordinates start at the block's top left, ContentWidth wide.
func (d *Document) Figure(height float64, draw func(c *Canvas)) {
	if d.err != nil {
		return
	}
	d.room(height)
	c := &Canvas{d: d, x0: Margin, y0: d.y}
	draw(c)
	d.y += height
}

// NumberPages has Bytes write "Page n of N" centred at the foot of every page, below the
// bottom margin, once the number of pages is known. A document that does not ask has none.
func (d *Document) NumberPages() { d.numbered = true }

// Pages is the number of pages written so far.
func (d *Document) Pages() int { return d.pdf.GetNumberOfPages() }

// footers writes each page's number, going back to every page.
func (d *Document) footers() {
	n := d.pdf.GetNumberOfPages()
	for i := 1; i <= n && d.err == nil; i++ {
		if err := d.pdf.SetPage(i); err != nil {
			d.err = err
			return
		}
		d.font(regular, SmallSize, Grey)
		if d.err != nil {
			return
		}
		d.pdf.SetXY(Margin, PageHeight-Margin+16)
		opt := gopdf.CellOption{Align: gopdf.Center | gopdf.Top}
		if err := d.pdf.CellWithOption(&gopdf.Rect{W: d.ContentWidth(), H: SmallSize * 1.3}, PageLabel(i, n), opt); err != nil {
			d.err = err
		}
	}
}

// PageLabel is a page's number as NumberPages writes it: "Page 2 of 5".
func PageLabel(page, of int) string { return fmt.Sprintf("Page %d of %d", page, of) }

// Bytes finishes the document and returns the PDF file's bytes. Nothing may be added after
// it.
func (d *Document) Bytes() ([]byte, error) {
	if d.numbered && !d.finished && d.err == nil {
		d.footers()
		d.finished = true
	}
	if d.err != nil {
		return nil, fmt.Errorf("report: %w", d.err)
	}
	var b bytes.Buffer
	if _, err := d.pdf.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("report: writing the PDF: %w", err)
	}
	return b.Bytes(), nil
}
