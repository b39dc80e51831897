package session

import "time"

// EngagementKind is what an engagement is. It decides which dates the admin is asked for and
// what they are proposed as.
type EngagementKind string

const (
	// KindOther is work of no kind below: the admin sets the deletion date.
	KindOther EngagementKind = ""
	// Kind360 is a 360-degree leadership programme: its interviewees may be asked to a
	// follow-up discussion "when the programme is finished" (seed 000), and a programme runs
	// for about a year (seed 002). Its follow-up date is the programme's end, which only the
	// admin knows: it is asked for, never proposed.
	Kind360 EngagementKind = "360"
	// KindPeerChallenge is a peer challenge: an on-site visit, then "all records of the
	// interviews will be deleted after the four-month follow up visit" (seed 001).
	KindPeerChallenge EngagementKind = "peer-challenge"
	// KindRecruitment is a recruitment panel: records are kept as the organisation's policy
	// says; there is no follow-up visit.
	KindRecruitment EngagementKind = "recruitment"
)

// EngagementKinds lists the kinds in the order a form offers them.
func EngagementKinds() []EngagementKind {
	return []EngagementKind{Kind360, KindPeerChallenge, KindRecruitment, KindOther}
}

// PeerChallengeFollowUpMonths is how long after a peer challenge's visit its follow-up visit
// is proposed: four months, as the handbook plans it.
const PeerChallengeFollowUpMonths = 4

// HasFollowUp reports whether engagements of this kind end with a follow-up visit or discussion
// that their deletion date follows.
func (k EngagementKind) HasFollowUp() bool { return k == Kind360 || k == KindPeerChallenge }

// HasVisit reports whether engagements of this kind have an on-site visit.
func (k EngagementKind) HasVisit() bool { return k == KindPeerChallenge }

// AsksProgrammeEnd reports whether engagements of this kind are asked for the end of their
// programme, which is their follow-up date: a 360 programme's follow-up discussion is "when the
// programme is finished".
func (k EngagementKind) AsksProgrammeEnd() bool { return k == Kind360 }

// ProposedFollowUp is the follow-up date proposed for an engagement of kind k: four months
// after a peer challenge's visit; zero for a 360 programme, whose follow-up is at the
// programme's end, a date the admin gives (a guess would delete a participant's notes before
// the programme is finished); zero for kinds without a follow-up.
func ProposedFollowUp(k EngagementKind, now, visit time.Time) time.Time {
	if k == KindPeerChallenge && !visit.IsZero() {
		y, m, d := visit.AddDate(0, PeerChallengeFollowUpMonths, 0).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, visit.Location())
	}
	return time.Time{}
}

// ProposedDeletion is the deletion date proposed for an engagement of kind k created at now:
// the day after its follow-up for kinds that have one, zero while that date is not known; for
// the other kinds DefaultDeletionDate, a date the admin confirms or moves.
func ProposedDeletion(k EngagementKind, now, followUp time.Time) time.Time {
	if !k.HasFollowUp() {
		return DefaultDeletionDate(now)
	}
	if followUp.IsZero() {
		return time.Time{}
	}
	return DeletionAfterFollowUp(followUp)
}

// DeletionAfterFollowUp is the deletion date that follows a follow-up date: the start of the
// next day, so the records are there for the follow-up itself and gone after it.
func DeletionAfterFollowUp(followUp time.Time) time.Time {
	y, m, d := followUp.AddDate(0, 0, 1).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, followUp.Location())
}
