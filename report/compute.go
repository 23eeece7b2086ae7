package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"rendiconto/report/words"
)

// Compute computes every indicator of the catalogue on the edition. The
// labels of the results are in both languages: what prints chooses one. An
// indicator whose data files are missing is n.d., never zero.
func Compute(ed *Edition, cat *Catalogue) *Results {
	c := newComputer(ed, cat)
	rs := &Results{Edition: ed, byID: make(map[string]*Result, len(cat.Indicators))}
	for _, ind := range cat.Indicators {
		r := c.result(ind)
		rs.List = append(rs.List, r)
		rs.byID[ind.ID] = r
	}
	return rs
}

type computer struct {
	ed   *Edition
	cat  *Catalogue
	orgs map[string]*orgRecord
	sets map[string][]record
	figs map[string][]Figure
	done map[*Indicator]*Result // results so far: ratios read other indicators
}

func newComputer(ed *Edition, cat *Catalogue) *computer {
	c := &computer{ed: ed, cat: cat, orgs: make(map[string]*orgRecord, len(ed.Organisations)),
		figs: map[string][]Figure{SourceStaff: ed.Staff, SourceServices: ed.Services},
		done: map[*Indicator]*Result{}}
	kinds := ed.Vocabularies["organisation_kinds"]
	orgs := make([]record, len(ed.Organisations))
	for i := range ed.Organisations {
		o := &orgRecord{Organisation: &ed.Organisations[i]}
		if kinds != nil {
			e, _ := kinds.Lookup(o.Kind)
			o.ets = e.ETS
		}
		c.orgs[o.ID] = o
		orgs[i] = o
	}
	var projects, tables, groups []record
	for i := range ed.Projects {
		p := &ed.Projects[i]
		if !p.InAggregates {
			continue
		}
		projects = append(projects, p)
		c.mark(p.Organisations, func(o *orgRecord) { o.inProjects = true })
	}
	for i := range ed.Tables {
		tables = append(tables, &ed.Tables[i])
		c.mark(ed.Tables[i].Organisations, func(o *orgRecord) { o.atTables = true })
	}
	for i := range ed.Groups {
		groups = append(groups, &ed.Groups[i])
		c.mark(ed.Groups[i].Organisations, func(o *orgRecord) { o.inGroups = true })
	}
	c.sets = map[string][]record{
		SourceProjects:      projects,
		SourceTables:        tables,
		SourceGroups:        groups,
		SourceOrganisations: orgs,
	}
	return c
}

func (c *computer) mark(ids []string, set func(*orgRecord)) {
	for _, id := range ids {
		if o, ok := c.orgs[id]; ok {
			set(o)
		}
	}
}

// result computes the indicator once. The catalogue is checked for cycles,
// so an indicator never reads itself; the guard keeps a hand-made one safe.
func (c *computer) result(ind *Indicator) *Result {
	if r, ok := c.done[ind]; ok {
		if r == nil {
			return &Result{Indicator: ind, Reason: "circular definition"}
		}
		return r
	}
	c.done[ind] = nil
	r := c.compute(ind)
	finite(r)
	c.done[ind] = r
	return r
}

// finite makes a value or row that is not a finite number n.d.: no input
// the loaders accept should lead to one, but a NaN or an infinity must
// never reach a page or the JSON output.
func finite(r *Result) {
	if r.Value.Known && (math.IsNaN(r.Value.Num) || math.IsInf(r.Value.Num, 0)) {
		r.Value = Value{}
		r.Reason = "the result is not a finite number"
	}
	for i, row := range r.Breakdown {
		if math.IsNaN(row.Value) || math.IsInf(row.Value, 0) {
			r.Breakdown[i].Value, r.Breakdown[i].NA = 0, true
		}
	}
}

