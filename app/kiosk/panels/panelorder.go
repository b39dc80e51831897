package panels

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"quietroom/app/kiosk"
	"quietroom/app/panel"
)

// The panel's order, who leads it, its discussion and what follows the decision (the rules
// are app/panel's order.go). The order and the lead are part of the sealed set-up; the
// discussion, the outcome told, the service user or carer's feedback and each candidate's
// feedback request are records sealed to the recruitment like the others (putRecord: padded,
// under a keyed id), opened by every member with the recruitment's key.
//
// The lead's draft of the discussion (what they typed and did not record yet) is such a record
// too, under their own id, padded as notes are: kept whenever a note is done and before an idle
// time-out, given back to them alone, and overwritten by a placeholder of its size once the
// discussion is recorded.
//
// What their rows say without a key: that a discussion was recorded (one item more), that a
// draft of it was kept (one item more, written to or not), that a service user or carer was
// told or gave feedback, and how many candidates had a feedback request recorded (one item
// each, whether asked or taken back); not whose, nor when.

// Logical ids of these records ("|" is in no member id or candidate number).
const discussionID = "discussion"

// discussionDraftID is the discussion notes a member leading the interviews has typed and not
// yet recorded: their own draft, one per member.
func discussionDraftID(member string) string { return "discussiondraft|" + member }

func toldID(partner string) string          { return "told|" + partner }
func feedbackID(partner string) string      { return "feedback|" + partner }
func feedbackReqID(candidate string) string { return "feedbackreq|" + candidate }

// setupOrder is the order of a sealed set-up. A set-up sealed before the order was a setting
// has none: if its first candidate was interviewed then, the panel was scoring after each
// candidate, and it goes on so; otherwise it takes the guide's order.
func setupOrder(doc setupDoc) panel.Order {
	if doc.Order != "" {
		return doc.Order
	}
	if !doc.FrozenAt.IsZero() {
		return panel.OrderEachCandidate
	}
	return panel.OrderGuide
}

// loadOrder opens the recruitment's discussion, outcomes told, feedback and feedback requests
// into r (load calls it with the set-up open).
func (p *PanelMember) loadOrder(r *panel.Recruitment, st panel.Stored) error {
	get := func(logical string, v any) (bool, error) {
		sealed, ok := st.Items[p.ids(logical)]
		if !ok {
			return false, nil
		}
		if err := p.open(logical, sealed, v); err != nil {
			return false, fmt.Errorf("open panel record: %w", err)
		}
		return true, nil
	}
	var d panel.Discussion
	if ok, err := get(discussionID, &d); err != nil {
		return err
	} else if ok {
		r.Discussion = &d
	}
	for _, m := range r.WithRole(panel.RolePartner) {
		var t panel.OutcomeTold
		if ok, err := get(toldID(m.ID), &t); err != nil {
			return err
		} else if ok {
			t.PartnerID = m.ID
			r.OutcomesTold = append(r.OutcomesTold, t)
		}
		var f panel.PartnerFeedback
		if ok, err := get(feedbackID(m.ID), &f); err != nil {
			return err
		} else if ok {
			f.PartnerID = m.ID
			r.Feedback = append(r.Feedback, f)
		}
	}
	for _, c := range r.Candidates {
		var f panel.FeedbackRequest
		if ok, err := get(feedbackReqID(c.Number), &f); err != nil {
			return err
		} else if ok {
			f.Candidate = c.Number
			r.FeedbackRequests = append(r.FeedbackRequests, f)
		}
	}
	return nil
}

// SetOrder sets when the members score (the chair or the appointing officer, before the
// first candidate): the guide's order, or scoring after each candidate where the
// organisation's process says so.
func (p *PanelMember) SetOrder(ctx context.Context, o panel.Order) error {
	return p.changeSetup(ctx, func(r *panel.Recruitment) error {
		if err := p.requireChair(r); err != nil {
			return err
		}
		return r.SetOrder(o)
	})
}

