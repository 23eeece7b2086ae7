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
}

// Row is one line of a breakdown.
type Row struct {
	Key   string
	Label string
	Value float64
}

// Results are a catalogue computed on an edition, in catalogue order.
type Results struct {
	Edition *Edition
	Lang    string
	List    []*Result
	byID    map[string]*Result
}

// Lookup returns the result of the indicator with the given id.
func (rs *Results) Lookup(id string) (*Result, bool) {
	r, ok := rs.byID[id]
	return r, ok
}
