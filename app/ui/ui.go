package ui

import (
	"context"
	"fmt"
	"image/color"
	"log/slog"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quietroom/app/clock"
	"quietroom/app/kiosk"
	"quietroom/app/session"
	"quietroom/hw"
)

// Options are the UI's tunables and its links to the outside world.
type Options struct {
	// Clock wakes Tick when what the screen shows can change (the timer's or Home's next
	// minute, the idle time-out; see Tick). Default: clock.System().
	Clock clock.Clock
	// NoTicker leaves Tick to the caller: nothing wakes it (tests call it).
	NoTicker bool
	// IdleTimeout sends idle screens back to Home. Default 2 minutes.
	IdleTimeout time.Duration
	// Privacy delivers presses of the hardware privacy button (nil: none).
	Privacy <-chan time.Time
	// Light subscribes to the simulated occupancy light (desktop runs): the UI draws it in a
	// corner of the window. Nil on the device.
	Light  func(func(hw.State)) (cancel func())
	Wiring hw.Wiring
	// Logger receives screen changes and errors, never content. Default: discard.
	Logger *slog.Logger
	// RoomName is the set-up wizard's suggestion for the room's name (from enrolment), "" for
	// none.
	RoomName string
	// HideCursor hides the mouse pointer over the kiosk (the device is touched, not pointed
	// at); text fields still show their text cursor. Development windows keep the pointer.
	HideCursor bool
}

// kind says how a screen behaves.
type kind int

const (
	screenHome        kind = iota
	screenInterviewee      // the interviewee holds the screen: no way to notes or admin
	screenIdle             // goes back to Home when idle
	screenLive             // the interview: never times out
)

// UI is the kiosk's window content.
type UI struct {
	win    fyne.Window
	kiosk  *kiosk.Kiosk
	engine *session.Engine // the kiosk's engine, for the steps of a running interview
	opts   Options
	log    *slog.Logger
	ctx    context.Context
	theme  *kioskTheme

	body      *fyne.Container
	blank     *fyne.Container
	lightDot  *canvas.Circle
	current   kind
	screen    string // the screen's name, for logs and tests
	shown     int    // counts the screens shown, so that a wait can tell its screen has gone
	lastTouch time.Time
	// prevTouch is the touch before lastTouch: a long gap between them is a pause (afterPause).
	prevTouch time.Time
	onTick    func(session.Status)
	onIdle    func() error // what an idle time-out must close before Home (seal a write-up)

	// The features' screens, each with its own state; the shell shows one of them at a time.
	sessions *sessionScreens
	console  *adminScreens
	surveys  *surveyScreens
	boards   *boardScreens
	panels   *panelScreens // with the signed-in member's open recruitment (panel_*.go)

	admin    *kiosk.Admin
	signedIn *kiosk.SignedIn
	kb       *Keyboard
	stop     chan struct{}

	// The ticker sleeps until what a screen shows can next change (wake), not a second: every
	// wake costs the window's loop more than the rest of an idle screen. tickMu guards timer,
	// which Stop may reach from another thread; ticks counts Tick's calls, for tests.
	tickMu sync.Mutex
	timer  clock.Timer
	wake   time.Duration
	ticks  int
}

