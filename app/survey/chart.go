package survey

import "math"

// The chart's words and colours, shared by the screens and the report so that both read the
// same way: points on the left in blues (the outermost darkest), on the right in oranges, the
// middle grey.

// PointLabel names point p (1 to points) of a scale between two statements, in English: for
// five points "Left", "Slightly left", "Between", "Slightly right", "Right".
func PointLabel(points, p int) string {
	side, j := SideOf(points, p)
	half := points / 2
	switch {
	case side == 0:
		return "Between"
	case j == 0 && side < 0:
		return "Left"
	case j == 0:
		return "Right"
	case j == half-1 && side < 0:
		return "Slightly left"
	case j == half-1:
		return "Slightly right"
	case side < 0:
		return "Mostly left"
	}
	return "Mostly right"
}

// SideOf says on which side point p lies (-1 left, 0 the middle, +1 right) and how far it is
// from the outer end of its side (0 is the outermost).
func SideOf(points, p int) (side, fromOuter int) {
	half := points / 2
	switch {
	case points%2 == 1 && p == half+1:
		return 0, 0
	case p <= half:
		return -1, p - 1
	}
	return 1, points - p
}

// PointColour is the colour of point p in a chart, as 8-bit RGB.
func PointColour(points, p int) (r, g, b uint8) {
	side, j := SideOf(points, p)
	if side == 0 {
		return 0xb8, 0xb8, 0xb8
	}
	half := points / 2
	// t runs from 0 (outermost, darkest) to 1 (innermost, lightest).
	t := 0.0
	if half > 1 {
		t = float64(j) / float64(half-1)
	}
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	if side < 0 {
		return mix(0x1f, 0x8f), mix(0x4e, 0xbb), mix(0x8c, 0xe0)
	}
	return mix(0xb3, 0xf0), mix(0x50, 0xb0), mix(0x10, 0x70)
}

// Segment is one point's part of a diverging bar, from From to To on a scale where -1 is the
// far left, 0 the middle line and +1 the far right: the whole of the answers spans 2 at most.
type Segment struct {
	Point    int
	From, To float64
}

// Segments lays out an item's counts as a diverging bar: the middle point (if any) split
// evenly across the middle line, the points of each side stacked outwards from it, each as
// wide as its share of the answers. None when nothing is shown.
func Segments(ir ItemResult) []Segment {
	points := len(ir.Counts)
	if ir.Withheld || ir.Answered == 0 || points == 0 {
		return nil
	}
	share := func(p int) float64 { return float64(ir.Counts[p-1]) / float64(ir.Answered) }
	var segs []Segment
	left, right := 0.0, 0.0
	if points%2 == 1 {
		m := points/2 + 1
		w := share(m) / 2
		segs = append(segs, Segment{Point: m, From: -w, To: w})
		left, right = -w, w
	}
	for p := points / 2; p >= 1; p-- {
		w := share(p)
		segs = append(segs, Segment{Point: p, From: left - w, To: left})
		left -= w
	}
	for p := points - points/2 + 1; p <= points; p++ {
		w := share(p)
		segs = append(segs, Segment{Point: p, From: right, To: right + w})
		right += w
	}
	return segs
}
