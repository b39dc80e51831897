package kiosk_test

import (
	"context"
	"testing"

	"quietroom/app/kiosk/demo"
	"quietroom/app/kiosk/kiosktest"
)

// TestSeedDemoRoom: a development kiosk is set up under the room name asked for, the demo's
// without one, so that two of them exchanging a board's files tell each other apart.
func TestSeedDemoRoom(t *testing.T) {
	for _, tc := range []struct{ room, want string }{{"Room 2", "Room 2"}, {"", demo.DemoRoomName}} {
		e := kiosktest.New(t)
		if _, err := demo.SeedRoom(context.Background(), e.Kiosk, tc.room); err != nil {
			t.Fatal(err)
		}
		if got, err := e.Kiosk.RoomName(context.Background()); err != nil || got != tc.want {
			t.Errorf("SeedDemoRoom(%q): RoomName = %q, %v, want %q", tc.room, got, err, tc.want)
		}
	}
}