// New builds the UI in win. Call Start to show the first screen.
func New(win fyne.Window, k *kiosk.Kiosk, o Options) *UI {
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 2 * time.Minute
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if err := loadTranslations(); err != nil {
		// The screens still read, in the words of the code; IT should know why.
		o.Logger.Error("translations not loaded", "component", "ui", "err", err)
	}
	u := &UI{
		win: win, kiosk: k, engine: k.Engine(), opts: o, log: o.Logger.With("component", "ui"),
		ctx: context.Background(), theme: &kioskTheme{}, stop: make(chan struct{}),
	}
	u.sessions, u.console, u.panels = &sessionScreens{u: u}, &adminScreens{u: u}, &panelScreens{u: u}
	u.surveys, u.boards = &surveyScreens{u: u}, &boardScreens{u: u}
	fyne.CurrentApp().Settings().SetTheme(u.theme)
	u.kb = NewKeyboard()
	u.kb.OnKey = u.touch
	u.body = container.New(&screenFrame{u: u})
	bg := canvas.NewRectangle(color.Black)
	tapToShow := widget.NewButton(lang.L("Screen hidden. Tap to show it again."), func() { u.Privacy(false) })
	tapToShow.Importance = widget.LowImportance
	u.blank = container.NewStack(bg, tapToShow)
	u.blank.Hide()
	var screens fyne.CanvasObject = u.body
	if o.Light != nil {
		// The simulated light sits in a margin of its own at the right-hand edge, beside the
		// screens rather than on top of their bottom-right button.
		u.lightDot = canvas.NewCircle(color.Gray{Y: 0x40})
		u.lightDot.StrokeColor = color.White
		u.lightDot.StrokeWidth = 2
		dot := container.NewGridWrap(fyne.NewSize(14, 14), u.lightDot)
		screens = container.NewBorder(nil, nil, nil, container.NewVBox(layout.NewSpacer(), dot), u.body)
	}
	layers := []fyne.CanvasObject{screens, u.blank}
	win.SetPadded(false)
	var root fyne.CanvasObject = container.NewStack(layers...)
	if o.HideCursor {
		root = newCursorless(root)
	}
	win.SetContent(root)
	win.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) { u.touch() })
	return u
}

// Start shows the first screen (the setup wizard on a new device, Home otherwise) and starts
// the ticker and the hardware listeners.
func (u *UI) Start() {
	if first, err := u.kiosk.FirstBoot(u.ctx); err == nil && first {
		if u.kiosk.SecretPending() {
			u.console.showSecretChoice()
		} else {
			u.console.showSetupWizard()
		}
	} else {
		u.showHome()
	}
	if u.opts.Light != nil {
		cancel := u.opts.Light(func(s hw.State) { fyne.Do(func() { u.showLight(s) }) })
		go func() { <-u.stop; cancel() }()
	}
	if u.opts.Privacy != nil {
		go func() {
			for {
				select {
				case _, ok := <-u.opts.Privacy:
					if !ok {
						return
					}
					fyne.Do(func() { u.Privacy(true) })
				case <-u.stop:
					return
				}
			}
		}()
	}
	u.retick()
}

// retick wakes the ticker at once (a screen was shown or a button tapped: what it shows may
// need the time now), and it sleeps again for as long as Tick says.
func (u *UI) retick() {
	u.schedule(0)
}

func (u *UI) clock() clock.Clock {
	if u.opts.Clock == nil {
		return clock.System()
	}
	return u.opts.Clock
}

func (u *UI) schedule(d time.Duration) {
	if u.opts.NoTicker {
		return
	}
	c := u.clock()
	u.tickMu.Lock()
	defer u.tickMu.Unlock()
	select {
	case <-u.stop:
		return
	default:
	}
	if u.timer != nil {
		u.timer.Stop()
	}
	var t clock.Timer
	current := func() bool {
		u.tickMu.Lock()
		defer u.tickMu.Unlock()
		return u.timer == t
	}
	t = c.AfterFunc(d, func() {
		fyne.Do(func() {
			if !current() {
				return // a retick (or Stop) replaced this wake after it fired
			}
			u.Tick()
			if current() { // unless Tick showed a screen, whose retick wakes it again
				u.schedule(u.wake)
			}
		})
	})
	u.timer = t
}

// Stop ends the ticker and the listeners.
func (u *UI) Stop() {
	u.tickMu.Lock()
	defer u.tickMu.Unlock()
	select {
	case <-u.stop:
	default:
		close(u.stop)
	}
	if u.timer != nil {
		u.timer.Stop()
		u.timer = nil // a wake already on its way to the UI's thread then does nothing
	}
}

// Tick redraws what depends on time (the timer, the clock on Home) and applies the idle
// time-out. The ticker calls it through fyne.Do; tests call it directly.
//
// Tick also works out how long the ticker may sleep (wakeWithin): until the session timer's
// next change, what the screen's onTick asks for, and the idle time-out; a minute at most.
func (u *UI) Tick() {
	u.ticks++
	u.wake = time.Minute
	st := u.engine.Tick()
	if st.Timer.Next > 0 {
		u.wakeWithin(st.Timer.Next)
	}
	if u.onTick != nil {
		u.onTick(st)
	}
	if u.current == screenIdle {
		u.wakeWithin(u.lastTouch.Add(u.opts.IdleTimeout).Sub(u.kiosk.Now()))
	}
	if (u.current == screenIdle) && u.kiosk.Now().Sub(u.lastTouch) >= u.opts.IdleTimeout {
		u.log.Info("idle time-out", "screen", u.screen)
		if u.onIdle != nil {
			if err := u.onIdle(); err != nil {
				u.fail("idle time-out", err)
				u.sessions.showSealFailed(err)
				return
			}
		}
		u.showHome()
	}
}

