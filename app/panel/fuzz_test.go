package panel

import (
	"strings"
	"testing"
)

// FuzzCheckCandidateNumber: whatever is typed, an accepted number has a digit, only letters,
// digits, "-" and "/", at most MaxCandidateLen characters, and is accepted again unchanged.
func FuzzCheckCandidateNumber(f *testing.F) {
	for _, s := range []string{"101", " c-7a ", "Jane Smith", "", "12/3", "１２３", "1\n2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		n, err := CheckCandidateNumber(typed)
		if err != nil {
			return
		}
		if !strings.ContainsAny(n, "0123456789") || len(n) > MaxCandidateLen {
			t.Fatalf("CheckCandidateNumber(%q) = %q: no digit or too long", typed, n)
		}
		for _, c := range n {
			if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '-' || c == '/') {
				t.Fatalf("CheckCandidateNumber(%q) = %q holds %q", typed, n, c)
			}
		}
		if again, err := CheckCandidateNumber(n); err != nil || again != n {
			t.Fatalf("CheckCandidateNumber(%q) again = %q, %v", n, again, err)
		}
	})
}
