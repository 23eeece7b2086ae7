package report

import (
	"fmt"
	"strings"

	"rendiconto/report/privacy"
)

// Withhold withholds, on computed results, the counts of people that may
// not be published and what would give them away, and returns how many
// figures (values and breakdown rows) it withheld:
//
//   - a People count from 1 to threshold−1 (primary suppression), in the
//     value or a row; 0 reveals nobody and stays;
//   - in a breakdown whose rows add up to the value (one-way) or to row,
//     column and grand totals (by × across), as few more cells as keep
//     every withheld one from being recomputed (privacy.Suppress);
//   - the rows of a People ratio or share whose numerator count is
//     withheld, and its value when the numerator's total is;
//   - every figure computed from a withheld value (a ratio whose
//     numerator, denominator or part is that indicator).
//
// A withheld figure is n.d. to every reader of the results (Value not
// Known, Row.NA), so no output can print it by mistake; Withheld tells
// it apart from a missing one.
func Withhold(rs *Results, threshold int) int {
	rs.Threshold = threshold
	n := 0
	for _, r := range rs.List {
		if !r.Indicator.People || !r.Value.Known {
			continue
		}
		if r.counts != nil {
			n += withholdRatio(r, threshold)
		} else {
			n += withholdCounts(r, threshold)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, r := range rs.List {
			if r.Value.Known && refersToWithheld(r.Indicator, rs) {
				n += withholdAll(r, threshold)
				changed = true
			}
		}
	}
	return n
}

// withheldReason is the Reason of a withheld value.
func withheldReason(threshold int) string {
	return fmt.Sprintf("withheld: a count of people below %d, or a figure that would reveal one", threshold)
}

func withholdValue(r *Result, threshold int) {
	r.Value, r.Withheld, r.Reason = Value{}, true, withheldReason(threshold)
}

func withholdRow(row *Row) {
	row.Value, row.NA, row.Withheld = 0, true, true
}

// withholdCounts withholds in a count or sum of people.
func withholdCounts(r *Result, threshold int) int {
	ind := r.Indicator
	rows := r.Breakdown
	var grid []int // the rows of the breakdown proper, by × across or by
	var apart []int
	for i, row := range rows {
		switch {
		case row.NA:
		case ind.Across != "" && strings.Contains(row.Key, "/"):
			grid = append(grid, i)
		case ind.Across == "" && ind.By != "" && i < len(rows)-len(ind.Parts):
			grid = append(grid, i)
		default:
			apart = append(apart, i)
		}
	}
	n := 0
	// Rows that do not add up to the value (a multi-valued field, the
	// parts of a sum): each withheld alone when small.
	if !ind.Additive() || multiValued(ind) {
		apart, grid = append(grid, apart...), nil
	}
	for _, i := range apart {
		if small(rows[i].Value, threshold) {
			withholdRow(&rows[i])
			n++
		}
	}
	if len(grid) == 0 {
		if small(r.Value.Num, threshold) {
			withholdValue(r, threshold)
			n++
		}
		return n
	}
	cells := make([]float64, len(grid))
	for k, i := range grid {
		cells[k] = rows[i].Value
	}
	nr, nc := len(grid), 1
	if ind.Across != "" {
		nr = distinctBy(rows, grid)
		nc = len(grid) / nr
	}
	p := privacy.Table(cells, nr, nc)
	// The value is the grand total: what the records give, even if a
	// cell were missing from the code lists.
	p.Values[len(p.Values)-1] = r.Value.Num
	out := privacy.Suppress(p, threshold)
	for k, i := range grid {
		if out[k] {
			withholdRow(&rows[i])
			n++
		}
	}
	if out[len(out)-1] {
		withholdValue(r, threshold)
		n++
	}
	return n
}

// distinctBy counts the codes of by among the grid's row keys (by/across).
func distinctBy(rows []Row, grid []int) int {
	seen := map[string]bool{}
	for _, i := range grid {
		by, _, _ := strings.Cut(rows[i].Key, "/")
		seen[by] = true
	}
	if len(seen) == 0 || len(grid)%len(seen) != 0 {
		return len(grid) // not a full grid: rows apart
	}
	return len(seen)
}

func multiValued(ind *Indicator) bool {
	f, ok := Schema[ind.Source][ind.By]
	return ok && (f.Kind == KindCodes || f.Kind == KindRefs)
}

func small(v float64, threshold int) bool {
	return v >= 1 && v < float64(threshold)
}

// withholdRatio withholds in a ratio or share whose numerator counts
// people: a one-way problem over the numerator's counts by row.
func withholdRatio(r *Result, threshold int) int {
	var keyed []int
	var cells []float64
	for i, row := range r.Breakdown {
		if c, ok := r.counts[row.Key]; ok && !row.NA {
			keyed = append(keyed, i)
			cells = append(cells, c)
		}
	}
	n := 0
	total := r.counts[""]
	if len(keyed) == 0 {
		if small(total, threshold) {
			withholdValue(r, threshold)
			n++
		}
	} else {
		p := privacy.Table(cells, len(cells), 1)
		p.Values[len(p.Values)-1] = total
		out := privacy.Suppress(p, threshold)
		for k, i := range keyed {
			if out[k] {
				withholdRow(&r.Breakdown[i])
				n++
			}
		}
		if out[len(out)-1] {
			withholdValue(r, threshold)
			n++
		}
	}
	// The parts that are counts of the same people.
	for _, p := range r.Indicator.Parts {
		if p.Field == "" || p.Denominator != nil || p.Factor != 0 || p.IsThreshold() {
			continue
		}
		for i := range r.Breakdown {
			row := &r.Breakdown[i]
			if row.Key == p.RowKey() && !row.NA && small(row.Value, threshold) {
				withholdRow(row)
				n++
			}
		}
	}
	return n
}

// withholdAll withholds a value computed from a withheld one, and its rows.
func withholdAll(r *Result, threshold int) int {
	withholdValue(r, threshold)
	n := 1
	for i := range r.Breakdown {
		if !r.Breakdown[i].NA {
			withholdRow(&r.Breakdown[i])
			n++
		}
	}
	return n
}

// refersToWithheld reports whether the indicator is computed from the
// value of an indicator that is withheld.
func refersToWithheld(ind *Indicator, rs *Results) bool {
	ops := []*Operand{ind.Numerator, ind.Denominator}
	for _, p := range ind.Parts {
		ops = append(ops, p.Indicator, p.Denominator)
	}
	for _, o := range ops {
		if o == nil || o.Ref == nil {
			continue
		}
		if ref, ok := rs.Lookup(o.Ref.ID); ok && ref.Withheld {
			return true
		}
	}
	return false
}
