package report

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestHint(t *testing.T) {
	codes := []string{"navile", "savena", "santo_stefano", "aps", "odv", "sst_reti", "code", "label", "was"}
	tests := []struct{ in, want string }{
		{"naville", ` (did you mean "navile"?)`},
		{"asp", ` (did you mean "aps"?)`},
		{"sst-reti", ` (did you mean "sst_reti"?)`},
		{"note", ""},
		{"crowdfunding", ""},
	}
	for _, tt := range tests {
		if got := Hint(tt.in, codes); got != tt.want {
			t.Errorf("Hint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Hint("x", []string{"city", "district", "zone"}); got != " (one of: city, district, zone)" {
		t.Errorf("short list: got %q", got)
	}
}

// fullDistance is the unbounded optimal string alignment distance, the
// reference for atMost.
func fullDistance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// TestAtMostAgreesWithFullDistance compares the banded distance with the
// full matrix on random short words over a small alphabet (many near misses
// and transpositions), for every bound.
func TestAtMostAgreesWithFullDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() []rune {
		w := make([]rune, rng.IntN(9))
		for i := range w {
			w[i] = rune("abcè"[rng.IntN(3)])
		}
		return w
	}
	var buf distanceBuf
	for range 20000 {
		a, b := word(), word()
		full := fullDistance(a, b)
		for k := 0; k <= 9; k++ {
			want := min(full, k+1)
			if got := buf.atMost(a, b, k); got != want {
				t.Fatalf("atMost(%q, %q, %d) = %d, want %d", string(a), string(b), k, got, want)
			}
		}
	}
}

// TestHintLongWord: a misspelt 20,000-character code is answered quickly
// and in little memory (the full matrix took 3.2 GB).
func TestHintLongWord(t *testing.T) {
	long := strings.Repeat("navile", 3400)
	cands := []string{"navile", "savena", long[:len(long)-1] + "x", long + "ab"}
	allocs := testing.AllocsPerRun(1, func() {
		if got := Hint(long[1:], cands); got != fmt.Sprintf(" (did you mean %q?)", long[:len(long)-1]+"x") {
			t.Errorf("Hint on a long word = %.40q…", got)
		}
	})
	if allocs > 100 {
		t.Errorf("%v allocations", allocs)
	}
	var m1, m2 runtime.MemStats
	runtime.ReadMemStats(&m1)
	start := time.Now()
	Hint(strings.Repeat("x", 20000), []string{strings.Repeat("y", 20000), "navile"})
	runtime.ReadMemStats(&m2)
	if d, b := time.Since(start), m2.TotalAlloc-m1.TotalAlloc; d > time.Second || b > 10<<20 {
		t.Errorf("Hint on 20,000 characters took %v and %d bytes", d, b)
	}
}
