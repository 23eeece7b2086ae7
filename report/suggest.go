package report

import (
	"fmt"
	"strings"
)

// Nearest returns the candidate closest to s by edit distance, if it is
// close enough to be the likely intended word.
func Nearest(s string, candidates []string) (string, bool) {
	best, bestDist := "", -1
	for _, c := range candidates {
		d := distance(strings.ToLower(s), strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := max(1, len([]rune(s))/3)
	return best, bestDist >= 0 && bestDist <= limit
}

// Hint is the end of a message about a word that is not one of candidates:
// the likely intended one, or the list when it is short.
func Hint(s string, candidates []string) string {
	if c, ok := Nearest(s, candidates); ok {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	if len(candidates) > 0 && len(candidates) <= 8 {
		return " (one of: " + strings.Join(candidates, ", ") + ")"
	}
	return ""
}

// distance is the edit distance between a and b, counted in runes, where
// swapping two neighbours ("asp" for "aps") counts as one edit (the optimal
// string alignment distance).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
