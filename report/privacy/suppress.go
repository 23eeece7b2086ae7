package privacy

import (
	"math"
	"slices"
)

// Sum says that the quantities Parts add up to the quantity Total: the
// cells of a row and the row's total.
type Sum struct {
	Parts []int
	Total int
}

// Problem is a set of published counts and the sums between them.
type Problem struct {
	// Values are the quantities, in the order in which complements are
	// preferred among equal values (the code lists' order).
	Values []float64
	// Small marks the quantities that are counts of people subject to
	// primary suppression; the others (totals of other units, counts of
	// projects) are withheld only as complements or never.
	Small []bool
	Sums  []Sum
	// Fixed marks quantities that are published whatever happens (a count
	// that is not of people, such as a number of projects): never chosen
	// as a complement.
	Fixed []bool
}

// Suppress returns, for every quantity, whether it is withheld: the
// primary cells (Small, with a value from 1 to threshold−1) and the
// complements that keep each of them from being recomputed. The choice is
// deterministic: in a sum with one withheld quantity, the smallest
// published part other than zero, ties broken by order; a zero part when
// no other remains; the sum's total when no part remains. It then checks
// the whole system of sums and adds complements until no withheld
// quantity is determined by the published ones.
func Suppress(p Problem, threshold int) []bool {
	n := len(p.Values)
	out := make([]bool, n)
	for i, v := range p.Values {
		if i < len(p.Small) && p.Small[i] && v >= 1 && v < float64(threshold) {
			out[i] = true
		}
	}
	fixed := func(i int) bool { return i < len(p.Fixed) && p.Fixed[i] }
	// complement withholds one more quantity of the sum: false when none
	// can be.
	complement := func(s Sum) bool {
		best := -1
		for _, i := range s.Parts {
			if out[i] || fixed(i) {
				continue
			}
			if best < 0 || better(p.Values[i], p.Values[best]) {
				best = i
			}
		}
		if best < 0 {
			if out[s.Total] || fixed(s.Total) {
				return false
			}
			best = s.Total
		}
		out[best] = true
		return true
	}
	for guard := 0; guard <= n; guard++ {
		changed := false
		// A sum with exactly one withheld quantity gives it away.
		for _, s := range p.Sums {
			if withheld(s, out) == 1 && complement(s) {
				changed = true
			}
		}
		if changed {
			continue
		}
		// Withheld quantities the system still determines (a chain of
		// sums can, when each alone has two): one more complement in a
		// sum of the first such quantity.
		k := Determined(p, out)
		if len(k) == 0 {
			return out
		}
		for _, s := range p.Sums {
			if s.Total == k[0] || slices.Contains(s.Parts, k[0]) {
				if complement(s) {
					changed = true
					break
				}
			}
		}
		if !changed {
			// Nothing more can be withheld around it: withhold every
			// quantity of its sums that can be, rather than publish it.
			for _, s := range p.Sums {
				if s.Total == k[0] || slices.Contains(s.Parts, k[0]) {
					for _, i := range append(slices.Clone(s.Parts), s.Total) {
						if !fixed(i) {
							out[i] = true
						}
					}
				}
			}
		}
	}
	return out
}

// better reports whether a is preferred to b as a complement: the smaller
// count, a count above zero before a zero (a zero withheld protects
// nothing when the reader can tell it is empty).
func better(a, b float64) bool {
	if (a == 0) != (b == 0) {
		return b == 0
	}
	return a < b
}

func withheld(s Sum, out []bool) int {
	n := 0
	for _, i := range s.Parts {
		if out[i] {
			n++
		}
	}
	if out[s.Total] {
		n++
	}
	return n
}

