package panel

import (
	"strings"
	"time"
)

// The statements of the confirmation of understanding, as the guide's sheet words them: what
// the service user or carer confirms, and what the member of staff confirms, with {{.Name}}
// (the service user or carer's printed name) and {{.Date}} placeholders. The screens translate
// these very texts (they are keys of the screens' English bundle) and the record fills them in
// (PartnerStatementText, StaffStatementText), so what a signer reads on the kiosk and what the
// record says they confirmed come from here alone.
const (
	PartnerStatement = "I confirm that the guide to interviews has been gone through with me and I have understood it."
	StaffStatement   = "I can confirm that {{.Name}} has completed this guide to interviews on {{.Date}}."
)

// Statements are every statement of the confirmation, for the screens' bundle to hold.
var Statements = []string{PartnerStatement, StaffStatement}

// PartnerStatementText is what the service user or carer confirms, in English.
func PartnerStatementText() string { return PartnerStatement }

// StaffStatementText is what the member of staff confirms, in English: that the service user
// or carer named (their printed name, exactly as typed) completed the guide on date.
func StaffStatementText(name, date string) string {
	// One pass: a printed name that happens to hold "{{.Date}}" is kept as typed.
	return strings.NewReplacer("{{.Name}}", name, "{{.Date}}", date).Replace(StaffStatement)
}

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
