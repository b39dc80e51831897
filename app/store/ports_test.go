package store

import (
	"path/filepath"
	"testing"

	"quietroom/app/kiosk/kiosktest"
)

// The store keeps the promises of the kiosk's role ports for panels, surveys and boards, as the
// in-memory fakes the kiosk and screen tests use do: the same contracts run against both.

func portsOf(d *DB) kiosktest.Ports {
	return kiosktest.Ports{Panels: d, Surveys: d, Boards: d, Engagements: d, Audit: d, Interviewers: d}
}

func ports(t *testing.T) kiosktest.Ports { return portsOf(openDB(t, t.TempDir(), Options{})) }

// reopen closes the database and opens its file again, as after a restart.
func reopen(t *testing.T, p kiosktest.Ports) kiosktest.Ports {
	d := p.Panels.(*DB)
	path := d.Path()
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return portsOf(openDB(t, filepath.Dir(path), Options{}))
}

func TestPanelsContract(t *testing.T)  { kiosktest.PanelsContract(t, ports, reopen) }
func TestSurveysContract(t *testing.T) { kiosktest.SurveysContract(t, ports, reopen) }
func TestBoardsContract(t *testing.T)  { kiosktest.BoardsContract(t, ports, reopen) }
