package gpio

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"

	"periph.io/x/conn/v3/driver/driverreg"
	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/gpio/gpioreg"
	"periph.io/x/host/v3/gpioioctl"
)

// ErrLineNotFound means no GPIO chip offers a line of the configured name.
var ErrLineNotFound = errors.New("GPIO line not found")

// ErrLineBusy means another program (or another part of this one) holds the line.
var ErrLineBusy = errors.New("GPIO line busy")

// LineError is a GPIO line that could not be used, with what to check.
type LineError struct {
	Line string // the kernel's name, e.g. GPIO17
	Role string // what the line is for: "led", "red", "green", "blue" or "button"
	Err  error  // ErrLineNotFound, ErrLineBusy or the driver's error
	Hint string // what the person installing the device should check
}

func (e *LineError) Error() string {
	msg := fmt.Sprintf("GPIO line %s (%s): %v", e.Line, e.Role, e.Err)
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

func (e *LineError) Unwrap() error { return e.Err }

// lineError explains a driver error on pin. periph's gpioioctl flattens the errno into a plain
// string, so "busy" is recognised by its text.
func lineError(pin interface{ Name() string }, role string, err error) error {
	le := &LineError{Line: pin.Name(), Role: role, Err: err}
	if strings.Contains(err.Error(), syscall.EBUSY.Error()) {
		le.Err = fmt.Errorf("%w: %v", ErrLineBusy, err)
		holder := "another program"
		if l, ok := pin.(*gpioioctl.GPIOLine); ok && l.Consumer() != "" {
			holder = fmt.Sprintf("%q", l.Consumer())
		}
		le.Hint = fmt.Sprintf("it is held by %s: stop it (is the kiosk already running? "+
			"`systemctl stop quietroom`), or remove the dtoverlay that claims the line from "+
			"/boot/firmware/config.txt, or choose another line", holder)
	}
	return le
}

var (
	initOnce sync.Once
	initErr  error
)

// initHost loads periph's gpioioctl driver, once. driverreg.Init, not host.Init: only the
// character-device driver is registered, because only it is imported.
func initHost() error {
	initOnce.Do(func() {
		_, initErr = driverreg.Init()
	})
	return initErr
}

// lookup finds the line called name.
func lookup(name, role string) (gpio.PinIO, error) {
	if err := initHost(); err != nil {
		return nil, &LineError{Line: name, Role: role, Err: fmt.Errorf("loading the GPIO driver: %w", err)}
	}
	if runtime.GOOS == "linux" {
		if p := gpioreg.ByName(name); p != nil {
			return p, nil
		}
	}
	return nil, &LineError{Line: name, Role: role, Err: ErrLineNotFound, Hint: missingHint(name)}
}

// missingHint says why a line may be missing, from what /dev shows.
func missingHint(name string) string {
	if runtime.GOOS != "linux" {
		return "GPIO needs Linux; on a desktop the kiosk uses the simulator"
	}
	chips, _ := filepath.Glob("/dev/gpiochip*")
	if len(chips) == 0 {
		return "this computer has no GPIO character device (/dev/gpiochip*): is it a Raspberry Pi? " +
			"On a desktop the kiosk uses the simulator"
	}
	for _, c := range chips {
		f, err := os.Open(c)
		if errors.Is(err, os.ErrPermission) {
			return fmt.Sprintf("%s is not readable by this user: add the kiosk user to the gpio group", c)
		}
		if err == nil {
			_ = f.Close()
		}
	}
	return fmt.Sprintf("no GPIO chip has a line named %s: use the kernel's names (GPIO17, not pin 11); "+
		"`quietroom hw test --list` shows the lines", name)
}

// OpenIndicator opens the indicator's lines as o configures them and turns the light off.
// A missing or busy line is a *LineError.
func OpenIndicator(o Options) (*Indicator, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	roles := o.Wiring.Channels()
	var pins []gpio.PinOut
	var opened []gpio.PinIO
	release := func() {
		for _, p := range opened {
			closeLine(p)
		}
	}
	for ch, name := range o.Lines {
		p, err := lookup(name, roles[ch])
		if err != nil {
			release()
			return nil, err
		}
		pins = append(pins, p)
		opened = append(opened, p)
	}
	ind, err := NewIndicator(pins, o)
	if err != nil {
		release()
		return nil, err
	}
	ind.release = release
	return ind, nil
}

// OpenButton opens the button's line as o configures it. With Options.Button set to
// [NoButton] it returns (nil, nil).
func OpenButton(o Options) (*Button, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if o.Button == NoButton {
		return nil, nil
	}
	p, err := lookup(o.Button, "button")
	if err != nil {
		return nil, err
	}
	b, err := NewButton(p, o)
	if err != nil {
		closeLine(p)
		return nil, err
	}
	b.release = func() { closeLine(p) }
	return b, nil
}

// closeLine gives a line back to the kernel so another program (or the next `hw test`) can
// request it.
func closeLine(p gpio.PinIO) {
	if l, ok := p.(*gpioioctl.GPIOLine); ok {
		l.Close()
	}
}

// Chip is one GPIO chip as the kernel reports it.
type Chip struct {
	Name  string // gpiochip0
	Label string // pinctrl-rp1 (Pi 5), pinctrl-bcm2711 (Pi 4)
	Path  string // /dev/gpiochip0
	Lines []Line
}

// Line is one line of a chip.
type Line struct {
	Offset   int
	Name     string // GPIO17, or empty when the device tree names none
	Consumer string // who held the line when the chips were read, or empty
}

// Chips lists the GPIO chips and their lines. It never reads or changes a line (periph's
// Function would read it, turning an output into an input).
func Chips() ([]Chip, error) {
	if runtime.GOOS != "linux" {
		return nil, errors.New("listing GPIO chips needs Linux and /dev/gpiochip*")
	}
	if err := initHost(); err != nil {
		return nil, fmt.Errorf("loading the GPIO driver: %w", err)
	}
	if len(gpioioctl.Chips) == 0 {
		return nil, fmt.Errorf("no GPIO chips: %s", missingHint("GPIO17"))
	}
	var out []Chip
	for _, c := range gpioioctl.Chips {
		chip := Chip{Name: c.Name(), Label: c.Label(), Path: c.Path()}
		for _, l := range c.Lines() {
			chip.Lines = append(chip.Lines, Line{Offset: l.Number(), Name: l.Name(), Consumer: l.Consumer()})
		}
		out = append(out, chip)
	}
	return out, nil
}
