package kiosktest_test

import (
	"testing"

	"quietroom/app/kiosk/kiosktest"
)

// The in-memory store keeps the promises of the kiosk's role ports for panels, surveys and
// boards that the SQLite store keeps: the same contracts run against both (app/store).

func ports(t *testing.T) kiosktest.Ports { return kiosktest.StorePorts(kiosktest.NewStore()) }

func TestPanelsContract(t *testing.T)  { kiosktest.PanelsContract(t, ports, nil) }
func TestSurveysContract(t *testing.T) { kiosktest.SurveysContract(t, ports, nil) }
func TestBoardsContract(t *testing.T)  { kiosktest.BoardsContract(t, ports, nil) }
