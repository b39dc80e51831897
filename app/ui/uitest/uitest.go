// Package uitest reads a Fyne window's content as a person sees it, for the tests of the kiosk's
// screens and of the program that shows them. It imports only Fyne and its test driver, so
// every test package can use it; nothing outside tests may.
package uitest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Objects is every visible object under root, in tree order: containers' children and
// widgets' rendered parts, skipping whatever is hidden (with all it holds).
func Objects(root fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(root)
	return out
}
