package report

import "slices"

// Notes on a breakdown row of a comparison, when its code is not simply
// the same code in both editions.
const (
	NoteMapped    = "mapped"  // compared with the sum of the old codes its entry says it was
	NoteNew       = "new"     // the code did not exist in the earlier edition
	NoteDropped   = "dropped" // the code was dropped without a successor: a change of definition
	NoteSplit     = "split"   // an old code split into several: each part is not comparable alone
	NoteMerged    = "merged"  // several old codes merged into one of a rate or mean: not comparable
	NoteUnchanged = ""
)

// Comparison is the change of every indicator between two editions.
type Comparison struct {
	From, To   *Results
	Indicators []*Change
}

// Change is one indicator in two editions. Change is To − From, n.d. when
// either is; ChangePct is that change in percent of From, n.d. also when
// From is zero.
type Change struct {
	Indicator        *Indicator
	From, To         Value
	Change           Value
	ChangePct        Value
	Breakdown        []RowChange
	DefinitionChange bool // a code of its breakdown was dropped or split
	// FromWithheld and ToWithheld mark a value withheld to protect people
	// in that edition (Withhold): it is n.d., and so is the change.
	FromWithheld, ToWithheld bool
}

// RowChange is a breakdown row in two editions.
type RowChange struct {
	Key      string
	Label    Text // in both languages, as Row.Label
	From, To Value
	Change   Value
	Note     string
	Was      []string // the earlier edition's codes a mapped row is compared with
	// FromWithheld and ToWithheld mark a row withheld in that edition (for
	// a mapped row, any of the codes it is compared with).
	FromWithheld, ToWithheld bool
}

// Compare compares two editions' results, indicator by indicator, in the
// order of the later one's catalogue. A code whose vocabulary entry says
// `was: [old codes]` is compared with the sum of those codes; a code dropped
// without a successor is reported as a change of definition, never compared
// as if it were zero.
func Compare(from, to *Results) *Comparison {
	return CompareAcross(from, to, nil)
}

// CompareAcross is Compare of two editions that are not consecutive:
// between holds the editions after from and before to, oldest first, whose
// was: entries lead from to's codes back to from's.
func CompareAcross(from, to *Results, between []*Edition) *Comparison {
	cr := NewComparer(from, to, between)
	c := &Comparison{From: from, To: to}
	for _, rt := range to.List {
		c.Indicators = append(c.Indicators, cr.change(rt))
	}
	return c
}

// Comparer compares two editions one indicator at a time, for a reader
// that needs only some of them: of thousands of breakdown rows, only those
// asked for are paired. The editions are as for CompareAcross.
type Comparer struct {
	from, to *Results
	was      *wasMaps
}

// NewComparer returns a Comparer of the two editions; between is as for
// CompareAcross.
func NewComparer(from, to *Results, between []*Edition) *Comparer {
	chain := append(slices.Clone(between), to.Edition)
	return &Comparer{from: from, to: to, was: &wasMaps{chain: chain, byDomain: map[string]map[string][]string{}, fromEd: from.Edition}}
}

// Change returns the change of the later edition's indicator id, as
// CompareAcross has it; false when that edition has no such indicator.
func (cr *Comparer) Change(id string) (*Change, bool) {
	rt, ok := cr.to.Lookup(id)
	if !ok {
		return nil, false
	}
	return cr.change(rt), true
}

func (cr *Comparer) change(rt *Result) *Change {
	ch := &Change{Indicator: rt.Indicator, To: rt.Value, ToWithheld: rt.Withheld}
	rf, ok := cr.from.Lookup(rt.Indicator.ID)
	if ok {
		ch.From, ch.FromWithheld = rf.Value, rf.Withheld
	}
	ch.Change, ch.ChangePct = diff(ch.From, ch.To)
	if ok {
		rf, rt = cityRows(rf, rt)
		ch.Breakdown, ch.DefinitionChange = compareRows(rt.Indicator, rf, rt, cr.was)
	}
	return ch
}

// cityRows gives both results the CityWide row of a district breakdown when
// one of them has it: the edition without it had no city-wide record, a
// zero, not a code dropped or new. The results are copied, never changed.
func cityRows(rf, rt *Result) (*Result, *Result) {
	add := func(r, other *Result) *Result {
		i := slices.IndexFunc(other.Breakdown, func(row Row) bool { return row.Key == CityWide })
		if i < 0 || !r.Value.Known || r.Breakdown == nil ||
			slices.ContainsFunc(r.Breakdown, func(row Row) bool { return row.Key == CityWide }) ||
			Schema[r.Indicator.Source][r.Indicator.By].Domain != "districts" {
			return r
		}
		cp := *r
		cp.Breakdown = append(slices.Clip(r.Breakdown), Row{Key: CityWide, Label: other.Breakdown[i].Label, NA: other.Breakdown[i].NA})
		return &cp
	}
	return add(rf, rt), add(rt, rf)
}

