package report

// Additive reports whether the indicator's breakdown rows are parts of its
// value (counts, sums, distinct organisations), so that a row's share of the
// value and a total row make sense. Rates, ratios, means and gaps are not
// additive: their rows are figures of their own.
func (ind *Indicator) Additive() bool {
	switch ind.Measure {
	case MeasureCount, MeasureSum, MeasureDistinct:
		return len(ind.Parts) == 0
	}
	return false
}
