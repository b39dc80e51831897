//go:build pi

package gpio_test

import (
	"testing"
	"time"

	"quietroom/hw"
	qgpio "quietroom/hw/gpio"
)

// TestOnDevice drives the reference wiring for real: go test -tags pi ./hw/gpio on a Raspberry
// Pi with the LED on GPIO17 and the button on GPIO27, as a user in the gpio group. It needs a
// person to watch; `quietroom hw test` is the friendlier check.
func TestOnDevice(t *testing.T) {
	ind, err := qgpio.OpenIndicator(qgpio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range hw.States() {
		if err := ind.Show(s); err != nil {
			t.Fatalf("Show(%v) = %v", s, err)
		}
		time.Sleep(2 * time.Second) // a person watches the light; only under the pi tag
	}
	if err := ind.Close(); err != nil {
		t.Fatal(err)
	}
	btn, err := qgpio.OpenButton(qgpio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := btn.Close(); err != nil {
		t.Fatal(err)
	}
}
