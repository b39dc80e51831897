// Package workshop is the afternoon of a peer challenge's day 2 and what follows it: the
// facilitated workshop the handbook structures in four parts, and the agenda of the follow-up
// visit about four months later.
//
// The four parts, in the handbook's words:
//
//  1. Reflecting on the key insights. Each table (numbered, never named: a Table has no field
//     for a name) marks each of the team's insights agree, disagree or amend (with its
//     amendment), may add new insights, and then lists the goals it would most like to
//     achieve for each insight. The central list of goals (Goals) builds up from every table's.
//  2. Idea generation. Each table picks one goal from the central list (Choose: a goal taken
//     by one table cannot be taken by another), sees the team's solution ideas (the board's
//     buds, handed in by the kiosk), adds its ideas, and chooses the three actions with the
//     highest impact that can be implemented (ChooseActions: exactly three, from its ideas).
//  3. Feedback. Each table's three best ideas in turn (BestIdeas); the host director's next
//     steps; "What went well?" and "Even better if" from the whole group.
//  4. Timings from the handbook's timetable (Timetable, from 14.15), each step's minutes
//     changeable by the facilitator, with the time left for the step running (Clock).
//
// The follow-up visit's agenda (Agenda) is the handbook's four points, with the workshop's
// goals and chosen actions beside it (FollowUpPDF).
//
// Nothing here is interview content and nothing names a person; it belongs to the host
// authority. The kiosk still seals it with the board's key (app/kiosk/boards/workshop.go), so a copied
// data folder does not read it, and destroys it with the board the day after the follow-up
// visit.
//
// Text is kept exactly as typed: nothing is trimmed or changed; a text of spaces only, one
// longer than its limit or not valid UTF-8 is refused with an error naming the field and what
// to do (ErrInvalid). The package is pure Go: no screens, SQL, keys or GPIO.
package workshop
