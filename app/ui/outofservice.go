package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// OutOfService shows the screen of a kiosk that cannot start, in the kiosk's own theme: that
// it is out of service, what is wrong and what to do, and what the light outside the door
// shows. light describes the light's fault look (e.g. "red, winking"); lightErr, when set, is
// why the light could not be set, which the screen says instead. It needs no kiosk: it is
// what is left when the kiosk could not be built.
func OutOfService(win fyne.Window, problem error, light string, lightErr error) {
	_ = loadTranslations()
	fyne.CurrentApp().Settings().SetTheme(&kioskTheme{})
	lightSays := lang.L("The light outside the door shows a fault: {{.Look}}.", map[string]any{"Look": light})
	if lightErr != nil {
		lightSays = lang.L("The light outside the door could not be set: {{.Err}}", map[string]any{"Err": lightErr.Error()})
	}
	what := para(problem.Error())
	what.Importance = widget.DangerImportance
	win.SetPadded(true)
	win.SetContent(container.NewVScroll(container.NewVBox(
		heading(lang.L("Out of service")),
		subheading(lang.L("This kiosk cannot start, so no interview can take place in this room until it is fixed.")),
		what,
		para(lightSays),
		para(lang.L("Ask IT: the details are in the system log.")),
		layout.NewSpacer(),
	)))
}

// Preload reads the translations and parses the theme's fonts for the first screen's text
// on other cores, while the window is being made; Starting waits for it. Parsing a font is
// the slowest step of the first frame, and only the first text of each style pays it. The
// three run side by side: each style has its own faces, and the words measured are given
// as they are (lang.L would read the translations while they load). Call it once the app
// exists (measuring text needs its driver), before Starting.
func Preload() <-chan struct{} {
	var wg sync.WaitGroup
	for _, load := range []func(){
		func() { _ = loadTranslations() },
		// The styles Starting's words use; the theme's fonts are Fyne's own in every style,
		// so the faces parsed here are the ones the kiosk's theme draws with.
		func() {
			fyne.MeasureText("Quiet Room", theme.DefaultTheme().Size(theme.SizeNameHeadingText), fyne.TextStyle{Bold: true})
		},
		func() {
			fyne.MeasureText("Starting…", theme.DefaultTheme().Size(theme.SizeNameSubHeadingText), fyne.TextStyle{})
		},
	} {
		wg.Go(load)
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	return done
}

// Starting shows what the kiosk shows while it opens its records (the store, its keys, the
// deletions that fell due while it was off): its name and that it is starting, in its own
// theme, drawn at once so the screen is never blank. preloaded, when not nil, is Preload's:
// Starting waits for it, so the fonts are never parsed on two threads at once.
func Starting(win fyne.Window, preloaded <-chan struct{}) {
	if preloaded != nil {
		<-preloaded
	}
	_ = loadTranslations()
	fyne.CurrentApp().Settings().SetTheme(&kioskTheme{})
	win.SetPadded(false) // as the kiosk's own screens, which replace it
	name, starting := heading(lang.L("Quiet Room")), subheading(lang.L("Starting…"))
	// Centred, so not wrapped: a wrapping label in a centring box is measured one letter wide
	// and stands taller than the screen.
	name.Wrapping, starting.Wrapping = fyne.TextWrapOff, fyne.TextWrapOff
	name.Alignment, starting.Alignment = fyne.TextAlignCenter, fyne.TextAlignCenter
	win.SetContent(container.NewCenter(container.NewVBox(name, starting)))
}
