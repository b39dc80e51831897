package panel

import "testing"

// FuzzCheckCandidateNumber: whatever is typed, an accepted number is digits only, one to
// MaxCandidateLen of them, and is accepted again unchanged.
func FuzzCheckCandidateNumber(f *testing.F) {
	for _, s := range []string{"101", " c-7a ", "Jane Smith", "SURNAME-1042", "", "12/3", "１２３", "1\n2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		n, err := CheckCandidateNumber(typed)
		if err != nil {
			return
		}
		if n == "" || len(n) > MaxCandidateLen {
			t.Fatalf("CheckCandidateNumber(%q) = %q: empty or too long", typed, n)
		}
		for _, c := range n {
			if c < '0' || c > '9' {
				t.Fatalf("CheckCandidateNumber(%q) = %q holds %q", typed, n, c)
			}
		}
		if again, err := CheckCandidateNumber(n); err != nil || again != n {
			t.Fatalf("CheckCandidateNumber(%q) again = %q, %v", n, again, err)
		}
	})
}
