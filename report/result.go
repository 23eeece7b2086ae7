package report

// Value is an indicator's figure, or n.d. (not available) when Known is
// false. An unknown value is never read as zero.
type Value struct {
	Num   float64
	Known bool
}

// Known returns a known value.
func Known(n float64) Value { return Value{Num: n, Known: true} }

// Result is an indicator computed on one edition.
type Result struct {
	Indicator *Indicator
	Value     Value
	// Breakdown has one row per code of the By field, in the code list's
	// order, zero rows included; nil when the indicator has no breakdown or
	// is not available.
	Breakdown []Row
	// Records is how many records the value was computed from (after the
	// filter): the base of a share, the "out of N" of a breakdown.
	Records int
	// Missing names the data files whose absence made the value n.d.
	Missing []string
	// Reason says why the value is n.d. when no file is missing (a share
	// with no records).
	Reason string
	// Code is set when the value is n.d. because a code the indicator's
	// definition names is not in the edition's code list (CodeNotes).
	Code *CodeNote
	// Withheld marks a value not published to protect people (Withhold):
	// it is not Known, and Reason says why.
	Withheld bool

	// counts are the numerator's counts of people of a People ratio, by
	// breakdown key ("" for the value), for Withhold.
	counts map[string]float64
}

// Row is one line of a breakdown.
type Row struct {
	Key string
	// Label is the row's label in both languages (In chooses one).
	Label Text
	Value float64
	// NA marks a row that is n.d. (a ratio's row whose denominator is zero
	// or n.d.): such a row is kept, so that every row the catalogue defines
	// is there, but its Value is 0 and must never be read as a number.
	NA bool
	// Withheld marks a row not published to protect people (Withhold); it
	// is NA too, so that no code reads its value.
	Withheld bool
}

// RowValue returns the value of the breakdown row, n.d. when it is NA.
func (r *Result) RowValue(row Row) Value {
	if row.NA {
		return Value{}
	}
	return Known(row.Value)
}

// markNA appends a row that is n.d.
func (r *Result) markNA(row Row) {
	row.Value, row.NA = 0, true
	r.Breakdown = append(r.Breakdown, row)
}

// Results are a catalogue computed on an edition, in catalogue order.
type Results struct {
	Edition *Edition
	List    []*Result
	byID    map[string]*Result

	// Threshold is the privacy threshold Withhold applied: 0 when it was
	// not applied.
	Threshold int
	// Internal marks results for internal use only: Withhold was not
	// applied on purpose, and every output says so (--internal).
	Internal bool
	// District is set on results of an edition seen from one district
	// (ComputeDistrict); nil for the whole city's.
	District *DistrictView
}

// Lookup returns the result of the indicator with the given id.
func (rs *Results) Lookup(id string) (*Result, bool) {
	r, ok := rs.byID[id]
	return r, ok
}
