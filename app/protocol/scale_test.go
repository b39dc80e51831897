package protocol

import (
	"math"
	"slices"
	"testing"
)

func TestScaleValues(t *testing.T) {
	tests := []struct {
		name     string
		min, max int
		want     []int
	}{
		{"zero to ten", 0, 10, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{"one to five", 1, 5, []int{1, 2, 3, 4, 5}},
		{"widest", 0, MaxScalePoints - 1, nil}, // filled in below
		{"one point too many", 0, MaxScalePoints, nil},
		{"max at the 64-bit limit", 0, math.MaxInt, nil},
		{"both near the 64-bit limit", math.MaxInt - 2, math.MaxInt, []int{math.MaxInt - 2, math.MaxInt - 1, math.MaxInt}},
		{"min at the lower limit", math.MinInt, 3, nil},
		{"negative min", -1, 3, nil},
		{"max equals min", 4, 4, nil},
		{"max below min", 5, 1, nil},
	}
	for i := range MaxScalePoints {
		tests[2].want = append(tests[2].want, i)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Scale{Min: tt.min, Max: tt.max}.Values()
			if !slices.Equal(got, tt.want) {
				t.Errorf("Scale{%d, %d}.Values() = %v, want %v", tt.min, tt.max, got, tt.want)
			}
		})
	}
}
