package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"math/bits"
	"testing"
)

// xwdHeaderSize is the fixed part of an XWD header: 25 big-endian 32-bit fields. The window
// name follows it, up to the header size the file declares.
const xwdHeaderSize = 25 * 4

// decodeXWD reads what `xwd` writes (format version 7): a header, a colour map, then the pixels.
// It supports the ZPixmap, TrueColor images of 24- and 32-bit displays, which is what xwd gives
// for an Xvfb screen of depth 24; anything else is an error rather than a wrong picture.
func decodeXWD(b []byte) (*image.NRGBA, error) {
	if len(b) < xwdHeaderSize {
		return nil, errors.New("xwd: file shorter than its header")
	}
	f := func(i int) uint32 { return binary.BigEndian.Uint32(b[i*4:]) }
	var (
		headerSize   = f(0)
		version      = f(1)
		format       = f(2)
		width        = f(4)
		height       = f(5)
		byteOrder    = f(7)
		bitsPerPixel = f(11)
		bytesPerLine = f(12)
		visualClass  = f(13)
		masks        = [3]uint32{f(14), f(15), f(16)}
		ncolors      = f(19)
	)
	const (
		zPixmap   = 2
		trueColor = 4
	)
	switch {
	case version != 7:
		return nil, fmt.Errorf("xwd: format version %d, want 7", version)
	case format != zPixmap:
		return nil, fmt.Errorf("xwd: pixmap format %d, want ZPixmap (2)", format)
	case visualClass != trueColor:
		return nil, fmt.Errorf("xwd: visual class %d, want TrueColor (4)", visualClass)
	case bitsPerPixel != 32 && bitsPerPixel != 24:
		return nil, fmt.Errorf("xwd: %d bits per pixel, want 24 or 32", bitsPerPixel)
	case width == 0 || height == 0 || width > 1<<14 || height > 1<<14:
		return nil, fmt.Errorf("xwd: implausible size %dx%d", width, height)
	case uint64(bytesPerLine) < uint64(width)*uint64(bitsPerPixel)/8:
		return nil, fmt.Errorf("xwd: %d bytes per line is too few for %d pixels", bytesPerLine, width)
	case headerSize < xwdHeaderSize:
		return nil, fmt.Errorf("xwd: header size %d, want at least %d", headerSize, xwdHeaderSize)
	}
	for _, m := range masks {
		if m == 0 {
			return nil, errors.New("xwd: a colour mask is zero")
		}
	}
	// Each colour map entry is 12 bytes: pixel (4), red, green, blue (2 each), flags, padding.
	start := uint64(headerSize) + uint64(ncolors)*12
	need := start + uint64(bytesPerLine)*uint64(height)
	if uint64(len(b)) < need {
		return nil, fmt.Errorf("xwd: %d bytes, want %d for a %dx%d image", len(b), need, width, height)
	}
	px := b[start:need]
	img := image.NewNRGBA(image.Rect(0, 0, int(width), int(height)))
	step := int(bitsPerPixel / 8)
	for y := 0; y < int(height); y++ {
		row := px[y*int(bytesPerLine):]
		for x := 0; x < int(width); x++ {
			p := row[x*step : x*step+step]
			var v uint32
			if byteOrder == 0 { // LSBFirst
				for i := step - 1; i >= 0; i-- {
					v = v<<8 | uint32(p[i])
				}
			} else {
				for i := 0; i < step; i++ {
					v = v<<8 | uint32(p[i])
				}
			}
			img.SetNRGBA(x, y, color.NRGBA{
				R: channel(v, masks[0]), G: channel(v, masks[1]), B: channel(v, masks[2]), A: 0xff,
			})
		}
	}
	return img, nil
}

// channel extracts one colour from a pixel value and scales it to 8 bits.
func channel(v, mask uint32) uint8 {
	shift := bits.TrailingZeros32(mask)
	width := bits.OnesCount32(mask)
	c := (v & mask) >> shift
	switch {
	case width == 8:
		return uint8(c)
	case width > 8:
		return uint8(c >> (width - 8))
	default:
		return uint8(c * 255 / (1<<width - 1))
	}
}

// xwdFile builds a minimal 32-bit LSBFirst ZPixmap XWD file, as Xvfb's xwd writes them.
func xwdFile(w, h int, name string, ncolors int, pixel func(x, y int) color.NRGBA) []byte {
	headerSize := xwdHeaderSize + len(name) + 1
	fields := []uint32{
		uint32(headerSize), 7, 2, 24, uint32(w), uint32(h), 0, 0, 32, 0, 32, 32, uint32(w * 4), 4,
		0xff0000, 0x00ff00, 0x0000ff, 8, 256, uint32(ncolors), uint32(w), uint32(h), 0, 0, 0,
	}
	var b []byte
	for _, f := range fields {
		b = binary.BigEndian.AppendUint32(b, f)
	}
	b = append(b, name...)
	b = append(b, 0)
	b = append(b, make([]byte, ncolors*12)...)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := pixel(x, y)
			b = append(b, c.B, c.G, c.R, 0)
		}
	}
	return b
}

func TestDecodeXWD(t *testing.T) {
	pixel := func(x, y int) color.NRGBA { return color.NRGBA{R: uint8(x * 40), G: uint8(y * 50), B: 0x5c, A: 0xff} }
	img, err := decodeXWD(xwdFile(5, 3, "xwdump", 256, pixel))
	if err != nil {
		t.Fatalf("decodeXWD: %v", err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, 5, 3) {
		t.Fatalf("bounds = %v, want 5x3", got)
	}
	for y := 0; y < 3; y++ {
		for x := 0; x < 5; x++ {
			if got, want := img.NRGBAAt(x, y), pixel(x, y); got != want {
				t.Errorf("pixel (%d,%d) = %v, want %v", x, y, got, want)
			}
		}
	}
}

func TestDecodeXWDRejects(t *testing.T) {
	good := xwdFile(4, 4, "", 0, func(x, y int) color.NRGBA { return color.NRGBA{A: 0xff} })
	for _, tc := range []struct {
		name string
		edit func(b []byte) []byte
	}{
		{"empty", func(b []byte) []byte { return nil }},
		{"truncated pixels", func(b []byte) []byte { return b[:len(b)-1] }},
		{"version 6", func(b []byte) []byte { binary.BigEndian.PutUint32(b[4:], 6); return b }},
		{"XY pixmap", func(b []byte) []byte { binary.BigEndian.PutUint32(b[8:], 1); return b }},
		{"pseudo colour", func(b []byte) []byte { binary.BigEndian.PutUint32(b[13*4:], 3); return b }},
		{"huge", func(b []byte) []byte { binary.BigEndian.PutUint32(b[4*4:], 1<<20); return b }},
		{"many colours", func(b []byte) []byte { binary.BigEndian.PutUint32(b[19*4:], 1<<30); return b }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.edit(append([]byte(nil), good...))
			if _, err := decodeXWD(b); err == nil {
				t.Errorf("decodeXWD(%s) = nil error, want an error", tc.name)
			}
		})
	}
}
