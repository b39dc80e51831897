package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// kioskTheme is Fyne's theme with touch-sized padding, an optional larger text size and an
// optional high-contrast palette (white on black, yellow accents).
type kioskTheme struct {
	large    bool
	contrast bool
	// scale enlarges the text further (0: not at all): the board on a projector (board.go).
	scale float32
}

var _ fyne.Theme = (*kioskTheme)(nil)

func (t *kioskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if !t.contrast {
		switch n {
		case theme.ColorNamePrimary:
			return color.NRGBA{R: 0x1f, G: 0x6f, B: 0x5c, A: 0xff}
		case theme.ColorNameBackground:
			return color.NRGBA{R: 0xf6, G: 0xf4, B: 0xef, A: 0xff}
		// Fyne's light colours for these fall short of WCAG 2.2 AA on the cream background
		// (theme_contrast_test.go): 4.5:1 for text, 3:1 for a control's edge. Each is
		// darkened just enough, and white on the warning, success and error colours passes too.
		case theme.ColorNamePlaceHolder:
			return color.NRGBA{R: 0x5f, G: 0x5f, B: 0x5f, A: 0xff}
		case theme.ColorNameDisabled:
			return color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff}
		case theme.ColorNameInputBorder:
			return color.NRGBA{R: 0x85, G: 0x85, B: 0x85, A: 0xff}
		case theme.ColorNameWarning:
			return color.NRGBA{R: 0xa6, G: 0x50, B: 0x00, A: 0xff}
		case theme.ColorNameSuccess:
			return color.NRGBA{R: 0x1e, G: 0x7b, B: 0x34, A: 0xff}
		case theme.ColorNameError:
			return color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
		case theme.ColorNameHyperlink:
			return color.NRGBA{R: 0x1f, G: 0x5b, B: 0xc4, A: 0xff}
		}
		return theme.DefaultTheme().Color(n, theme.VariantLight)
	}
	switch n {
	case theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
		theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground:
		return color.Black
	case theme.ColorNameForeground, theme.ColorNameInputBorder, theme.ColorNameSeparator:
		return color.White
	case theme.ColorNameButton:
		return color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xff}
	case theme.ColorNamePrimary, theme.ColorNameFocus, theme.ColorNameHyperlink:
		return color.NRGBA{R: 0xff, G: 0xd7, B: 0x00, A: 0xff}
	case theme.ColorNameForegroundOnPrimary:
		return color.Black
	case theme.ColorNamePlaceHolder, theme.ColorNameDisabled:
		return color.NRGBA{R: 0xcc, G: 0xcc, B: 0xcc, A: 0xff}
	case theme.ColorNameError:
		return color.NRGBA{R: 0xff, G: 0x66, B: 0x66, A: 0xff}
	}
	return theme.DefaultTheme().Color(n, theme.VariantDark)
}

func (t *kioskTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *kioskTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *kioskTheme) Size(n fyne.ThemeSizeName) float32 {
	scale := float32(1)
	if t.large {
		scale = 1.25
	}
	if t.scale > 0 {
		scale *= t.scale
	}
	switch n {
	case theme.SizeNameText:
		return 17 * scale
	case theme.SizeNameHeadingText:
		return 26 * scale
	case theme.SizeNameSubHeadingText:
		return 20 * scale
	case theme.SizeNameCaptionText:
		return 14 * scale
	case theme.SizeNameInnerPadding:
		return 12
	case theme.SizeNamePadding:
		return 4
	case theme.SizeNameInputBorder:
		return 2
	case theme.SizeNameScrollBar:
		return 16
	}
	return theme.DefaultTheme().Size(n)
}

// relativeLuminance is WCAG 2.2's relative luminance of an opaque colour: each sRGB channel
// linearised, then weighted 0.2126, 0.7152, 0.0722.
func relativeLuminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// contrastRatio is WCAG 2.2's contrast ratio of two colours, from 1 to 21.
func contrastRatio(a, b color.Color) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
