package panels_test

import (
	"testing"

	"quietroom/app/kiosk/kiosktest"
	"quietroom/hw"
)

// TestPanelInterviewLight: the room light outside the door shows a panel's interview from
// StartInterview until the use case that ends it (EndInterview) or the member's Close (sign
// out, the kiosk back at Home); a refused start and another member's sign-out leave it be.
func TestPanelInterviewLight(t *testing.T) {
	e := kiosktest.New(t)
	s := kiosktest.SeedPanel(t, e.Kiosk)
	chair := readyPanel(t, e, s)
	light := func(want hw.State, when string) {
		t.Helper()
		if st, _ := e.Light.State(); st != want {
			t.Errorf("the room light %s = %v, want %v", when, st, want)
		}
	}
	e.Light.Show(hw.Free)
	if err := chair.StartInterview(ctx, "101"); err == nil {
		t.Fatal("StartInterview without the candidate's consent was not refused")
	}
	light(hw.Free, "after a refused start")
	startInterview(t, e, chair, "101")
	light(hw.Occupied, "after StartInterview")
	staff := openPanel(t, e, s, s.Staff.ID)
	staff.EndInterview()
	staff.Close()
	light(hw.Occupied, "after another member ended nothing and signed out")
	chair.EndInterview()
	light(hw.Free, "after EndInterview")
	chair.EndInterview()
	light(hw.Free, "after EndInterview twice")

	startInterview(t, e, chair, "102")
	light(hw.Occupied, "after the next StartInterview")
	chair.Close()
	light(hw.Free, "after Close")
}