// SetLead chooses who leads the interview (the chair or the appointing officer, until the
// decision): the appointing officer, as the guide says, or the chair.
func (p *PanelMember) SetLead(ctx context.Context, memberID string) error {
	return p.changeSetup(ctx, func(r *panel.Recruitment) error {
		if err := p.requireChair(r); err != nil {
			return err
		}
		return r.SetLead(memberID)
	})
}

// changeRecord reads the panel again, applies fn to it (the domain's rule) and stores what fn
// returns as the record logical, padded to size. On any error the panel is read again, so
// nothing is half-applied.
func (p *PanelMember) changeRecord(ctx context.Context, logical func(r *panel.Recruitment) string, size int, fn func(r *panel.Recruitment) (any, error)) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	if err := p.reload(ctx); err != nil {
		return err
	}
	v, err := fn(p.rec)
	if err != nil {
		_ = p.reload(ctx)
		return err
	}
	return p.putRecord(ctx, logical(p.rec), v, size)
}

// RecordDiscussion records that the panel met to discuss its thoughts on each person, with
// what it agreed to note per candidate number (the member leading the interview, once every
// candidate has been seen; final). In the guide's order the members score after it.
//
// The lead's draft of it (SaveDiscussionDraft) goes once it is recorded. Should that fail, the
// discussion stays recorded and the error says so; the draft, sealed, is never shown again and
// goes with the recruitment.
func (p *PanelMember) RecordDiscussion(ctx context.Context, notes map[string]string) error {
	err := p.changeRecord(ctx, func(*panel.Recruitment) string { return discussionID }, notesPad,
		func(r *panel.Recruitment) (any, error) {
			if err := r.RecordDiscussion(p.id, notes, p.k.Now()); err != nil {
				return nil, err
			}
			return r.Discussion, nil
		})
	if err != nil {
		return err
	}
	if err := p.clearDiscussionDraft(ctx); err != nil {
		return fmt.Errorf("the discussion is recorded, but its draft could not be cleared (it stays sealed): %w", err)
	}
	return nil
}

// SaveDiscussionDraft keeps what this member, leading the interviews, has typed of the
// discussion and not yet recorded (the notes per candidate number, exactly as typed), so that
// nothing of it is lost when the kiosk goes idle or the power goes: sealed to the recruitment
// like every record, padded as notes are, under this member's own draft id. It is this
// member's alone: DiscussionDraft gives it back to them only, and RecordDiscussion clears it.
func (p *PanelMember) SaveDiscussionDraft(ctx context.Context, notes map[string]string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	if err := p.require(p.rec, actDiscuss); err != nil {
		return err
	}
	if p.rec.Discussion != nil {
		return panel.ErrDiscussed
	}
	return p.putRecord(ctx, discussionDraftID(p.id), maps.Clone(notes), notesPad)
}

// DiscussionDraft returns the discussion notes this member saved and has not recorded
// (SaveDiscussionDraft), as typed; nil when there are none, or once the discussion is
// recorded.
func (p *PanelMember) DiscussionDraft() (map[string]string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return nil, kiosk.ErrSignedOut
	}
	if p.rec.Discussion != nil {
		return nil, nil
	}
	lid := discussionDraftID(p.id)
	sealed, ok := p.stored.Items[p.ids(lid)]
	if !ok {
		return nil, nil
	}
	var notes map[string]string
	if err := p.open(lid, sealed, &notes); errors.Is(err, errPlaceholder) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("open the discussion's draft: %w", err)
	}
	return notes, nil
}

// clearDiscussionDraft overwrites this member's draft of the discussion, if there is one, with
// a placeholder of its size (the discussion is recorded: the draft goes).
func (p *PanelMember) clearDiscussionDraft(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rec == nil {
		return kiosk.ErrSignedOut
	}
	lid := discussionDraftID(p.id)
	if _, ok := p.stored.Items[p.ids(lid)]; !ok {
		return nil
	}
	return p.putRecord(ctx, lid, nil, notesPad)
}

