// Package panels holds the recruitment panel's use cases over app/panel's rules, beside
// the core of app/kiosk, which it imports; a member opens the panel from their SignedIn with
// Open (a new one with Create).
//
// panel.go holds the panel's use cases over app/panel's rules: setting up a recruitment's
// panel (its key pair sealed to each member), a member opening it with their PIN
// (PanelMember), the set-up before the first candidate, the candidate's consent, each mark and
// note stored sealed as it is given, submissions, the grid, the decision confirmed by PIN, and
// panelexport.go the appointing officer's password-protected PDF. A member's view holds the
// others' sheets of a candidate only once the store says that member has submitted: they are
// not even opened before. No use case that takes an *Admin reads any of it.
package panels
