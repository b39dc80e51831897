package protocol

// Kind says how a pack is used: a one-to-one or group interview, or a recruitment panel where the
// same questions are asked the same way of every candidate.
type Kind string

const (
	KindInterview Kind = "interview"
	KindPanel     Kind = "panel"
)

// Consent point ids that every pack must carry as required points: the interviewee agrees to take
// part, and agrees to notes being taken. Validation rejects a pack without them.
const (
	ConsentTakePart = "take-part"
	ConsentNotes    = "notes"
)

// Pack is one question pack: everything the kiosk shows and asks during a session. A Pack is
// immutable once loaded; its Hash cites the exact wording a consent was given against.
type Pack struct {
	ID       string
	Version  int
	Title    string
	Language string // BCP 47 tag, e.g. "en-GB"
	Kind     Kind
	// Source names the document and section the wording came from (shown to admins).
	Source string
	// InterviewerGuidance is the source's advice to the interviewer on how to run the interview
	// (introductions, open questions, listening), shown to the interviewer before the session
	// and on demand during it, never to the interviewee. May be empty.
	InterviewerGuidance []string
	// Additions mark what the pack says that its source does not, each with why; admins see them
	// with the source. May be empty.
	Additions []Addition

	DurationMinutes int
	// WarningMinutes are the "minutes left" thresholds at which the timer warns, largest first
	// (default 10 and 5). The smallest is the "ending soon" signal.
	WarningMinutes []int

	Preamble []Page
	Consent  []ConsentPoint
	Topics   []Topic
	Closing  Closing

	// Hash is the content hash (see ContentHash); set by the loader.
	Hash string
}

// Page is one screen of the interviewee-facing preamble.
type Page struct {
	Title string
	Text  string
}

// ConsentPoint is one explicit choice the interviewee makes before the session starts.
type ConsentPoint struct {
	ID       string
	Text     string
	Required bool
}

// Topic is one question with its follow-up probes.
type Topic struct {
	ID       string
	Question string
	// Guidance is a note for the interviewer on when or why to ask (e.g. the group a question
	// belongs to in its source); it is never shown to the interviewee. May be empty.
	Guidance string
	Probes   []string
	// Priority orders topics when time runs short: 1 is kept first, larger numbers dropped first.
	Priority int
	// Scale is set when the question asks for a number (a 0-10 scaling question or a panel score).
	Scale *Scale
}

// ScaleKind says whether a scale is the interviewee's own rating or a panel member's score.
type ScaleKind string

const (
	ScaleRating ScaleKind = "rating" // the interviewee's answer on e.g. 0-10
	ScaleScore  ScaleKind = "score"  // a panel member's score for a candidate's answer
)

// Scale is a numeric answer range with labels for its ends.
type Scale struct {
	Kind     ScaleKind
	Min, Max int
	MinLabel string
	MaxLabel string
}

// Values lists the numbers a person can choose on the scale, lowest first, or nil when the
// range is not one a screen can show: min below zero, max not above min, or more than
// MaxScalePoints points. Load refuses such packs; screens ask Values rather than looping from
// Min to Max, so a pack that reached them some other way cannot make them spin or overflow.
func (s Scale) Values() []int {
	if s.Min < 0 || s.Max <= s.Min || s.Max-s.Min >= MaxScalePoints {
		return nil
	}
	// Count points rather than values: `v <= Max` never ends when Max is the largest int.
	vs := make([]int, s.Max-s.Min+1)
	for i := range vs {
		vs[i] = s.Min + i
	}
	return vs
}

// Closing is the end of the interview: the catch-all question, the follow-up question and thanks.
type Closing struct {
	Question       string // the catch-all last question
	FollowUp       string // asks whether the person is willing to have a follow-up discussion
	Thanks         string
	WriteUpPrompts []string // prompts for the interviewer's write-up afterwards
}

// Addition marks one part of a pack as the pack's own, not its source's: Part names it (see
// PartText) and Why says why it was added.
type Addition struct {
	Part string
	Why  string
}

// Topic returns the topic with the given id.
func (p *Pack) Topic(id string) (Topic, bool) {
	for _, t := range p.Topics {
		if t.ID == id {
			return t, true
		}
	}
	return Topic{}, false
}
