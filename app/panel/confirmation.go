package panel

import (
	"time"
)

// Confirmation is the guide's "confirmation of understanding": the member of staff and the
// involvement partner each sign, with their printed names and the date, that the guide's key
// points were shared and understood.
type Confirmation struct {
	PartnerID        string // the involvement partner's member id
	StaffID          string // the member of staff (any non-partner member) who went through it
	PartnerName      string // printed name
	StaffName        string // printed name
	PartnerSignature []byte // the signature pad's strokes (app/ui's encoding)
	StaffSignature   []byte
	At               time.Time
}

// Confirm records a confirmation for an involvement partner of the panel (CheckConfirmation).
func (r *Recruitment) Confirm(c Confirmation) error {
	if err := r.CheckConfirmation(c); err != nil {
		return err
	}
	for i := range r.Confirmations {
		if r.Confirmations[i].PartnerID == c.PartnerID {
			r.Confirmations[i] = c
			return nil
		}
	}
	r.Confirmations = append(r.Confirmations, c)
	return nil
}

// CheckConfirmation checks a confirmation without recording it: the panel's service user or
// carer and a member of staff on the panel, both printed names, both signatures and the date.
func (r *Recruitment) CheckConfirmation(c Confirmation) error {
	p, err := r.Member(c.PartnerID)
	if err != nil || !p.Has(RolePartner) {
		return invalid("service user or carer", "choose the panel's service user or carer")
	}
	s, err := r.Member(c.StaffID)
	if err != nil || s.Has(RolePartner) {
		return invalid("member of staff", "choose a member of staff on the panel")
	}
	if err := checkText("printed name of the service user or carer", c.PartnerName, MaxPrintedName, true); err != nil {
		return err
	}
	if err := checkText("printed name of the member of staff", c.StaffName, MaxPrintedName, true); err != nil {
		return err
	}
	if len(c.PartnerSignature) == 0 {
		return invalid("signature of the service user or carer", "sign in the box")
	}
	if len(c.StaffSignature) == 0 {
		return invalid("signature of the member of staff", "sign in the box")
	}
	if c.At.IsZero() {
		return invalid("date", "the date is missing")
	}
	return nil
}

// Confirmed reports whether the involvement partner has signed the confirmation.
func (r *Recruitment) Confirmed(partnerID string) bool {
	for _, c := range r.Confirmations {
		if c.PartnerID == partnerID {
			return true
		}
	}
	return false
}