// diff returns to − from and that change in percent of from.
func diff(from, to Value) (change, pct Value) {
	if !from.Known || !to.Known {
		return Value{}, Value{}
	}
	change = Known(to.Num - from.Num)
	if from.Num != 0 {
		pct = Known((to.Num - from.Num) / from.Num * 100)
	}
	return change, pct
}

// compareRows pairs the breakdown rows of two editions through the code
// list's `was:` entries.
func compareRows(ind *Indicator, rf, rt *Result, maps *wasMaps) ([]RowChange, bool) {
	if rt.Breakdown == nil && rf.Breakdown == nil {
		return nil, false
	}
	if !rt.Value.Known {
		// The later edition lacks the data: every row is n.d. there, which
		// says nothing of the code list.
		rows := make([]RowChange, len(rf.Breakdown))
		for i, r := range rf.Breakdown {
			rows[i] = RowChange{Key: r.Key, Label: r.Label, From: rf.RowValue(r), FromWithheld: r.Withheld, ToWithheld: rt.Withheld}
		}
		return rows, false
	}
	was := maps.wasMap(ind)
	old := make(map[string]Value, len(rf.Breakdown))
	oldLabel := make(map[string]Text, len(rf.Breakdown))
	oldWithheld := make(map[string]bool)
	for _, r := range rf.Breakdown {
		old[r.Key] = rf.RowValue(r)
		oldLabel[r.Key] = r.Label
		if r.Withheld {
			oldWithheld[r.Key] = true
		}
	}
	// claimed counts, for each old code, the new codes that take it over.
	// A code kept without was: takes over its own old code.
	claimed := make(map[string]int, len(rt.Breakdown))
	for _, r := range rt.Breakdown {
		olds := was[r.Key]
		if len(olds) == 0 {
			olds = []string{r.Key}
		}
		for _, o := range olds {
			claimed[o]++
		}
	}
	redefined := false
	rows := make([]RowChange, 0, len(rt.Breakdown))
	for _, r := range rt.Breakdown {
		row := RowChange{Key: r.Key, Label: r.Label, To: rt.RowValue(r), ToWithheld: r.Withheld}
		switch olds := was[r.Key]; {
		case len(olds) > 0 && anyClaimedTwice(olds, claimed):
			row.Note, row.Was = NoteSplit, olds
			redefined = true
		case len(olds) > 1 && !ind.Additive():
			// a rate or mean of merged codes is not the sum of their rates
			row.Note, row.Was = NoteMerged, olds
			redefined = true
		case len(olds) > 0:
			sum, found, na := 0.0, false, false
			for _, o := range olds {
				v, ok := old[o]
				sum += v.Num
				found = found || ok
				na = na || (ok && !v.Known)
				row.FromWithheld = row.FromWithheld || oldWithheld[o]
			}
			if len(olds) > 1 && rf.Records > 0 {
				// a record with several of the old codes counts once
				if v, ok := maps.merged(rf.Indicator, olds); ok {
					sum = v
				}
			}
			row.Note, row.Was = NoteMapped, olds
			if found && !na {
				row.From = Known(sum)
			}
		case claimed[r.Key] > 1:
			// kept, but another code also says it was this one
			row.Note, row.Was = NoteSplit, []string{r.Key}
			redefined = true
		default:
			if v, ok := old[r.Key]; ok && rf.Value.Known {
				row.From, row.FromWithheld = v, oldWithheld[r.Key]
			} else if rf.Value.Known {
				row.Note = NoteNew
			}
		}
		if !rf.Value.Known {
			row.From = Value{}
		}
		row.Change, _ = diff(row.From, row.To)
		rows = append(rows, row)
	}
	// Old codes neither kept nor taken over: dropped without a successor.
	kept := make(map[string]bool, len(rt.Breakdown))
	for _, r := range rt.Breakdown {
		kept[r.Key] = true
	}
	for _, r := range rf.Breakdown {
		if kept[r.Key] || claimed[r.Key] > 0 {
			continue
		}
		rows = append(rows, RowChange{Key: r.Key, Label: oldLabel[r.Key], From: rf.RowValue(r), Note: NoteDropped, FromWithheld: r.Withheld})
		redefined = true
	}
	return rows, redefined
}

func anyClaimedTwice(olds []string, claimed map[string]int) bool {
	for _, o := range olds {
		if claimed[o] > 1 {
			return true
		}
	}
	return false
}

