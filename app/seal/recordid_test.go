package seal_test

import (
	"errors"
	"strings"
	"testing"

	"quietroom/app/seal"
)

// TestRecordIDs: a logical id gives the same stored id every time with the same key, another
// with another key or engagement, and nothing of it shows; only a record purpose of the key's
// own gives ids, and a destroyed key none.
func TestRecordIDs(t *testing.T) {
	k1, _ := seal.NewKey(seal.PurposePanelKey, "eng-1")
	k2, _ := seal.NewKey(seal.PurposePanelKey, "eng-1")
	ids1, err := k1.RecordIDs(seal.PurposePanelRecord)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := k1.RecordIDs(seal.PurposePanelRecord)
	ids2, _ := k2.RecordIDs(seal.PurposePanelRecord)
	const logical = "mark|iv-7|101|q1"
	a := ids1(logical)
	if len(a) != 2*seal.RecordIDSize {
		t.Errorf("RecordIDs(%q) = %q, want %d hex digits", logical, a, 2*seal.RecordIDSize)
	}
	if again(logical) != a {
		t.Errorf("RecordIDs(%q) differs between calls with one key", logical)
	}
	if ids2(logical) == a || ids1("mark|iv-7|101|q2") == a {
		t.Errorf("RecordIDs(%q) is the same under another key or for another record", logical)
	}
	for _, part := range []string{"iv-7", "101", "q1", "mark"} {
		if strings.Contains(a, part) {
			t.Errorf("RecordIDs(%q) = %q holds %q", logical, a, part)
		}
	}
	if _, err := k1.RecordIDs(seal.PurposeSurveyResponse); !errors.Is(err, seal.ErrWrongPurpose) {
		t.Errorf("RecordIDs(survey response) with a panel key = %v, want ErrWrongPurpose", err)
	}
	if _, err := k1.RecordIDs(seal.PurposePanelKey); !errors.Is(err, seal.ErrWrongPurpose) {
		t.Errorf("RecordIDs(panel key) = %v, want ErrWrongPurpose", err)
	}
	k1.Destroy()
	if _, err := k1.RecordIDs(seal.PurposePanelRecord); !errors.Is(err, seal.ErrDestroyed) {
		t.Errorf("RecordIDs after Destroy = %v, want ErrDestroyed", err)
	}
}
