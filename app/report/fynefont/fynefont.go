// Package fynefont gives documents the typeface the kiosk's screens use (Fyne's Noto Sans), so
// a report reads like the screen it came from.
package fynefont

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"quietroom/app/report"
)

// Fonts returns Noto Sans regular and bold.
func Fonts() report.Fonts {
	t := theme.DefaultTheme()
	return report.Fonts{
		Regular: t.Font(fyne.TextStyle{}).Content(),
		Bold:    t.Font(fyne.TextStyle{Bold: true}).Content(),
	}
}
