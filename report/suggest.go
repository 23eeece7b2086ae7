package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxEdits caps the distance of a hint: a word more than 20 edits from
// every candidate is no typo, and the cap keeps a very long word's cost
// linear in its length. Words up to 62 characters are not affected.
const maxEdits = 20

// Nearest returns the candidate closest to s by edit distance, if it is
// close enough to be the likely intended word: at most a third of s's
// length away (at least 1, at most maxEdits). The first of equally close
// candidates wins.
func Nearest(s string, candidates []string) (string, bool) {
	rs := []rune(strings.ToLower(s))
	limit := min(max(1, len(rs)/3), maxEdits)
	best, bestDist := "", limit+1
	var buf distanceBuf
	for _, c := range candidates {
		// A candidate whose length differs by at least the best distance so
		// far cannot be closer: skip it before converting it.
		if n := utf8.RuneCountInString(c); n-len(rs) >= bestDist || len(rs)-n >= bestDist {
			continue
		}
		rc := []rune(strings.ToLower(c))
		if d := buf.atMost(rs, rc, bestDist-1); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, bestDist <= limit
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

// distanceBuf holds the three rows of atMost, reused across candidates.
type distanceBuf struct{ prev2, prev, cur []int }

// atMost is the edit distance between a and b, counted in runes, where
// swapping two neighbours ("asp" for "aps") counts as one edit (the optimal
// string alignment distance) — when it is at most k; otherwise it returns
// k+1. Only the band of cells within k of the diagonal is computed and the
// work stops as soon as a whole row is above k, so a long word costs
// O(len × k) time and O(len) memory, never a full matrix.
func (buf *distanceBuf) atMost(a, b []rune, k int) int {
	inf := k + 1
	n, m := len(a), len(b)
	if n-m > k || m-n > k {
		return inf
	}
	grow := func(s []int) []int {
		if cap(s) < m+1 {
			return make([]int, m+1)
		}
		return s[:m+1]
	}
	buf.prev2, buf.prev, buf.cur = grow(buf.prev2), grow(buf.prev), grow(buf.cur)
	prev2, prev, cur := buf.prev2, buf.prev, buf.cur
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-k), min(m, i+k)
		cur[0] = min(i, inf)
		rowMin := cur[0]
		if lo > 1 {
			// The cell just left of the band is read by this row and the next.
			cur[lo-1], rowMin = inf, inf
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			v = min(v, inf)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < m {
			cur[hi+1] = inf
		}
		if rowMin > k {
			return inf // every later row is at least as far
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[m], inf)
}