func (u *UI) touch() { u.prevTouch, u.lastTouch = u.lastTouch, u.kiosk.Now() }

// afterPause tells whether the touch being handled came after a pause longer than the idle
// time-out: screens that may stay up for half an hour (the slide show, the workshop) check it
// before they lead back into the board, which then asks for a sign-in again.
func (u *UI) afterPause() bool { return u.lastTouch.Sub(u.prevTouch) > u.opts.IdleTimeout }

// wakeWithin asks Tick's caller to tick again within d (at least 10 ms from now).
func (u *UI) wakeWithin(d time.Duration) {
	u.wake = max(min(u.wake, d), 10*time.Millisecond)
}

// untilMinute is how long from now until the next whole minute after start: a clock's or a
// timer's next change, where it shows whole minutes.
func untilMinute(now, start time.Time) time.Duration {
	return time.Minute - max(now.Sub(start), 0)%time.Minute
}

// Screen is the name of the screen shown, for tests and logs.
func (u *UI) Screen() string { return u.screen }

// Privacy blanks the window at once (on) or shows it again.
func (u *UI) Privacy(on bool) {
	u.touch()
	if on {
		u.blank.Show()
	} else {
		u.blank.Hide()
	}
	u.win.Content().Refresh()
}

// Blanked reports whether the privacy blank is up.
func (u *UI) Blanked() bool { return u.blank.Visible() }

func (u *UI) showLight(s hw.State) {
	if u.lightDot == nil {
		return
	}
	c := map[hw.Colour]color.Color{
		hw.Off: color.Gray{Y: 0x40}, hw.Lit: color.NRGBA{R: 0xff, G: 0xee, B: 0x88, A: 0xff},
		hw.Red: color.NRGBA{R: 0xe0, G: 0x20, B: 0x20, A: 0xff}, hw.Green: color.NRGBA{R: 0x20, G: 0xc0, B: 0x40, A: 0xff},
		hw.Amber: color.NRGBA{R: 0xff, G: 0xa0, B: 0x00, A: 0xff}, hw.Blue: color.NRGBA{R: 0x30, G: 0x60, B: 0xff, A: 0xff},
		hw.Magenta: color.NRGBA{R: 0xe0, G: 0x20, B: 0xe0, A: 0xff},
	}[hw.LookOf(u.opts.Wiring, s).Colour]
	if c == nil {
		c = color.White
	}
	u.lightDot.FillColor = c
	u.lightDot.Refresh()
}

// show replaces the screen.
func (u *UI) show(name string, k kind, content fyne.CanvasObject) {
	u.screen, u.current = name, k
	u.shown++
	u.onTick, u.onIdle = nil, nil
	// No widget of the screen being replaced may take input after it: the canvas would
	// otherwise keep the keyboard focus on a button or field that is no longer shown, and a
	// Space or Return would act on a screen, and on state, that are gone.
	u.win.Canvas().Unfocus()
	u.kb.SetTarget(nil)
	u.kb.OnPhysical = nil
	u.touch()
	u.retick()
	u.body.Objects = []fyne.CanvasObject{container.NewPadded(content)}
	u.body.Refresh()
	// At Info, as run logs: what is outside the program (the soak, an engineer at the journal)
	// can tell which screen is shown. Names are fixed words, never content.
	u.log.Info("screen shown", "name", name)
}

// settleDelay is how long a slow action waits for the screen to draw what says it is working:
// three frames of the window's 60 a second.
const settleDelay = 50 * time.Millisecond

