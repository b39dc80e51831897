package session_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"quietroom/app/protocol"
	"quietroom/app/session"
)

func TestCheckLabel(t *testing.T) {
	groups := []string{"foster carers", "Social Workers"}
	tests := []struct {
		label string
		kind  protocol.Kind
		want  string // "" means refused
	}{
		{"foster carers", protocol.KindInterview, "foster carers"},
		{"  Foster   CARERS ", protocol.KindInterview, "foster carers"},
		{"social workers", protocol.KindInterview, "Social Workers"},
		{"C12", protocol.KindInterview, "Candidate 12"},
		{"c12", protocol.KindPanel, "Candidate 12"},
		{"07", protocol.KindPanel, "Candidate 07"},
		{"Candidate 3", protocol.KindPanel, "Candidate 3"},
		{"candidate #3", protocol.KindPanel, "Candidate 3"},
		{"Cand. 44", protocol.KindPanel, "Candidate 44"},
		{"C-9", protocol.KindPanel, "Candidate 9"},
		{"#4", protocol.KindPanel, "Candidate 4"},
		{"1234", protocol.KindPanel, "Candidate 1234"},
		{"foster carers", protocol.KindPanel, ""},
		{"12345", protocol.KindPanel, ""},
		{"Jane Smith", protocol.KindInterview, ""},
		{"Chris", protocol.KindInterview, ""},
		{"Candidate Smith", protocol.KindPanel, ""},
		{"C12 Jane", protocol.KindPanel, ""},
		{"foster carer", protocol.KindInterview, ""},
		{"", protocol.KindInterview, ""},
		{"   ", protocol.KindPanel, ""},
		{"C", protocol.KindPanel, ""},
		{"-3", protocol.KindPanel, ""},
		{"3.5", protocol.KindPanel, ""},
		{"Ｃ１２", protocol.KindPanel, ""},
	}
	for _, tt := range tests {
		t.Run(tt.label+"/"+string(tt.kind), func(t *testing.T) {
			got, err := session.CheckLabel(tt.label, groups, tt.kind)
			if tt.want == "" {
				if !errors.Is(err, session.ErrInvalidLabel) {
					t.Fatalf("CheckLabel(%q, %s) = %q, %v; want ErrInvalidLabel", tt.label, tt.kind, got, err)
				}
				for _, name := range []string{"Jane", "Smith", "Chris"} {
					if strings.Contains(tt.label, name) && strings.Contains(err.Error(), name) {
						t.Errorf("CheckLabel(%q) error %q repeats the name", tt.label, err)
					}
				}
				if !strings.Contains(err.Error(), "candidate number such as C12") {
					t.Errorf("CheckLabel(%q) error = %q, want it to say what is allowed", tt.label, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("CheckLabel(%q, %s) = %q, %v; want %q, nil", tt.label, tt.kind, got, err, tt.want)
			}
		})
	}
	t.Run("error lists the groups", func(t *testing.T) {
		_, err := session.CheckLabel("Jane", groups, protocol.KindInterview)
		if err == nil || !strings.Contains(err.Error(), "foster carers, Social Workers") {
			t.Errorf("CheckLabel(Jane) = %v, want the groups listed", err)
		}
	})
}

func TestStartSetup(t *testing.T) {
	tests := []struct {
		name    string
		change  func(h *harness, s *session.Setup)
		wantErr error
		check   func(t *testing.T, h *harness)
	}{
		{"defaults", func(h *harness, s *session.Setup) {}, nil, func(t *testing.T, h *harness) {
			info, _ := h.eng.Info()
			if info.Duration != 30*time.Minute || !info.DeletionDate.Equal(testEngagement().DeletionDate) || info.Label != "foster carers" {
				t.Errorf("Info() = %+v, want 30m, the engagement's deletion date, label foster carers", info)
			}
			if got := topicIDs(h.eng.Topics()); !slices.Equal(got, []string{"t1", "t2", "t3", "t4"}) {
				t.Errorf("Topics() = %v, want all of the pack's in order", got)
			}
		}},
		{"subset in chosen order", func(h *harness, s *session.Setup) { s.TopicIDs = []string{"t3", "t1"} }, nil,
			func(t *testing.T, h *harness) {
				if got := topicIDs(h.eng.Topics()); !slices.Equal(got, []string{"t3", "t1"}) {
					t.Errorf("Topics() = %v, want [t3 t1]", got)
				}
			}},
		{"duration", func(h *harness, s *session.Setup) { s.Duration = 45 * time.Minute }, nil, func(t *testing.T, h *harness) {
			if info, _ := h.eng.Info(); info.Duration != 45*time.Minute {
				t.Errorf("Info().Duration = %v, want 45m", info.Duration)
			}
		}},
		{"pack without duration", func(h *harness, s *session.Setup) {
			p := *s.Pack
			p.DurationMinutes = 0
			s.Pack = &p
		}, nil, func(t *testing.T, h *harness) {
			if info, _ := h.eng.Info(); info.Duration != session.DefaultDuration {
				t.Errorf("Info().Duration = %v, want %v", info.Duration, session.DefaultDuration)
			}
		}},
		{"deletion brought forward", func(h *harness, s *session.Setup) { s.DeletionDate = t0.AddDate(0, 0, 14) }, nil,
			func(t *testing.T, h *harness) {
				if info, _ := h.eng.Info(); !info.DeletionDate.Equal(t0.AddDate(0, 0, 14)) {
					t.Errorf("Info().DeletionDate = %v, want %v", info.DeletionDate, t0.AddDate(0, 0, 14))
				}
			}},
		{"candidate number", func(h *harness, s *session.Setup) { s.Label = "c7" }, nil, func(t *testing.T, h *harness) {
			if info, _ := h.eng.Info(); info.Label != "Candidate 7" {
				t.Errorf("Info().Label = %q, want Candidate 7", info.Label)
			}
		}},
		{"panel with candidate number", func(h *harness, s *session.Setup) { s.Pack, s.Label = h.packs["panel-b6"], "C12" }, nil, nil},
		{"panel with stakeholder group", func(h *harness, s *session.Setup) { s.Pack = h.packs["panel-b6"] }, session.ErrInvalidLabel, nil},
		{"name as label", func(h *harness, s *session.Setup) { s.Label = "Jane Smith" }, session.ErrInvalidLabel, nil},
		{"deletion later than engagement's", func(h *harness, s *session.Setup) { s.DeletionDate = t0.AddDate(1, 0, 0) }, session.ErrInvalidSetup, nil},
		{"deletion in the past", func(h *harness, s *session.Setup) { s.DeletionDate = t0.Add(-time.Minute) }, session.ErrInvalidSetup, nil},
		{"unknown engagement", func(h *harness, s *session.Setup) { s.EngagementID = "missing" }, session.ErrNotFound, nil},
		{"no engagement", func(h *harness, s *session.Setup) { s.EngagementID = "" }, session.ErrInvalidSetup, nil},
		{"closed engagement", func(h *harness, s *session.Setup) { s.EngagementID = "eng-closed" }, session.ErrInvalidSetup, nil},
		{"expired engagement", func(h *harness, s *session.Setup) { s.EngagementID = "eng-expired" }, session.ErrInvalidSetup, nil},
		{"no interviewer", func(h *harness, s *session.Setup) { s.InterviewerID = "" }, session.ErrInvalidSetup, nil},
		{"no pack", func(h *harness, s *session.Setup) { s.Pack = nil }, session.ErrInvalidSetup, nil},
		{"pack without hash", func(h *harness, s *session.Setup) {
			p := *s.Pack
			p.Hash = ""
			s.Pack = &p
		}, session.ErrInvalidSetup, nil},
		{"unknown topic", func(h *harness, s *session.Setup) { s.TopicIDs = []string{"t1", "t9"} }, session.ErrInvalidSetup, nil},
		{"topic twice", func(h *harness, s *session.Setup) { s.TopicIDs = []string{"t1", "t1"} }, session.ErrInvalidSetup, nil},
		{"negative duration", func(h *harness, s *session.Setup) { s.Duration = -time.Minute }, session.ErrInvalidSetup, nil},
		{"too long", func(h *harness, s *session.Setup) { s.Duration = 5 * time.Hour }, session.ErrInvalidSetup, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			s := h.setup()
			tt.change(h, &s)
			err := h.eng.Start(h.ctx, s, h.keys)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Start(%s) = %v, want %v", tt.name, err, tt.wantErr)
				}
				if st := h.eng.State(); st != "" {
					t.Errorf("State() after failed Start = %q, want none", st)
				}
				if got := h.ind.States(); len(got) != 0 {
					t.Errorf("indicator after failed Start showed %v, want nothing", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Start(%s) = %v, want nil", tt.name, err)
			}
			if st := h.eng.State(); st != session.StateSetup {
				t.Errorf("State() after Start = %q, want setup", st)
			}
			if got := h.ind.States(); !slices.Equal(got, []session.RoomState{session.RoomOccupied}) {
				t.Errorf("indicator after Start showed %v, want [occupied]", got)
			}
			if snap := h.store.Snapshot(); len(snap.Sessions) != 0 {
				t.Errorf("store after Start holds %d sessions, want none before consent", len(snap.Sessions))
			}
			if tt.check != nil {
				tt.check(t, h)
			}
		})
	}
}

func TestStartKeyFailure(t *testing.T) {
	h := newHarness(t)
	h.keys.FailNext(errDisk)
	if err := h.eng.Start(h.ctx, h.setup(), h.keys); !errors.Is(err, errDisk) {
		t.Fatalf("Start with the key source failing = %v, want %v", err, errDisk)
	}
	if st := h.eng.State(); st != "" {
		t.Errorf("State() = %q, want none", st)
	}
}

func topicIDs(items []session.TopicItem) []string {
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}
