package gpio

import (
	"fmt"
	"sync"
	"time"

	"periph.io/x/conn/v3/gpio"

	"quietroom/app/clock"
	"quietroom/hw"
)

// Button is an [hw.Button] on one GPIO input line: the switch connects the line to ground, the
// line's internal pull-up holds it high otherwise, so a press is a falling edge.
type Button struct {
	pin     gpio.PinIn
	clock   clock.Clock
	poll    time.Duration
	release func()

	presses chan time.Time
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
}

// NewButton configures pin as an input with pull-up and both edges, and watches it until
// Close. The caller keeps ownership of the pin; o.Debounce, o.Clock and o.Poll are used.
func NewButton(pin gpio.PinIn, o Options) (*Button, error) {
	if o.Debounce <= 0 {
		o.Debounce = hw.DefaultDebounce
	}
	if o.Clock == nil {
		o.Clock = clock.System()
	}
	if o.Poll <= 0 {
		o.Poll = 500 * time.Millisecond
	}
	// Both edges, not only falling: the debouncer needs to know when the button was released,
	// so that the bounces of a release are not taken for a press.
	if err := pin.In(gpio.PullUp, gpio.BothEdges); err != nil {
		return nil, lineError(pin, "button", err)
	}
	b := &Button{
		pin:     pin,
		clock:   o.Clock,
		poll:    o.Poll,
		presses: make(chan time.Time, 8),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	deb := hw.Debouncer{Settle: o.Debounce}
	deb.Reset(pin.Read() == gpio.Low, o.Clock.Now())
	go b.watch(&deb)
	return b, nil
}

// Presses implements [hw.Button].
func (b *Button) Presses() <-chan time.Time { return b.presses }

// Close implements [hw.Button]. It returns once the watcher has stopped, at most Options.Poll
// later.
func (b *Button) Close() error {
	b.once.Do(func() {
		close(b.stop)
		_ = b.pin.Halt() // interrupts a pending WaitForEdge on the character device
		<-b.done
		if b.release != nil {
			b.release()
		}
	})
	return nil
}

func (b *Button) watch(deb *hw.Debouncer) {
	defer close(b.done)
	defer close(b.presses)
	for {
		select {
		case <-b.stop:
			return
		default:
		}
		// Always a positive timeout: gpioioctl reads 0 as "forever" and -1 as "already
		// expired", while the gpio.PinIn contract (and gpiotest) read -1 as "forever".
		if !b.pin.WaitForEdge(b.poll) {
			continue
		}
		// The event does not say which edge it was; the level now is what counts, and the
		// debouncer ignores reports that do not change it.
		now := b.clock.Now()
		if deb.Observe(b.pin.Read() == gpio.Low, now) {
			select {
			case b.presses <- now:
			default: // the reader is behind; a privacy press is for now, not for later
			}
		}
	}
}

var _ hw.Button = (*Button)(nil)

func (b *Button) String() string { return fmt.Sprintf("button on %s", b.pin.Name()) }
