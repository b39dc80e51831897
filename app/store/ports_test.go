package store

import (
	"testing"

	"quietroom/app/kiosk/kiosktest"
)

// The store keeps the promises of the kiosk's role ports for panels, surveys and boards, as the
// in-memory fakes the kiosk and screen tests use do: the same contracts run against both.

func ports(t *testing.T) kiosktest.Ports {
	d := openDB(t, t.TempDir(), Options{})
	return kiosktest.Ports{Panels: d, Surveys: d, Boards: d, Engagements: d, Audit: d, Interviewers: d}
}

func TestPanelsContract(t *testing.T)  { kiosktest.PanelsContract(t, ports) }
func TestSurveysContract(t *testing.T) { kiosktest.SurveysContract(t, ports) }
func TestBoardsContract(t *testing.T)  { kiosktest.BoardsContract(t, ports) }
