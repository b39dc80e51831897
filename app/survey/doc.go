// Package survey owns the leadership culture survey: the survey file format and its
// validation, the built-in survey (the peer challenge handbook's Appendix 2), the rules of a
// survey engagement, the form of one response, and the aggregation of responses into results
// that never show a small team.
//
// # The survey
//
// A survey is a list of bipolar items, each a left and a right statement, answered on a scale
// of Points points between them (1 is the left statement, Points the right one; the built-in
// survey has 5, so 3 is halfway). Every item is optional. The file format is YAML read
// strictly through app/yamlfile, like the question packs: Load returns a whole valid survey or
// every problem as FILE:LINE: FIELD: message (matching ErrInvalid). An item that repeats
// another's two statements word for word is refused, so one answer can never count twice.
//
// The built-in survey (surveys/leadership-culture.yaml) is Appendix 2 word for word. The
// appendix has 32 rows, and row 29 repeats row 3 exactly; it is asked once (item r03-crisis),
// so the survey has 31 items, and its source note says so.
//
// # An engagement
//
// Engagement holds the teams as the host authority names them, the opening and closing days,
// the minimum group size (DefaultMinGroup 5, never below LowestMinGroup 3) and the deletion
// date, after the closing day. It rides on a session engagement of the same id, whose
// deletion date and legal hold the retention package keeps.
//
// # A response
//
// Response is a team and the points chosen, by item id; nothing else: no time, no order, no
// name. Encode gives the bytes the kiosk seals: always EncodedSize bytes (the survey's hash,
// the team's name and one byte per item in the survey's order, each zero-padded to the most a
// survey allows), so the sealed length says nothing of the team or of the items answered.
// Decode also reads the first version's JSON, whose length varied.
//
// # Results and small teams
//
// Aggregate gives, per item, the count of each point, the mean point and the mean position
// between the statements (-1 left to +1 right), overall and per group, and the items where the
// groups differ most. A team with fewer than the minimum is never shown alone, neither
// directly nor by subtraction:
//
//   - teams with at least the minimum are shown;
//   - the small teams are merged into "Other teams" when together they reach the minimum;
//   - otherwise they are withheld and left out of the overall figures too (an overall figure
//     that held one withheld team, less the shown teams, would be that team's);
//   - an item fewer than the minimum answered within a shown group is withheld for that group
//     and left out of that item's overall figures, for the same reason;
//   - so is an item whose answers within a shown group are all, or all but one, on one point
//     (Disclosive: the group-disclosure rule of statistical disclosure control): every
//     answer the same would tell anyone who knows a member is in the team that member's
//     answer, and all but one the same would tell the one who differs everyone else's. The
//     screens and the report do not say which of the two reasons withheld an item.
//
// Results says which teams were merged and which withheld, and the screens and the report say
// it in words.
//
// # The report
//
// report.go writes the results as a PDF (PDF: a diverging chart and a table of figures per
// shown group, then the items where the groups differ most, through app/report) and as CSV of
// the aggregated figures (CSV); neither holds a response, a time finer than the day or a name.
// chart.go holds what the screens and the report share: the points' words and colours and the
// layout of a diverging bar (Segments).
//
// # Who may import it
//
// The kiosk (use cases) and the screens. It is pure Go: no cgo, SQL, Fyne or periph, and it
// knows nothing of keys: sealing is the vault's, storing the store's.
package survey