// RecordOutcomeTold records that this member, the appointing officer, told the service user
// or carer the outcome (after the decision).
func (p *PanelMember) RecordOutcomeTold(ctx context.Context, partnerID string) error {
	return p.changeRecord(ctx, func(*panel.Recruitment) string { return toldID(partnerID) }, recordPad,
		func(r *panel.Recruitment) (any, error) {
			if err := r.RecordOutcomeTold(p.id, partnerID, p.k.Now()); err != nil {
				return nil, err
			}
			t, _ := r.Told(partnerID)
			return t, nil
		})
}

// GiveFeedback records this member's feedback, the service user or carer's own (after the
// decision): what went well, what could be improved, kept exactly as typed. Given again it
// replaces the earlier.
func (p *PanelMember) GiveFeedback(ctx context.Context, wentWell, couldImprove string) error {
	return p.changeRecord(ctx, func(*panel.Recruitment) string { return feedbackID(p.id) }, notesPad,
		func(r *panel.Recruitment) (any, error) {
			f := panel.PartnerFeedback{PartnerID: p.id, WentWell: wentWell, CouldImprove: couldImprove, At: p.k.Now()}
			if err := r.GiveFeedback(p.id, f); err != nil {
				return nil, err
			}
			return f, nil
		})
}

// SetFeedbackRequested records whether a candidate asked for feedback (the appointing officer
// or the chair, at any time); false takes back a request tapped in error.
func (p *PanelMember) SetFeedbackRequested(ctx context.Context, candidate string, asked bool) error {
	var number string
	return p.changeRecord(ctx, func(*panel.Recruitment) string { return feedbackReqID(number) }, recordPad,
		func(r *panel.Recruitment) (any, error) {
			if err := r.SetFeedbackRequested(p.id, candidate, asked, p.k.Now()); err != nil {
				return nil, err
			}
			c, _ := r.Candidate(candidate)
			number = c.Number
			return panel.FeedbackRequest{Candidate: c.Number, Asked: asked, At: p.k.Now()}, nil
		})
}

// PanelProgress is where a recruitment stands and what its order holds, as this member may
// see it: every member sees the order, who leads, the phase, the discussion, who was told
// and which candidates asked for feedback; the service user or carer's feedback is shown to
// them and to the appointing officer only (it is theirs to the appointing officer, and in
// the record the appointing officer exports).
type PanelProgress struct {
	Order  panel.Order
	LeadID string
	Phase  panel.Phase
	// AllSeen: every candidate still in the recruitment has been interviewed.
	AllSeen    bool
	Discussion *panel.Discussion
	// Told lists the service users or carers told the outcome, by member id.
	Told     []string
	Feedback []panel.PartnerFeedback
	// FeedbackRequested lists the numbers of the candidates who asked for feedback.
	FeedbackRequested []string
	// IsLead, IsAppointingOfficer, IsPartner say what this member is.
	IsLead, IsAppointingOfficer, IsPartner bool
}

// Progress returns where the recruitment stands for this member.
func (p *PanelMember) Progress() (PanelProgress, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	r := p.rec
	if r == nil {
		return PanelProgress{}, kiosk.ErrSignedOut
	}
	me, err := r.Member(p.id)
	if err != nil {
		return PanelProgress{}, err
	}
	out := PanelProgress{Order: r.ScoringOrder(), LeadID: r.LeadID(), Phase: r.Phase(), AllSeen: r.AllSeen(),
		IsLead: r.IsLead(p.id), IsAppointingOfficer: me.Has(panel.RoleAppointingOfficer), IsPartner: me.Has(panel.RolePartner)}
	if d := r.Discussion; d != nil {
		c := *d
		c.Notes = maps.Clone(d.Notes)
		out.Discussion = &c
	}
	for _, t := range r.OutcomesTold {
		out.Told = append(out.Told, t.PartnerID)
	}
	for _, f := range r.Feedback {
		if out.IsAppointingOfficer || f.PartnerID == p.id {
			out.Feedback = append(out.Feedback, f)
		}
	}
	for _, c := range r.Candidates {
		if r.FeedbackRequested(c.Number) {
			out.FeedbackRequested = append(out.FeedbackRequested, c.Number)
		}
	}
	slices.Sort(out.Told)
	return out, nil
}
