// Package boards holds the team board's use cases over app/board and app/workshop, beside
// the core of app/kiosk, which it imports; a member opens a board from their SignedIn with
// Open.
//
// # The team board
//
// A peer challenge's board (app/board) is a use case here too (board.go). The admin sets the
// team (SetTeam, with the *kiosk.Admin): the first time, a board key is made, sealed to each member's own public key
// and forgotten, so the admin never holds what opens it; members added later wait until a
// member lets them in (Board.LetIn). A member opens the board with their PIN (Open, which
// locks their own key at once and keeps the board key until Board.Close), contributes from
// their own sessions (Contribute: Contributor.Read opens one of their sessions without taking
// it into the engine; Add seals the items and one interview record per session read, and the
// kiosk cannot read them back), and exports the presentation (ExportPresentation, which needs
// the PIN again and writes its audit entry before the file). Across rooms, a board kept here
// exports its public part (Board.ExportPublic) and imports bundles whole or not at all
// (Board.ImportBundles); a board kept elsewhere is linked (LinkBoard) and this kiosk's
// contributions leave as one bundle (ExportBundle). Board files are written only to a
// mounted stick (Sticks), under a temporary name and then renamed. The team's day-2 work (the
// aim, themes, insights and their quotes) changes only through the Board's intents
// (boardwork.go, and MoveItem, EditItem and Remove in boarditems.go and board.go): each reads
// the stored work, makes its change by the board's rules and seals it under the board's lock,
// so that two members at once lose neither's change; the screens never hand work back.
//
// The audit log holds ids and counts of these actions, with the role "interviewer" and never
// which member. One link remains: an interview record's id is derived from the board's public
// key and the session id (so a session is counted once however often it is contributed from),
// so someone who has both can tell that a session was counted; they learn nothing of its
// content, group or items.
//
// # The workshop
//
// The afternoon's workshop and the follow-up agenda (app/workshop) belong to an open board
// (Board.Workshop, workshop.go): one document sealed with the board's key in the Workshops
// port, read, changed by app/workshop's rules and sealed again by each of the facilitator's
// intents under one lock, never by the screens. Start takes the board's insights as they are
// then. It is exported with a member's PIN (ExportWorkshop, with the slides and
// outline or apart, all files or none; ExportFollowUp) and destroyed with the board.
package boards
