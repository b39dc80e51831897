package report

import "github.com/signintech/gopdf"

// Canvas draws inside a Figure's block, in points from its top left.
type Canvas struct {
	d      *Document
	x0, y0 float64
}

// Width is the width of the block.
func (c *Canvas) Width() float64 { return c.d.ContentWidth() }

// Rect fills a rectangle.
func (c *Canvas) Rect(x, y, w, h float64, fill RGB) {
	if w <= 0 || h <= 0 {
		return
	}
	c.d.pdf.SetFillColor(fill.R, fill.G, fill.B)
	c.d.pdf.RectFromUpperLeftWithStyle(c.x0+x, c.y0+y, w, h, "F")
}

// Line draws a line.
func (c *Canvas) Line(x1, y1, x2, y2, width float64, col RGB) {
	c.d.pdf.SetStrokeColor(col.R, col.G, col.B)
	c.d.pdf.SetLineWidth(width)
	c.d.pdf.Line(c.x0+x1, c.y0+y1, c.x0+x2, c.y0+y2)
}

// Point is a position in a Canvas, in points from its top left.
type Point struct{ X, Y float64 }

// Stroke draws a line through the points in turn (a pen's stroke, such as a signature's); a
// stroke of one point is a dot as wide as the line.
func (c *Canvas) Stroke(pts []Point, width float64, col RGB) {
	if len(pts) == 0 || c.d.err != nil {
		return
	}
	c.d.pdf.SetStrokeColor(col.R, col.G, col.B)
	c.d.pdf.SetLineWidth(width)
	if len(pts) == 1 {
		pts = append(pts, Point{pts[0].X + width, pts[0].Y})
	}
	for i := 1; i < len(pts); i++ {
		c.d.pdf.Line(c.x0+pts[i-1].X, c.y0+pts[i-1].Y, c.x0+pts[i].X, c.y0+pts[i].Y)
	}
}

// Box draws a rectangle's outline.
func (c *Canvas) Box(x, y, w, h, width float64, col RGB) {
	c.Line(x, y, x+w, y, width, col)
	c.Line(x+w, y, x+w, y+h, width, col)
	c.Line(x+w, y+h, x, y+h, width, col)
	c.Line(x, y+h, x, y, width, col)
}

// Align says where text sits in the box Text is given.
type Align int

// Alignments for Text.
const (
	Left Align = iota
	Centre
	Right
)

// Text writes one line of text in a box w wide whose top is y, cut with "…" if it is wider.
func (c *Canvas) Text(x, y, w, size float64, s string, a Align, bold bool, col RGB) {
	family := regular
	if bold {
		family = "sans-bold"
	}
	c.d.font(family, size, col)
	if c.d.err != nil {
		return
	}
	s = c.fit(s, w)
	opt := gopdf.CellOption{Align: gopdf.Left | gopdf.Top}
	switch a {
	case Centre:
		opt.Align = gopdf.Center | gopdf.Top
	case Right:
		opt.Align = gopdf.Right | gopdf.Top
	}
	c.d.pdf.SetXY(c.x0+x, c.y0+y)
	if err := c.d.pdf.CellWithOption(&gopdf.Rect{W: w, H: size * 1.3}, s, opt); err != nil && c.d.err == nil {
		c.d.err = err
	}
}

// fit shortens s with an ellipsis until it is at most w wide in the current font.
func (c *Canvas) fit(s string, w float64) string {
	if tw, err := c.d.pdf.MeasureTextWidth(s); err != nil || tw <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if tw, err := c.d.pdf.MeasureTextWidth(t); err == nil && tw <= w {
			return t
		}
	}
	return ""
}

// Wrap writes text wrapped to width w from (x, y) and returns the height it took.
func (c *Canvas) Wrap(x, y, w, size float64, s string, col RGB) float64 {
	c.d.font(regular, size, col)
	if c.d.err != nil {
		return 0
	}
	lh := size * 1.3
	ls := c.d.lines(s, w)
	for i, l := range ls {
		c.d.pdf.SetXY(c.x0+x, c.y0+y+float64(i)*lh)
		if err := c.d.pdf.Cell(&gopdf.Rect{W: w, H: lh}, l); err != nil && c.d.err == nil {
			c.d.err = err
		}
	}
	return float64(len(ls)) * lh
}