func (c *computer) compute(ind *Indicator) *Result {
	ind = c.withOffices(ind)
	r := &Result{Indicator: ind}
	for _, f := range ind.Needs() {
		if !c.ed.Has(f) {
			r.Missing = append(r.Missing, f)
		}
	}
	if len(r.Missing) > 0 {
		return r
	}
	// A code the definition names but the edition does not have: the
	// category is not recorded, so the value is n.d., not zero.
	if notes := codeNotes(c.ed, c.cat, ind); len(notes) > 0 {
		r.Reason, r.Code = notes[0].Reason(), &notes[0]
		return r
	}
	switch {
	case ind.Measure == MeasureRatio || ind.Measure == MeasureGap || (ind.Measure == MeasureShare && ind.Numerator != nil):
		c.ratio(ind, r)
		return r
	case IsAggregate(ind.Source):
		c.aggregateSum(ind, r)
		return r
	}
	recs := filter(c.sets[ind.Source], ind.Filter)
	r.Records = len(recs)
	switch ind.Measure {
	case MeasureCount:
		r.Value = Known(float64(len(recs)))
		r.Breakdown = c.breakdown(ind, recs, func(record) float64 { return 1 })
	case MeasureSum:
		r.Value = Known(sumOf(recs, ind.numeric))
		r.Breakdown = c.breakdown(ind, recs, ind.numeric)
		if len(ind.Parts) > 0 {
			r.Breakdown = parts(ind, recs, 1)
		}
	case MeasureMean:
		if len(recs) == 0 {
			r.Reason = ReasonNoRecords
			return r
		}
		n := float64(len(recs))
		r.Value = Known(sumOf(recs, ind.numeric) / n)
		if len(ind.Parts) > 0 {
			r.Breakdown = parts(ind, recs, n)
		}
	case MeasureShare:
		if len(recs) == 0 {
			r.Reason = ReasonNoRecords
			return r
		}
		r.Value = Known(float64(len(filter(recs, ind.Where))) / float64(len(recs)))
	case MeasureDistinct:
		orgs := c.distinct(recs, ind.Field)
		r.Value = Known(float64(len(orgs)))
		r.Breakdown = c.breakdown(ind, orgs, func(record) float64 { return 1 })
	}
	return r
}

// withOffices returns the indicator with its parts over the operators of
// each office (operators.sst, operators.reti, operators.other in the
// catalogue) following the edition's offices code list, one part per
// office with its labels, in the list's order; the indicator itself when
// the edition has no such list or the indicator no such part.
func (c *computer) withOffices(ind *Indicator) *Indicator {
	offices, ok := c.ed.Vocabularies[VocabOffices]
	if !ok || ind.Source != SourceProjects {
		return ind
	}
	var out []Part
	replaced := false
	for _, p := range ind.Parts {
		if !isOfficePart(p) {
			out = append(out, p)
			continue
		}
		if replaced {
			continue
		}
		replaced = true
		for _, e := range offices.Entries {
			out = append(out, Part{Field: "operators." + e.Code, Label: Text{It: e.Label, En: e.LabelEn}})
		}
	}
	if !replaced {
		return ind
	}
	cp := *ind
	cp.Parts = out
	return &cp
}

// isOfficePart reports whether the part is the operators of one office.
func isOfficePart(p Part) bool {
	office, ok := strings.CutPrefix(p.Field, "operators.")
	return ok && p.Indicator == nil && !p.IsThreshold() && office != "total" && office != "stated"
}

// numeric is the value a sum or mean adds for one record: its Field, or the
// sum of its Parts.
func (ind *Indicator) numeric(rec record) float64 {
	if len(ind.Parts) == 0 {
		return rec.number(ind.Field)
	}
	s := 0.0
	for _, p := range ind.Parts {
		s += rec.number(p.Field)
	}
	return s
}

func sumOf(recs []record, f func(record) float64) float64 {
	s := 0.0
	for _, rec := range recs {
		s += f(rec)
	}
	return s
}

// parts is the breakdown of a sum or mean over several fields: one row per
// field, its sum divided by div.
func parts(ind *Indicator, recs []record, div float64) []Row {
	rows := make([]Row, len(ind.Parts))
	for i, p := range ind.Parts {
		rows[i] = Row{Key: p.Field, Label: p.Label,
			Value: sumOf(recs, func(r record) float64 { return r.number(p.Field) }) / div}
	}
	return rows
}

// distinct returns the organisations the records name in field, in order of
// first mention. Ids unknown to organisations.yaml cannot happen in a
// validated edition; they are skipped.
func (c *computer) distinct(recs []record, field string) []record {
	seen := make(map[string]bool)
	var out []record
	for _, rec := range recs {
		for _, id := range rec.codes(field) {
			o, ok := c.orgs[id]
			if ok && !seen[id] {
				seen[id] = true
				out = append(out, o)
			}
		}
	}
	return out
}

