package panel

import (
	"encoding/json"
	"errors"
	"testing"
)

// TestDeclineConsent: a candidate who declines to consent before their interview is on the
// record as having declined, not as having withdrawn; nobody's form can give that reason, and
// it cannot be given once their interview has started. A stored candidate of before keeps its
// reason.
func TestDeclineConsent(t *testing.T) {
	r := ready(t)
	if err := r.StartInterview("101", t0); err != nil {
		t.Fatal(err)
	}
	if err := r.Withdraw("102", WithdrawNoConsent, t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("Withdraw(102, declined to consent) = %v, want ErrInvalid: the candidate's own choice only", err)
	}
	if err := r.DeclineConsent("101", t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("DeclineConsent(interviewed 101) = %v, want ErrInvalid", err)
	}
	if err := r.DeclineConsent("999", t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("DeclineConsent(unknown) = %v, want ErrInvalid", err)
	}
	if err := r.DeclineConsent("102", t0); err != nil {
		t.Fatal(err)
	}
	c, _ := r.Candidate("102")
	if c.Withdrawal != WithdrawNoConsent || c.Withdrawal == WithdrawDeclined || !c.Withdrawn() || !c.WithdrawnAt.Equal(t0) {
		t.Errorf("candidate 102 after declining = %+v, want withdrawn as declined to consent", c)
	}
	if err := r.DeclineConsent("102", t0); !errors.Is(err, ErrInvalid) {
		t.Errorf("DeclineConsent twice = %v, want ErrInvalid", err)
	}
	if err := r.StartInterview("102", t0); !errors.Is(err, ErrWithdrawn) {
		t.Errorf("StartInterview(declined 102) = %v, want ErrWithdrawn", err)
	}
	// Stored and read back, and a candidate stored before the reason existed.
	b, err := json.Marshal(r.Candidates)
	if err != nil {
		t.Fatal(err)
	}
	var back []Candidate
	if err := json.Unmarshal(b, &back); err != nil || back[1].Withdrawal != WithdrawNoConsent {
		t.Errorf("stored and read back: %+v, %v", back, err)
	}
	var old Candidate
	if err := json.Unmarshal([]byte(`{"Number":"103","Withdrawal":"declined"}`), &old); err != nil || old.Withdrawal != WithdrawDeclined {
		t.Errorf("an old stored withdrawal reads as %+v, %v", old, err)
	}
}
