package report

import "slices"

// Compute computes every indicator of the catalogue on the edition, with
// labels in lang ("it" or "en"). An indicator whose data files are missing is
// n.d., never zero.
func Compute(ed *Edition, cat *Catalogue, lang string) *Results {
	c := newComputer(ed, cat, lang)
	rs := &Results{Edition: ed, Lang: lang, byID: make(map[string]*Result, len(cat.Indicators))}
	for _, ind := range cat.Indicators {
		r := c.compute(ind)
		rs.List = append(rs.List, r)
		rs.byID[ind.ID] = r
	}
	return rs
}

type computer struct {
	ed   *Edition
	cat  *Catalogue
	lang string
	orgs map[string]*orgRecord
	sets map[string][]record
}

func newComputer(ed *Edition, cat *Catalogue, lang string) *computer {
	c := &computer{ed: ed, cat: cat, lang: lang, orgs: make(map[string]*orgRecord, len(ed.Organisations))}
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

func (c *computer) compute(ind *Indicator) *Result {
	r := &Result{Indicator: ind}
	for _, f := range ind.Files() {
		if !c.ed.Has(f) {
			r.Missing = append(r.Missing, f)
		}
	}
	if len(r.Missing) > 0 {
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
			r.Breakdown = parts(ind, recs, 1, c.lang)
		}
	case MeasureMean:
		if len(recs) == 0 {
			r.Reason = "no records"
			return r
		}
		n := float64(len(recs))
		r.Value = Known(sumOf(recs, ind.numeric) / n)
		if len(ind.Parts) > 0 {
			r.Breakdown = parts(ind, recs, n, c.lang)
		}
	case MeasureShare:
		if len(recs) == 0 {
			r.Reason = "no records"
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
func parts(ind *Indicator, recs []record, div float64, lang string) []Row {
	rows := make([]Row, len(ind.Parts))
	for i, p := range ind.Parts {
		rows[i] = Row{Key: p.Field, Label: p.Label.In(lang),
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
	if ind.By == "" {
		return nil
	}
	source := ind.Source
	if ind.Measure == MeasureDistinct {
		source = SourceOrganisations
	}
	field := Schema[source][ind.By]
	if field.Kind == KindNumber {
		return binned(recs, ind.By, ind.Bins, weight, c.lang)
	}
	rows := c.domain(field.Domain)
	index := make(map[string]int, len(rows))
	for i, row := range rows {
		index[row.Key] = i
	}
	for _, rec := range recs {
		w := weight(rec)
		for _, code := range rec.codes(ind.By) {
			if i, ok := index[code]; ok {
				rows[i].Value += w
			}
		}
	}
	return rows
}

// domain returns a zero row for each code of the named code list.
func (c *computer) domain(name string) []Row {
	var rows []Row
	switch name {
	case "districts":
		for _, d := range c.ed.Territory.Districts {
			rows = append(rows, Row{Key: d.Code, Label: d.Name})
		}
		return rows
	case "zones":
		for _, d := range c.ed.Territory.Districts {
			for _, z := range d.Zones {
				rows = append(rows, Row{Key: z.Code, Label: z.Name})
			}
		}
		return rows
	}
	if enum, ok := c.cat.Enums[name]; ok {
		for _, e := range enum {
			rows = append(rows, Row{Key: e.Code, Label: e.Label.In(c.lang)})
		}
		return rows
	}
	if v, ok := c.ed.Vocabularies[name]; ok {
		for _, e := range v.Entries {
			rows = append(rows, Row{Key: e.Code, Label: e.Label})
		}
	}
	return rows
}

// binned is the breakdown of a numeric field into classes with the given
// upper bounds, and a last open class.
func binned(recs []record, field string, bins []float64, weight func(record) float64, lang string) []Row {
	keys := binKeys(bins)
	rows := make([]Row, len(keys))
	for i, k := range keys {
		rows[i] = Row{Key: k, Label: binLabel(bins, i, lang)}
	}
	for _, rec := range recs {
		v := rec.number(field)
		i, _ := slices.BinarySearch(bins, v)
		rows[i].Value += weight(rec)
	}
	return rows
}

func binLabel(bins []float64, i int, lang string) string {
	upTo, over := "fino a ", "oltre "
	if lang == "en" {
		upTo, over = "up to ", "over "
	}
	switch {
	case i == 0:
		return upTo + ftoa(bins[0])
	case i == len(bins):
		return over + ftoa(bins[i-1])
	}
	return ftoa(bins[i-1]+1) + "–" + ftoa(bins[i])
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
