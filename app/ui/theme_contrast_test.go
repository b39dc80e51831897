package ui

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// over is c drawn over an opaque bg, as a translucent colour is seen.
func over(c, bg color.Color) color.Color {
	f := color.NRGBAModel.Convert(c).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

func TestContrastRatio(t *testing.T) {
	for _, c := range []struct {
		a, b color.Color
		want float64
	}{
		{color.White, color.Black, 21},
		{color.Black, color.Black, 1},
		{color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff}, color.White, 4.54},
		{color.NRGBA{R: 0x77, G: 0x77, B: 0x77, A: 0xff}, color.White, 4.48},
	} {
		if got := contrastRatio(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrastRatio(%v, %v) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// TestThemeContrast checks the kiosk's colours, normal and high contrast, against WCAG 2.2
// AA: 4.5:1 for text against what it is drawn on, 3:1 for the boundary of a control against
// what is around it.
func TestThemeContrast(t *testing.T) {
	const text, control = 4.5, 3.0
	pairs := []struct {
		what   string
		fg, bg fyne.ThemeColorName
		min    float64
	}{
		{"text", theme.ColorNameForeground, theme.ColorNameBackground, text},
		{"a button's text", theme.ColorNameForeground, theme.ColorNameButton, text},
		{"a field's text", theme.ColorNameForeground, theme.ColorNameInputBackground, text},
		{"a field's placeholder", theme.ColorNamePlaceHolder, theme.ColorNameInputBackground, text},
		{"a primary button's text", theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary, text},
		{"a disabled button's text", theme.ColorNameDisabled, theme.ColorNameDisabledButton, text},
		{"disabled text", theme.ColorNameDisabled, theme.ColorNameBackground, text},
		{"warning text (flagged rows)", theme.ColorNameWarning, theme.ColorNameBackground, text},
		{"success text", theme.ColorNameSuccess, theme.ColorNameBackground, text},
		{"error text", theme.ColorNameError, theme.ColorNameBackground, text},
		{"a link", theme.ColorNameHyperlink, theme.ColorNameBackground, text},
		{"a danger button's text", theme.ColorNameForegroundOnError, theme.ColorNameError, text},
		{"a success button's text", theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess, text},
		{"a warning button's text", theme.ColorNameForegroundOnWarning, theme.ColorNameWarning, text},
		{"an unticked checkbox", theme.ColorNameInputBorder, theme.ColorNameInputBackground, control},
		{"an unticked checkbox on the page", theme.ColorNameInputBorder, theme.ColorNameBackground, control},
		{"a ticked checkbox, a primary button", theme.ColorNamePrimary, theme.ColorNameBackground, control},
		{"a disabled checkbox", theme.ColorNameDisabled, theme.ColorNameBackground, control},
		{"a progress bar's filled part", theme.ColorNamePrimary, theme.ColorNameBackground, control},
	}
	for _, contrast := range []bool{false, true} {
		th := &kioskTheme{contrast: contrast}
		col := func(n fyne.ThemeColorName) color.Color {
			return over(th.Color(n, theme.VariantLight), th.Color(theme.ColorNameBackground, theme.VariantLight))
		}
		for _, p := range pairs {
			t.Run(fmt.Sprintf("contrast=%v/%s", contrast, p.what), func(t *testing.T) {
				if got := contrastRatio(col(p.fg), col(p.bg)); got < p.min {
					t.Errorf("%s on %s = %.2f:1, want at least %.1f:1 (%v on %v)", p.fg, p.bg, got, p.min, col(p.fg), col(p.bg))
				}
			})
		}
	}
}