// Determined returns the withheld quantities that the sums and the
// published quantities determine: those whose unit vector lies in the row
// space of the sums restricted to the withheld quantities (the system
// has a single value for them whatever the others are).
func Determined(p Problem, out []bool) []int {
	var unknown []int
	col := map[int]int{}
	for i, o := range out {
		if o {
			col[i] = len(unknown)
			unknown = append(unknown, i)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	var m [][]float64
	for _, s := range p.Sums {
		row := make([]float64, len(unknown))
		any := false
		for _, i := range s.Parts {
			if c, ok := col[i]; ok {
				row[c]++
				any = true
			}
		}
		if c, ok := col[s.Total]; ok {
			row[c]--
			any = true
		}
		if any {
			m = append(m, row)
		}
	}
	rref(m)
	var det []int
	for _, row := range m {
		nz := -1
		count := 0
		for c, v := range row {
			if v != 0 {
				nz, count = c, count+1
			}
		}
		if count == 1 {
			det = append(det, unknown[nz])
		}
	}
	slices.Sort(det)
	return det
}

// rref reduces m to reduced row echelon form in place. The entries are
// small integers to start with; values within 1e-9 of zero are zero.
func rref(m [][]float64) {
	const eps = 1e-9
	if len(m) == 0 {
		return
	}
	r := 0
	for c := 0; c < len(m[0]) && r < len(m); c++ {
		pivot := -1
		for i := r; i < len(m); i++ {
			if math.Abs(m[i][c]) > eps {
				pivot = i
				break
			}
		}
		if pivot < 0 {
			continue
		}
		m[r], m[pivot] = m[pivot], m[r]
		pv := m[r][c]
		for j := range m[r] {
			m[r][j] /= pv
		}
		for i := range m {
			if i == r || math.Abs(m[i][c]) <= eps {
				continue
			}
			f := m[i][c]
			for j := range m[i] {
				m[i][j] -= f * m[r][j]
				if math.Abs(m[i][j]) <= eps {
					m[i][j] = 0
				}
			}
		}
		r++
	}
}

// Table is the problem of a table of counts of people with r rows and c
// columns (cells row by row, in the code lists' order) as a report prints
// it: with each row's total, each column's total and the grand total when
// c > 1; with the total only when c == 1 (a one-way breakdown). Values
// are the cells, then the row totals, the column totals and the grand
// total (for c == 1: the cells, then the total).
func Table(cells []float64, r, c int) Problem {
	if c == 1 {
		p := Problem{Values: append(slices.Clone(cells), sum(cells))}
		s := Sum{Total: r}
		for i := range r {
			s.Parts = append(s.Parts, i)
		}
		p.Sums = []Sum{s}
		p.Small = allTrue(len(p.Values))
		return p
	}
	values := slices.Clone(cells)
	rowAt, colAt := r*c, r*c+r
	grand := r*c + r + c
	for i := range r {
		values = append(values, sum(cells[i*c:(i+1)*c]))
	}
	for j := range c {
		t := 0.0
		for i := range r {
			t += cells[i*c+j]
		}
		values = append(values, t)
	}
	values = append(values, sum(cells))
	p := Problem{Values: values, Small: allTrue(len(values))}
	for i := range r {
		s := Sum{Total: rowAt + i}
		for j := range c {
			s.Parts = append(s.Parts, i*c+j)
		}
		p.Sums = append(p.Sums, s)
	}
	for j := range c {
		s := Sum{Total: colAt + j}
		for i := range r {
			s.Parts = append(s.Parts, i*c+j)
		}
		p.Sums = append(p.Sums, s)
	}
	rows, cols := Sum{Total: grand}, Sum{Total: grand}
	for i := range r {
		rows.Parts = append(rows.Parts, rowAt+i)
	}
	for j := range c {
		cols.Parts = append(cols.Parts, colAt+j)
	}
	p.Sums = append(p.Sums, rows, cols)
	return p
}

func sum(v []float64) float64 {
	t := 0.0
	for _, x := range v {
		t += x
	}
	return t
}

func allTrue(n int) []bool {
	b := make([]bool, n)
	for i := range b {
		b[i] = true
	}
	return b
}