// settle runs f on the UI's thread once the window has drawn what the screen shows now (a PIN
// pad's "Checking…"), unless another screen has been shown in the meantime. With NoTicker
// (tests, which draw nothing) f runs at once.
func (u *UI) settle(f func()) {
	if u.opts.NoTicker {
		f()
		return
	}
	shown := u.shown
	u.clock().AfterFunc(settleDelay, func() {
		fyne.Do(func() {
			if u.shown == shown {
				f()
			}
		})
	})
}

// pinPad is a PIN pad whose check shows at once that it is working (Settle).
func (u *UI) pinPad(submit func(string)) *PinPad {
	p := NewPinPad(submit)
	p.Settle = u.settle
	return p
}

// button is a touch-sized button whose tap also counts as activity. Its text is cut to the
// window's width (rowText): a title or name longer than the screen would widen the window.
func (u *UI) button(text string, tapped func()) *Button {
	return NewButton(u.rowText(text), func() {
		u.touch()
		u.retick()
		tapped()
	})
}

// iconButton is a button that shows only an icon: arrows, and the minus and plus of a
// stepper. The kiosk's fonts have no arrows, and the device has no other fonts to fall back on.
func (u *UI) iconButton(icon fyne.Resource, tapped func()) *Button {
	b := u.button("", tapped)
	b.Icon = icon
	return b
}

func (u *UI) primary(text string, tapped func()) *Button {
	b := u.button(text, tapped)
	b.Importance = widget.HighImportance
	return b
}

func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameHeadingText
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	return l
}

func subheading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

func para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (u *UI) fail(where string, err error) {
	u.log.Warn("action failed", "screen", where, "err", err)
}

// toolbar is the accessibility controls: larger text and high contrast.
func (u *UI) accessibility() fyne.CanvasObject {
	return container.NewHBox(
		u.button(lang.L("Larger text"), func() {
			u.theme.large = !u.theme.large
			fyne.CurrentApp().Settings().SetTheme(&kioskTheme{large: u.theme.large, contrast: u.theme.contrast})
		}),
		u.button(lang.L("High contrast"), func() {
			u.theme.contrast = !u.theme.contrast
			fyne.CurrentApp().Settings().SetTheme(&kioskTheme{large: u.theme.large, contrast: u.theme.contrast})
		}),
	)
}

// screenFrame holds the screen shown. It never asks the window for more room than the window
// has: the desktop driver grows a window to its content's minimum size and never shrinks it
// back, so one long message or list on one screen used to push every later screen's bottom
// row (Back, Sign out) past the 480-pixel edge for the rest of the run. A screen that needs
// more is laid out in what there is (a border's bottom row stays on the screen) and logged as
// "screen does not fit", a fault the soak and the real-window tests look for; the fit tests
// measure each screen's own needs (framesReportNeeds).
type screenFrame struct {
	u      *UI
	warned string // the screen and size last logged, so that a layout pass logs it once
}

// framesReportNeeds makes a screenFrame's minimum size its screen's own, for the tests that
// measure what each screen needs.
var framesReportNeeds = false

// MinSize implements fyne.Layout.
func (f *screenFrame) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if !framesReportNeeds {
		return fyne.Size{}
	}
	var need fyne.Size
	for _, o := range objects {
		need = need.Max(o.MinSize())
	}
	return need
}

// Layout implements fyne.Layout.
func (f *screenFrame) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
		need := o.MinSize()
		if need.Width <= size.Width+0.5 && need.Height <= size.Height+0.5 {
			continue
		}
		if w := fmt.Sprintf("%s %.0fx%.0f in %.0fx%.0f", f.u.screen, need.Width, need.Height, size.Width, size.Height); w != f.warned {
			f.warned = w
			f.u.log.Warn("screen does not fit", "name", f.u.screen,
				"need", fmt.Sprintf("%.0fx%.0f", need.Width, need.Height), "have", fmt.Sprintf("%.0fx%.0f", size.Width, size.Height))
		}
	}
}

// cursorless wraps the window's content and asks for a hidden mouse pointer over it: the
// driver uses the innermost object under the pointer that names a cursor, so text fields keep
// their text cursor and everything else shows none.
type cursorless struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

func newCursorless(content fyne.CanvasObject) *cursorless {
	c := &cursorless{content: content}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *cursorless) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.content) }

// Cursor implements desktop.Cursorable.
func (c *cursorless) Cursor() desktop.Cursor { return desktop.HiddenCursor }
