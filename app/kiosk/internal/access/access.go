// Package access is the pass the features of app/kiosk (panels, boards, surveys) show to read
// what the core keeps from the screens (app/kiosk/features.go): the signed-in interviewer's
// unlocked key, the ports, the locks. Only packages under app/kiosk can import it, so nothing
// outside them can name a Token, and the screens cannot call what asks for one.
package access

// Token is what those methods ask for. A package outside app/kiosk cannot name it, nor write a
// value of it (its field is unexported).
type Token struct{ _ int }

// Pass is the token the features pass.
var Pass Token