// wasMap returns, for each code of the vocabulary the indicator breaks down
// by in the last edition of chain, the codes of the edition before the
// chain that it replaces, following the was: entries of every edition of the
// chain; a code that keeps its name has no entry. Territory and enums have
// no such map. The map depends only on the vocabulary: it is made once per
// domain and shared by every indicator that breaks down by it (and must not
// be changed).
func (w *wasMaps) wasMap(ind *Indicator) map[string][]string {
	source := ind.Source
	if ind.Measure == MeasureDistinct {
		source = SourceOrganisations
	}
	field, ok := Schema[source][ind.By]
	if !ok {
		return nil
	}
	if m, ok := w.byDomain[field.Domain]; ok {
		return m
	}
	m := wasMap(field.Domain, w.chain, &w.work)
	w.byDomain[field.Domain] = m
	return m
}

// wasMaps are the was: maps of one comparison, by vocabulary.
type wasMaps struct {
	chain    []*Edition
	byDomain map[string]map[string][]string
	work     int // entries indexed and codes traced, for the tests

	fromEd *Edition  // the earlier edition, whose records merged rows count
	from   *computer // its record sets, made when a merged row first needs them
}

// merged is the value, in the earlier edition, of a row of ind (an
// indicator of that edition) that stands for the old codes olds: a count or
// sum over the records having any of them, each record once, however many
// of those codes it has (a group tagged [casa, lavoro] merged into one code
// counts 1, not 2). It reuses Compute's filter and weights. ok is false
// when the row is rightly the sum of the old rows: a field with one code
// per record or per cell (aggregate figures), or no records to read.
func (w *wasMaps) merged(ind *Indicator, olds []string) (v float64, ok bool) {
	if ind == nil || w.fromEd == nil || IsAggregate(ind.Source) || len(ind.Parts) > 0 {
		return 0, false
	}
	source := ind.Source
	if ind.Measure == MeasureDistinct {
		source = SourceOrganisations
	}
	if Schema[source][ind.By].Kind != KindCodes {
		return 0, false
	}
	if w.from == nil {
		w.from = newComputer(w.fromEd, nil)
	}
	recs := filter(w.from.sets[ind.Source], ind.Filter)
	weight := func(record) float64 { return 1 }
	switch ind.Measure {
	case MeasureCount:
	case MeasureSum:
		weight = ind.numeric
	case MeasureDistinct:
		recs = w.from.distinct(recs, ind.Field)
	default:
		return 0, false
	}
	for _, rec := range recs {
		if slices.ContainsFunc(rec.codes(ind.By), func(c string) bool { return slices.Contains(olds, c) }) {
			v += weight(rec)
		}
	}
	return v, true
}

// wasMap is the was: map of the vocabulary domain in the last edition of
// chain (see wasMaps.wasMap). Each vocabulary of the chain is indexed once,
// so that the map takes time linear in the codes.
func wasMap(domain string, chain []*Edition, work *int) map[string][]string {
	// index[k] is the entries of the domain's vocabulary in chain[k] by
	// code (the first entry of a code, as Vocabulary.Lookup finds it); nil
	// when that edition has no such vocabulary.
	index := make([]map[string]*Entry, len(chain))
	for k, ed := range chain {
		v := ed.Vocabularies[domain]
		if v == nil {
			continue
		}
		byCode := make(map[string]*Entry, len(v.Entries))
		*work += len(v.Entries)
		for i := range v.Entries {
			if _, ok := byCode[v.Entries[i].Code]; !ok {
				byCode[v.Entries[i].Code] = &v.Entries[i]
			}
		}
		index[k] = byCode
	}
	last := chain[len(chain)-1].Vocabularies[domain]
	if last == nil {
		return nil
	}
	// origins returns the codes of the edition before chain[k] that code,
	// a code of chain[k], stands for.
	var origins func(code string, k int) []string
	origins = func(code string, k int) []string {
		*work++
		olds := []string{code}
		if v := index[k]; v != nil {
			if e, ok := v[code]; ok && len(e.Was) > 0 {
				olds = e.Was
			}
		}
		if k == 0 {
			return olds
		}
		var out []string
		for _, o := range olds {
			if v := index[k-1]; v != nil {
				if _, ok := v[o]; ok {
					out = append(out, origins(o, k-1)...)
				}
			}
		}
		return out
	}
	m := map[string][]string{}
	for _, e := range last.Entries {
		// A code new in between has no origins: compared as a new code.
		if olds := origins(e.Code, len(chain)-1); len(olds) > 0 && !(len(olds) == 1 && olds[0] == e.Code) {
			m[e.Code] = olds
		}
	}
	return m
}