// breakdown adds weight(rec) under each code of the By field, in the order of
// the field's code list, keeping zero rows. A record with several codes counts
// under each of them.
func (c *computer) breakdown(ind *Indicator, recs []record, weight func(record) float64) []Row {
	source := ind.Source
	if ind.Measure == MeasureDistinct {
		source = SourceOrganisations
	}
	return c.breakdownBy(source, ind.By, ind.Bins, recs, weight)
}

func (c *computer) breakdownBy(source, by string, bins []float64, recs []record, weight func(record) float64) []Row {
	if by == "" {
		return nil
	}
	field := Schema[source][by]
	if field.Kind == KindNumber {
		return binned(recs, by, bins, weight)
	}
	rows := c.domain(field.Domain)
	if field.Domain == "districts" && c.cityWide(source) {
		rows = append(rows, Row{Key: CityWide, Label: cityWideLabel})
	}
	index := make(map[string]int, len(rows))
	for i, row := range rows {
		index[row.Key] = i
	}
	for _, rec := range recs {
		w := weight(rec)
		for _, code := range rec.codes(by) {
			if i, ok := index[code]; ok {
				rows[i].Value += w
			}
		}
	}
	return rows
}

// cityWideLabel is the label of the CityWide row.
var cityWideLabel = bothIn(func(w *words.Words) string { return w.CityWide })

// cityWide reports whether the source has a record of the whole city (a
// table or group without a district): district breakdowns then end with a
// CityWide row. It is the edition's, not the filter's: every breakdown of
// the source has the same rows.
func (c *computer) cityWide(source string) bool {
	switch source {
	case SourceTables:
		return slices.ContainsFunc(c.ed.Tables, func(t Table) bool { return t.District == "" })
	case SourceGroups:
		return slices.ContainsFunc(c.ed.Groups, func(g Group) bool { return g.District == "" })
	}
	return false
}

// domain returns a zero row for each code of the named code list.
func (c *computer) domain(name string) []Row {
	var rows []Row
	switch name {
	case "districts":
		for _, d := range c.ed.Territory.Districts {
			rows = append(rows, Row{Key: d.Code, Label: Text{It: d.Name}})
		}
		return rows
	case "zones":
		for _, d := range c.ed.Territory.Districts {
			for _, z := range d.Zones {
				rows = append(rows, Row{Key: z.Code, Label: Text{It: z.Name}})
			}
		}
		return rows
	}
	if enum, ok := c.cat.Enums[name]; ok {
		for _, e := range enum {
			rows = append(rows, Row{Key: e.Code, Label: e.Label})
		}
		return rows
	}
	if v, ok := c.ed.Vocabularies[name]; ok {
		for _, e := range v.Entries {
			rows = append(rows, Row{Key: e.Code, Label: Text{It: e.Label, En: e.LabelEn}})
		}
	}
	return rows
}

// binned is the breakdown of a numeric field into classes with the given
// upper bounds, and a last open class.
func binned(recs []record, field string, bins []float64, weight func(record) float64) []Row {
	keys := binKeys(bins)
	rows := make([]Row, len(keys))
	for i, k := range keys {
		rows[i] = Row{Key: k, Label: binLabel(bins, i)}
	}
	for _, rec := range recs {
		v := rec.number(field)
		i, _ := slices.BinarySearch(bins, v)
		rows[i].Value += weight(rec)
	}
	return rows
}

// binLabel is the label of class i of bins, in both languages.
func binLabel(bins []float64, i int) Text {
	switch {
	case i == 0:
		return bothIn(func(w *words.Words) string { return fmt.Sprintf(w.UpTo, ftoa(bins[0])) })
	case i == len(bins):
		return bothIn(func(w *words.Words) string { return fmt.Sprintf(w.Over, ftoa(bins[i-1])) })
	}
	l := ftoa(bins[i-1]+1) + "–" + ftoa(bins[i])
	return Text{It: l, En: l}
}

// bothIn is the text f makes of the words of each language.
func bothIn(f func(*words.Words) string) Text {
	return Text{It: f(words.For("it")), En: f(words.For("en"))}
}

