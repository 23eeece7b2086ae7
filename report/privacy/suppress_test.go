package privacy

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// marks prints the withheld quantities as "x" and the others as values.
func marks(p Problem, out []bool) string {
	s := ""
	for i, v := range p.Values {
		if i > 0 {
			s += " "
		}
		if out[i] {
			s += "x"
		} else {
			s += fmt.Sprint(v)
		}
	}
	return s
}

func TestSuppressOneWay(t *testing.T) {
	for _, tc := range []struct {
		cells []float64
		want  string // the cells, then the total
	}{
		{[]float64{10, 2, 15}, "x x 15 27"},      // the smallest other cell
		{[]float64{10, 2, 0, 15}, "x x 0 15 27"}, // above zero before zero
		{[]float64{2, 4, 4}, "x x 4 10"},         // ties: the first in order
		{[]float64{5, 1}, "x x 6"},
		{[]float64{1, 2, 1}, "x x x 4"},           // all cells small
		{[]float64{0, 0, 2}, "0 0 x x"},           // a single non-zero cell: its total is small too
		{[]float64{2}, "x x"},                     // one row: its total is the cell
		{[]float64{7}, "7 7"},                     // nothing small
		{[]float64{0, 0, 0}, "0 0 0 0"},           // zero reveals nobody
		{[]float64{3, 9, 12}, "3 9 12 24"},        // the threshold itself is published
		{[]float64{40, 1, 1, 30}, "40 x x 30 72"}, // two small cells protect each other
	} {
		p := Table(tc.cells, len(tc.cells), 1)
		if got := marks(p, Suppress(p, 3)); got != tc.want {
			t.Errorf("%v: got %q, want %q", tc.cells, got, tc.want)
		}
	}
}

func TestSuppressTwoWay(t *testing.T) {
	for _, tc := range []struct {
		cells []float64
		r, c  int
		want  string // cells row by row | row totals | column totals | grand total
	}{
		// 10 2 | 12      →  x x | 12
		//  9 8 | 17          x x | 17
		// 19 10| 29         19 10| 29
		{[]float64{10, 2, 9, 8}, 2, 2, "x x x x 12 17 19 10 29"},
		// a small cell in a 3×3: a rectangle of four cells
		{[]float64{20, 30, 40, 25, 1, 35, 50, 60, 70}, 3, 3, "x x 40 x x 35 50 60 70 90 61 180 95 91 145 331"},
		// a row of small cells: its total (2) goes too, then the other
		// row and its total, or the first row's would be 52 − 50
		{[]float64{1, 1, 20, 30}, 2, 2, "x x x x x x 21 31 52"},
	} {
		p := Table(tc.cells, tc.r, tc.c)
		out := Suppress(p, 3)
		if got := marks(p, out); got != tc.want {
			t.Errorf("%v: got %q, want %q", tc.cells, got, tc.want)
		}
	}
}

// Property: on random one- and two-way tables, every small count is
// withheld and no withheld quantity is determined by the published ones
// (checked by asking whether the system of sums, with the published
// quantities fixed, admits a change of that quantity: a solution of the
// homogeneous system with a 1 in its place).
func TestSuppressProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		r, c := 1+rng.IntN(5), 1+rng.IntN(5)
		cells := make([]float64, r*c)
		for i := range cells {
			switch rng.IntN(4) {
			case 0:
				cells[i] = float64(rng.IntN(3)) // 0, 1, 2
			default:
				cells[i] = float64(rng.IntN(40))
			}
		}
		p := Table(cells, r, c)
		threshold := 3 + rng.IntN(3)
		out := Suppress(p, threshold)
		for i, v := range p.Values {
			if v >= 1 && v < float64(threshold) && !out[i] {
				t.Fatalf("%v (%d×%d, threshold %d): %v published\n%s", cells, r, c, threshold, v, marks(p, out))
			}
		}
		for i, o := range out {
			if o && !free(p, out, i) {
				t.Fatalf("%v (%d×%d, threshold %d): quantity %d (%v) can be recomputed\n%s", cells, r, c, threshold, i, p.Values[i], marks(p, out))
			}
		}
		if again := Suppress(p, threshold); !slices.Equal(again, out) {
			t.Fatalf("%v: not deterministic", cells)
		}
	}
}

// free reports whether the withheld quantity k can change while the sums
// hold and the published quantities stay: whether M·d = 0, d_k = 1 has a
// solution, M the sums over the withheld quantities. It is a check apart
// from Determined: it solves a system instead of reading a row space.
func free(p Problem, out []bool, k int) bool {
	var unknown []int
	col := map[int]int{}
	for i, o := range out {
		if o {
			col[i] = len(unknown)
			unknown = append(unknown, i)
		}
	}
	u := len(unknown)
	var m [][]float64 // augmented: u coefficients, then the right side
	for _, s := range p.Sums {
		row := make([]float64, u+1)
		for _, i := range s.Parts {
			if c, ok := col[i]; ok {
				row[c]++
			}
		}
		if c, ok := col[s.Total]; ok {
			row[c]--
		}
		m = append(m, row)
	}
	unit := make([]float64, u+1)
	unit[col[k]], unit[u] = 1, 1
	m = append(m, unit)
	rref(m)
	for _, row := range m {
		zero := true
		for _, v := range row[:u] {
			if v != 0 {
				zero = false
			}
		}
		if zero && row[u] != 0 {
			return false // inconsistent: d_k must be 0
		}
	}
	return true
}

func BenchmarkSuppress(b *testing.B) {
	cells := make([]float64, 6*8)
	for i := range cells {
		cells[i] = float64((i * 7) % 11)
	}
	p := Table(cells, 6, 8)
	for b.Loop() {
		Suppress(p, 3)
	}
}
