package room_test

import (
	"errors"
	"testing"

	"quietroom/app/session"
	"quietroom/hw"
	"quietroom/hw/hwtest"
	"quietroom/hw/room"
)

func TestShowMapsRoomStates(t *testing.T) {
	tests := []struct {
		room session.RoomState
		want hw.State
	}{
		{session.RoomFree, hw.Free},
		{session.RoomOccupied, hw.Occupied},
		{session.RoomEndingSoon, hw.EndingSoon},
		{session.RoomOvertime, hw.Overtime},
	}
	for _, tt := range tests {
		t.Run(tt.room.String(), func(t *testing.T) {
			fake := hwtest.NewIndicator(hw.TwoColour, nil)
			var reports []error
			room.New(fake, func(err error) { reports = append(reports, err) }).Show(tt.room)
			if got, _ := fake.State(); got != tt.want {
				t.Errorf("Show(%v): indicator shows %v, want %v", tt.room, got, tt.want)
			}
			if len(reports) != 0 {
				t.Errorf("Show(%v) reported %v", tt.room, reports)
			}
		})
	}
}

func TestUnknownRoomStateShowsFault(t *testing.T) {
	fake := hwtest.NewIndicator(hw.Single, nil)
	var reports []error
	room.New(fake, func(err error) { reports = append(reports, err) }).Show(session.RoomState(99))
	if got, _ := fake.State(); got != hw.Fault {
		t.Errorf("indicator shows %v, want fault", got)
	}
	if len(reports) != 1 {
		t.Errorf("reports = %v, want one", reports)
	}
}

func TestIndicatorErrorsAreReported(t *testing.T) {
	fake := hwtest.NewIndicator(hw.Single, nil)
	broken := errors.New("broken")
	fake.Fail(broken)
	var reports []error
	room.New(fake, func(err error) { reports = append(reports, err) }).Show(session.RoomOccupied)
	if len(reports) != 1 || !errors.Is(reports[0], broken) {
		t.Errorf("reports = %v, want the indicator's error", reports)
	}
	room.New(fake, nil).Show(session.RoomOccupied) // a nil report drops errors without panicking
}