// joinLabels is the label of a cross row: a's and b's, each language its own.
func joinLabels(a, b Text) Text {
	return Text{It: a.It + ", " + b.It, En: a.In("en") + ", " + b.In("en")}
}

// filter returns the records that meet every condition.
func filter(recs []record, conds []Condition) []record {
	if len(conds) == 0 {
		return recs
	}
	var out []record
	for _, rec := range recs {
		if matchAll(rec, conds) {
			out = append(out, rec)
		}
	}
	return out
}

func matchAll(rec record, conds []Condition) bool {
	for _, c := range conds {
		if !c.match(rec) {
			return false
		}
	}
	return true
}

func (c Condition) match(rec record) bool {
	switch {
	case c.Present != nil:
		return (len(rec.codes(c.Field)) > 0) == *c.Present
	case c.Min != nil:
		return rec.number(c.Field) >= *c.Min
	case c.Max != nil:
		return rec.number(c.Field) <= *c.Max
	}
	return slices.Contains(rec.codes(c.Field), c.Equals)
}

// sums is the sum of numeric fields of the indicator's source after its
// filter, and its breakdown by the given fields, in the order of their code
// lists, zero rows kept. reason is set when the data cannot answer.
type sums struct {
	total  float64
	rows   []Row
	reason string
}

// sum adds fields over the indicator's source: records after the filter, or
// the figures of an aggregate source that answer the question.
func (c *computer) sum(ind *Indicator, fields []string, by, across string) sums {
	if !IsAggregate(ind.Source) {
		recs := filter(c.sets[ind.Source], ind.Filter)
		weight := func(rec record) float64 {
			s := 0.0
			for _, f := range fields {
				s += rec.number(f)
			}
			return s
		}
		return sums{total: sumOf(recs, weight), rows: c.breakdownBy(ind.Source, by, ind.Bins, recs, weight)}
	}
	q := query{conds: map[string]string{}}
	for _, cond := range ind.Filter {
		q.conds[cond.Field] = cond.Equals
	}
	for _, d := range []string{by, across} {
		if d != "" {
			q.dims = append(q.dims, d)
		}
	}
	var out sums
	cells := map[string]float64{}
	for _, f := range fields {
		q.measure = f
		t, cs, ok := q.answer(c.figs[ind.Source])
		if !ok {
			return sums{reason: sourceFile[ind.Source] + reasonNoFigure + q.describe()}
		}
		out.total += t
		for k, v := range cs {
			cells[k] += v
		}
	}
	if by == "" {
		return out
	}
	schema := Schema[ind.Source]
	rows := c.domain(schema[by].Domain)
	if across != "" {
		inner := c.domain(schema[across].Domain)
		var cross []Row
		for _, a := range rows {
			for _, b := range inner {
				cross = append(cross, Row{Key: a.Key + "/" + b.Key, Label: joinLabels(a.Label, b.Label)})
			}
		}
		rows = cross
	}
	for i := range rows {
		rows[i].Value = cells[rows[i].Key]
	}
	out.rows = rows
	return out
}

// aggregateSum is a sum over an aggregate source: of its field, or of its
// parts (one row each).
func (c *computer) aggregateSum(ind *Indicator, r *Result) {
	fields := []string{ind.Field}
	if len(ind.Parts) > 0 {
		fields = nil
		for _, p := range ind.Parts {
			fields = append(fields, p.Field)
		}
	}
	s := c.sum(ind, fields, ind.By, ind.Across)
	if s.reason != "" {
		r.Reason = s.reason
		return
	}
	r.Value, r.Breakdown = Known(s.total), s.rows
	for _, p := range ind.Parts {
		ps := c.sum(ind, []string{p.Field}, "", "")
		r.Breakdown = append(r.Breakdown, Row{Key: p.RowKey(), Label: p.Label, Value: ps.total})
	}
}

// operand is the value of a term of a ratio, and a function giving its
// value for a breakdown row (by key), for the denominator of a row.
type operand struct {
	value  Value
	row    func(key string) (float64, bool)
	reason string
}

func (c *computer) operand(ind *Indicator, o *Operand) operand {
	switch {
	case o == nil:
		return operand{value: Known(1), row: func(string) (float64, bool) { return 1, true }}
	case o.Residents:
		total := float64(c.ed.Territory.Residents())
		return operand{value: Known(total), row: func(key string) (float64, bool) {
			for _, d := range c.ed.Territory.Districts {
				if d.Code == key {
					return float64(d.Residents), true
				}
			}
			if key == CityWide {
				// the whole city's records: not a rate of any district's
				// residents, and not comparable with the city's rate
				return 0, false
			}
			return total, true
		}}
	case o.Ref != nil:
		r := c.result(o.Ref)
		if !r.Value.Known {
			return operand{reason: o.Ref.ID + reasonDependsSuffix}
		}
		return operand{value: r.Value, row: func(key string) (float64, bool) {
			if r.Breakdown == nil {
				return r.Value.Num, true
			}
			for _, row := range r.Breakdown {
				if row.Key == key {
					return row.Value, true
				}
			}
			return 0, false
		}}
	}
	s := c.sum(ind, o.Fields, ind.By, ind.Across)
	if s.reason != "" {
		return operand{reason: s.reason}
	}
	return operand{value: Known(s.total), row: func(key string) (float64, bool) {
		for _, row := range s.rows {
			if row.Key == key {
				return row.Value, true
			}
		}
		return s.total, len(s.rows) == 0
	}}
}

// ratio computes a ratio, a share of two terms or a gap to thresholds.
// A zero or n.d. denominator makes the value n.d., never zero; a breakdown
// row or part whose denominator is zero or n.d. is kept, n.d. (Row.NA), so
// that every row the catalogue defines is there.
func (c *computer) ratio(ind *Indicator, r *Result) {
	num, den := c.operand(ind, ind.Numerator), c.operand(ind, ind.Denominator)
	for _, o := range []operand{num, den} {
		if o.reason != "" {
			r.Reason = o.reason
			return
		}
	}
	factor := orOne(ind.Factor)
	if ind.Measure == MeasureGap {
		for _, p := range ind.Parts {
			gap := num.value.Num - den.value.Num/p.Per
			r.Breakdown = append(r.Breakdown, Row{Key: p.RowKey(), Label: p.Label, Value: gap})
			if p.Main || (!r.Value.Known && !slices.ContainsFunc(ind.Parts, func(p Part) bool { return p.Main })) {
				r.Value = Known(gap)
			}
		}
		return
	}
	if den.value.Num == 0 {
		r.Reason = ReasonZeroDenominator
		return
	}
	r.Value = Known(num.value.Num / den.value.Num * factor)
	if ind.People {
		r.counts = map[string]float64{"": num.value.Num}
	}
	if ind.By != "" && ind.Numerator != nil && len(ind.Numerator.Fields) > 0 {
		rows := c.sum(ind, ind.Numerator.Fields, ind.By, ind.Across).rows
		for _, row := range rows {
			if ind.People {
				r.counts[row.Key] = row.Value
			}
			if d, ok := den.row(row.Key); ok && d != 0 {
				row.Value = row.Value / d * factor
				r.Breakdown = append(r.Breakdown, row)
			} else {
				r.markNA(row)
			}
		}
	}
	for _, p := range ind.Parts {
		row := Row{Key: p.RowKey(), Label: p.Label}
		if v, ok := c.part(ind, p, factor); ok {
			row.Value = v
			r.Breakdown = append(r.Breakdown, row)
		} else {
			r.markNA(row)
		}
	}
}

// part is the value of one related figure of a ratio or share.
func (c *computer) part(ind *Indicator, p Part, factor float64) (float64, bool) {
	if p.IsThreshold() {
		return factor / p.Per, true // the ratio's value that meets the threshold
	}
	var v float64
	if p.Indicator != nil {
		o := c.operand(ind, p.Indicator)
		if o.reason != "" {
			return 0, false
		}
		v = o.value.Num
	} else {
		s := c.sum(ind, []string{p.Field}, "", "")
		if s.reason != "" {
			return 0, false
		}
		v = s.total
	}
	if p.Denominator != nil {
		d := c.operand(ind, p.Denominator)
		if d.reason != "" || d.value.Num == 0 {
			return 0, false
		}
		v = v / d.value.Num * orOne(p.Factor)
	} else if p.Factor != 0 {
		v *= p.Factor
	}
	return v, true
}
