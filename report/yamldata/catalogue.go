package yamldata

import (
	"cmp"
	"maps"
	"slices"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
	"rendiconto/report/document"
)

// ParseCatalogue reads an indicator catalogue. name is the file name used in
// messages. Every indicator is checked against report.Schema: an unknown
// source, measure, field or enum is an error at its line.
func ParseCatalogue(name string, data []byte) (*report.Catalogue, error) {
	var errs report.ErrorList
	d := &decoder{file: name, errs: &errs}
	root := d.parse(data, false)
	if root == nil {
		return nil, errs
	}
	cat := &report.Catalogue{Enums: map[string][]report.EnumEntry{}}
	f := d.fields(root, "catalogue", "enums", "indicators!")
	d.enums(f["enums"], cat.Enums)
	seen := newIDs("indicator id")
	var links []link
	for _, in := range d.list(f["indicators"], "indicators") {
		if ind := d.indicator(in, cat, &links); ind != nil {
			seen.add(d, in, ind.ID)
			cat.Indicators = append(cat.Indicators, ind)
		}
	}
	d.link(cat, links)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return cat, nil
}

func (d *decoder) text(n *yaml.Node, what string, k textKind) report.Text {
	if n == nil {
		return report.Text{}
	}
	f := d.fields(n, what, "it!", "en")
	return report.Text{It: d.textOf(f["it"], what, k), En: d.textOf(f["en"], what, k)}
}

var measures = []string{report.MeasureCount, report.MeasureSum, report.MeasureDistinct, report.MeasureShare,
	report.MeasureMean, report.MeasureRatio, report.MeasureGap}

func (d *decoder) indicator(n *yaml.Node, cat *report.Catalogue, links *[]link) *report.Indicator {
	f := d.fields(n, "indicator", "id!", "title!", "unit!", "definition!", "source", "measure!",
		"field", "parts", "filter", "where", "by", "across", "bins", "chart", "numerator", "denominator", "factor", "people")
	if f == nil {
		return nil
	}
	ind := &report.Indicator{
		ID:         d.str(f["id"], "id"),
		Title:      d.text(f["title"], "title", titleText),
		Unit:       d.text(f["unit"], "unit", nameText),
		Definition: d.text(f["definition"], "definition", freeText),
		Source:     d.str(f["source"], "source"),
		Measure:    d.str(f["measure"], "measure"),
		Field:      d.str(f["field"], "field"),
		By:         d.str(f["by"], "by"),
		Chart:      d.str(f["chart"], "chart"),
		Across:     d.str(f["across"], "across"),
		People:     d.boolean(f["people"], "people", false),
	}
	if pn := f["people"]; pn != nil && ind.People && ind.Measure != report.MeasureCount && ind.Measure != report.MeasureSum &&
		ind.Measure != report.MeasureRatio && ind.Measure != report.MeasureShare {
		d.errorf(pn, "people marks a count or sum of people, or a ratio or share whose numerator is one; not a %s", ind.Measure)
	}
	if mn := f["measure"]; mn != nil && !slices.Contains(measures, ind.Measure) {
		d.errorf(mn, "unknown measure %q%s", ind.Measure, report.Hint(ind.Measure, measures))
		return nil
	}
	if cn := f["chart"]; cn != nil && !document.ValidChartKind(ind.Chart) {
		d.errorf(cn, "unknown chart kind %q%s", ind.Chart, report.Hint(ind.Chart, document.ChartKinds()))
	}
	if ind.Source == "" && (f["source"] == nil || isNull(f["source"])) {
		if ind.Measure != report.MeasureRatio && ind.Measure != report.MeasureGap && (ind.Measure != report.MeasureShare || f["numerator"] == nil) {
			d.errorf(n, "indicator: missing required field \"source\"")
			return nil
		}
		for _, key := range []string{"field", "filter", "where", "by", "across", "bins"} {
			if f[key] != nil {
				d.errorf(f[key], "%s needs a source to read from", key)
			}
		}
		d.derived(n, f, ind, nil, links)
		return ind
	}
	schema, ok := report.Schema[ind.Source]
	if !ok {
		if sn := f["source"]; sn != nil {
			d.errorf(sn, "unknown source %q%s", ind.Source, report.Hint(ind.Source, slices.Sorted(maps.Keys(report.Schema))))
		}
		return nil
	}
	if report.IsAggregate(ind.Source) {
		d.aggregate(n, f, ind, schema, links)
		return ind
	}
	for _, key := range []string{"across", "numerator", "denominator", "factor"} {
		if f[key] != nil && ind.Measure != report.MeasureRatio && ind.Measure != report.MeasureShare && ind.Measure != report.MeasureGap {
			d.errorf(f[key], "%s is for measures ratio, share and gap, not %s", key, ind.Measure)
		}
	}
	if f["across"] != nil {
		d.errorf(f["across"], "across is only for the aggregate sources staff and services")
	}
	if ind.Measure == report.MeasureRatio || ind.Measure == report.MeasureGap || (ind.Measure == report.MeasureShare && f["numerator"] != nil) {
		ind.Filter = d.conditions(f["filter"], schema, ind.Source)
		d.derived(n, f, ind, schema, links)
		d.byField(f, ind, schema, cat)
		return ind
	}
	for _, pn := range d.list(f["parts"], "parts") {
		pf := d.fields(pn, "part", "field!", "label!")
		if pf == nil {
			continue
		}
		p := report.Part{Field: d.str(pf["field"], "field"), Label: d.text(pf["label"], "label", nameText)}
		d.field(pf["field"], schema, ind.Source, p.Field, report.KindNumber)
		ind.Parts = append(ind.Parts, p)
	}
	d.byField(f, ind, schema, cat)
	ind.Filter = d.conditions(f["filter"], schema, ind.Source)
	ind.Where = d.conditions(f["where"], schema, ind.Source)
	switch ind.Measure {
	case report.MeasureSum, report.MeasureMean:
		if len(ind.Parts) == 0 {
			d.need(n, f, "field", ind)
			d.field(f["field"], schema, ind.Source, ind.Field, report.KindNumber)
		}
	case report.MeasureDistinct:
		d.need(n, f, "field", ind)
		d.field(f["field"], schema, ind.Source, ind.Field, report.KindRefs)
	case report.MeasureShare:
		d.need(n, f, "where", ind)
	}
	return ind
}

// byField checks the breakdown field of a record source.
func (d *decoder) byField(f map[string]*yaml.Node, ind *report.Indicator, schema map[string]report.Field, cat *report.Catalogue) {
	if ind.Measure == report.MeasureDistinct {
		schema = report.Schema[report.SourceOrganisations]
	}
	if bn := f["by"]; bn != nil {
		fd, ok := schema[ind.By]
		switch {
		case !ok:
			d.errorf(bn, "unknown field %q to break down by%s", ind.By, report.Hint(ind.By, slices.Sorted(maps.Keys(schema))))
		case fd.Kind == report.KindNumber:
			for _, b := range d.list(f["bins"], "bins") {
				ind.Bins = append(ind.Bins, float64(d.count(b, "bin")))
			}
			if len(ind.Bins) == 0 || !slices.IsSorted(ind.Bins) {
				d.errorf(bn, "a breakdown by the number %q needs bins: increasing class limits", ind.By)
			}
		case fd.Kind == report.KindRefs:
			d.errorf(bn, "cannot break down by the organisation list %q: use measure distinct", ind.By)
		case fd.Kind == report.KindBool || isEnum(fd.Domain):
			if _, ok := cat.Enums[fd.Domain]; !ok {
				d.errorf(bn, "breaking down by %q needs the enum %q in the catalogue", ind.By, fd.Domain)
			}
		}
	}
}

// isEnum reports whether a code field's domain is a catalogue enum rather
// than the territory or a vocabulary of the edition.
func isEnum(domain string) bool { return domain == "scope" || domain == "role_count" }

func (d *decoder) need(n *yaml.Node, f map[string]*yaml.Node, key string, ind *report.Indicator) {
	if f[key] == nil {
		d.errorf(n, "indicator %s: measure %s needs %q", ind.ID, ind.Measure, key)
	}
}

// field checks that name is a field of the source of the wanted kind.
func (d *decoder) field(n *yaml.Node, schema map[string]report.Field, source, name string, want report.FieldKind) {
	if n == nil {
		return
	}
	fd, ok := schema[name]
	switch {
	case !ok:
		d.errorf(n, "unknown field %q of %s%s", name, source, report.Hint(name, slices.Sorted(maps.Keys(schema))))
	case fd.Kind != want && !(want == report.KindNumber && fd.Kind == report.KindNumber):
		d.errorf(n, "field %q of %s cannot be used here", name, source)
	}
}

func (d *decoder) conditions(n *yaml.Node, schema map[string]report.Field, source string) []report.Condition {
	var out []report.Condition
	for _, cn := range d.list(n, "conditions") {
		cf := d.fields(cn, "condition", "field!", "equals", "min", "max", "present")
		if cf == nil {
			continue
		}
		c := report.Condition{Field: d.str(cf["field"], "field")}
		fd, ok := schema[c.Field]
		if !ok && cf["field"] != nil { // a missing field is reported by fields
			d.errorf(cf["field"], "unknown field %q of %s%s", c.Field, source, report.Hint(c.Field, slices.Sorted(maps.Keys(schema))))
		}
		set := 0
		if v := cf["equals"]; v != nil {
			c.Equals = v.Value
			c.Pos = d.pos(v)
			set++
		}
		for key, dst := range map[string]**float64{"min": &c.Min, "max": &c.Max} {
			if v := cf[key]; v != nil {
				x, _ := d.number(v, key)
				*dst = &x
				set++
			}
		}
		if v := cf["present"]; v != nil {
			b := d.boolean(v, "present", true)
			c.Present = &b
			set++
		}
		if set != 1 {
			d.errorf(cn, "a condition needs exactly one of equals, min, max, present")
		}
		if ok && (c.Min != nil || c.Max != nil) && fd.Kind != report.KindNumber {
			d.errorf(cn, "min and max need a numeric field; %q is not", c.Field)
		}
		out = append(out, c)
	}
	return out
}

// link is an operand naming another indicator, to resolve once every
// indicator is read.
type link struct {
	op   *report.Operand
	node *yaml.Node
	from *report.Indicator
}

// isDerived reports whether the measure computes its value from operands.
func isDerived(ind *report.Indicator, f map[string]*yaml.Node) bool {
	return ind.Measure == report.MeasureRatio || ind.Measure == report.MeasureGap ||
		(ind.Measure == report.MeasureShare && f["numerator"] != nil)
}

// aggregate checks an indicator on staff or services: a sum of measures, or
// a ratio, share or gap whose fields are measures; conditions fix dimension
// codes; by and across are dimensions.
func (d *decoder) aggregate(n *yaml.Node, f map[string]*yaml.Node, ind *report.Indicator, schema map[string]report.Field, links *[]link) {
	switch {
	case isDerived(ind, f):
		d.derived(n, f, ind, schema, links)
	case ind.Measure == report.MeasureSum:
		for _, pn := range d.list(f["parts"], "parts") {
			pf := d.fields(pn, "part", "field!", "label!", "key")
			if pf == nil {
				continue
			}
			p := report.Part{Field: d.str(pf["field"], "field"), Label: d.text(pf["label"], "label", nameText), Key: d.str(pf["key"], "key")}
			d.field(pf["field"], schema, ind.Source, p.Field, report.KindNumber)
			ind.Parts = append(ind.Parts, p)
		}
		if len(ind.Parts) == 0 {
			d.need(n, f, "field", ind)
			d.field(f["field"], schema, ind.Source, ind.Field, report.KindNumber)
		}
	case f["measure"] == nil:
		// reported by fields as a missing required field
	default:
		d.errorf(f["measure"], "measure %s cannot be used on the aggregate figures of %s: use sum, ratio, share or gap", ind.Measure, ind.Source)
	}
	for _, key := range []string{"where", "bins"} {
		if f[key] != nil {
			d.errorf(f[key], "%s is not for the aggregate figures of %s", key, ind.Source)
		}
	}
	for _, cn := range d.list(f["filter"], "conditions") {
		cf := d.fields(cn, "condition", "field!", "equals!")
		if cf == nil {
			continue
		}
		c := report.Condition{Field: d.str(cf["field"], "field"), Equals: d.str(cf["equals"], "equals")}
		if en := cf["equals"]; en != nil {
			c.Pos = d.pos(en)
		}
		d.dimension(cf["field"], schema, ind.Source, c.Field)
		if slices.ContainsFunc(ind.Filter, func(o report.Condition) bool { return o.Field == c.Field }) {
			d.errorf(cn, "the filter fixes %q twice", c.Field)
		}
		ind.Filter = append(ind.Filter, c)
	}
	for _, key := range []string{"by", "across"} {
		if f[key] != nil {
			name := d.str(f[key], key)
			d.dimension(f[key], schema, ind.Source, name)
			if slices.ContainsFunc(ind.Filter, func(c report.Condition) bool { return c.Field == name }) {
				d.errorf(f[key], "cannot break down by %q: the filter fixes it", name)
			}
		}
	}
	if f["across"] != nil {
		switch {
		case ind.By == "":
			d.errorf(f["across"], "across needs by: the rows are by × across")
		case ind.Across == ind.By:
			d.errorf(f["across"], "across must differ from by (%q)", ind.By)
		}
	}
}

// dimension checks that name is a dimension (a code field) of the source.
func (d *decoder) dimension(n *yaml.Node, schema map[string]report.Field, source, name string) {
	if n == nil {
		return
	}
	var dims []string
	for k, fd := range schema {
		if fd.Kind != report.KindNumber {
			dims = append(dims, k)
		}
	}
	slices.Sort(dims)
	if !slices.Contains(dims, name) {
		d.errorf(n, "unknown dimension %q of %s%s", name, source, report.Hint(name, dims))
	}
}

// derived checks a ratio, a share of two operands or a gap to thresholds.
// schema is nil for an indicator without a source.
func (d *decoder) derived(n *yaml.Node, f map[string]*yaml.Node, ind *report.Indicator, schema map[string]report.Field, links *[]link) {
	d.need(n, f, "numerator", ind)
	if ind.Measure != report.MeasureRatio {
		d.need(n, f, "denominator", ind)
	}
	ind.Numerator = d.operand(f["numerator"], ind, schema, links)
	ind.Denominator = d.operand(f["denominator"], ind, schema, links)
	if ind.Numerator != nil && ind.Numerator.Residents {
		d.errorf(f["numerator"], "residents can only be a denominator")
	}
	if fn := f["factor"]; fn != nil {
		ind.Factor = d.positive(fn, "factor")
		if ind.Measure != report.MeasureRatio {
			d.errorf(fn, "factor is for ratios; a %s has none", ind.Measure)
		}
	}
	if f["field"] != nil {
		d.errorf(f["field"], "a %s takes its figures from numerator and denominator, not field", ind.Measure)
	}
	if f["where"] != nil {
		d.errorf(f["where"], "a share with a numerator takes no where")
	}
	if bn := f["by"]; bn != nil && (ind.Numerator == nil || len(ind.Numerator.Fields) == 0) {
		d.errorf(bn, "a breakdown of a %s needs a numerator of fields of the source", ind.Measure)
	}
	keys := map[string]bool{}
	mains := 0
	for _, pn := range d.list(f["parts"], "parts") {
		pf := d.fields(pn, "part", "label!", "key", "field", "indicator", "per", "main", "denominator", "factor")
		if pf == nil {
			continue
		}
		p := report.Part{Label: d.text(pf["label"], "label", nameText), Key: d.str(pf["key"], "key"), Field: d.str(pf["field"], "field")}
		set := 0
		if fn := pf["field"]; fn != nil {
			set++
			if schema == nil {
				d.errorf(fn, "a part's field needs the indicator's source")
			} else {
				d.field(fn, schema, ind.Source, p.Field, report.KindNumber)
			}
		}
		if in := pf["indicator"]; in != nil {
			set++
			p.Indicator = &report.Operand{ID: d.str(in, "indicator")}
			*links = append(*links, link{op: p.Indicator, node: in, from: ind})
		}
		if pn := pf["per"]; pn != nil {
			set++
			p.Per = d.positive(pn, "per")
			if ind.Denominator == nil {
				d.errorf(pn, "a threshold needs the indicator's denominator: it is one per so many of it")
			}
		}
		if set != 1 {
			d.errorf(pn, "a part needs exactly one of field, indicator, per")
		}
		p.Main = d.boolean(pf["main"], "main", false)
		if p.Main {
			mains++
			if ind.Measure != report.MeasureGap {
				d.errorf(pf["main"], "main is for the thresholds of a gap")
			}
		}
		if dn := pf["denominator"]; dn != nil {
			p.Denominator = d.operand(dn, ind, schema, links)
		}
		if fn := pf["factor"]; fn != nil {
			p.Factor = d.positive(fn, "factor")
		}
		if ind.Measure == report.MeasureGap && !p.IsThreshold() && pf["per"] == nil {
			d.errorf(pn, "the parts of a gap are thresholds: give each a per")
		}
		if k := p.RowKey(); k != "" {
			if keys[k] {
				d.errorf(pn, "two parts have the key %q: give this one a key of its own", k)
			}
			keys[k] = true
		}
		ind.Parts = append(ind.Parts, p)
	}
	if ind.Measure == report.MeasureGap && len(ind.Parts) == 0 {
		d.errorf(n, "indicator %s: measure gap needs thresholds in parts, such as {key: lep, per: 5000, label: …}", ind.ID)
	}
	if mains > 1 {
		d.errorf(n, "indicator %s: only one threshold can be main", ind.ID)
	}
	if ind.By != "" && len(ind.Parts) > 0 {
		d.errorf(f["by"], "a %s's breakdown is by or parts, not both", ind.Measure)
	}
}

// operand reads a term of a ratio: residents, a numeric field of the source
// (or a list of them, summed), or the id of another indicator.
func (d *decoder) operand(n *yaml.Node, ind *report.Indicator, schema map[string]report.Field, links *[]link) *report.Operand {
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind == yaml.SequenceNode {
		o := &report.Operand{}
		for _, it := range n.Content {
			name := d.str(it, "field")
			if schema == nil {
				d.errorf(it, "a list of fields needs the indicator's source")
				continue
			}
			d.field(it, schema, ind.Source, name, report.KindNumber)
			o.Fields = append(o.Fields, name)
		}
		if len(o.Fields) == 0 {
			d.errorf(n, "an operand needs at least one field")
		}
		return o
	}
	name := d.str(n, "operand")
	switch fd, isField := schema[name]; {
	case name == report.Residents:
		return &report.Operand{Residents: true}
	case isField && fd.Kind == report.KindNumber:
		return &report.Operand{Fields: []string{name}}
	case isField:
		d.errorf(n, "field %q of %s is not a number", name, ind.Source)
		return nil
	}
	o := &report.Operand{ID: name}
	*links = append(*links, link{op: o, node: n, from: ind})
	return o
}

// positive reads a number above zero for a factor or a threshold, between
// 1e-6 and 1e12: beyond those a ratio's value or threshold (factor / per)
// would no longer be a finite, printable number.
func (d *decoder) positive(n *yaml.Node, what string) float64 {
	f, ok := d.number(n, what)
	switch {
	case !ok:
		return 0
	case !(f > 0):
		d.errorf(n, "%s must be a number above zero, not %s", what, n.Value)
		return 0
	case f < 1e-6 || f > 1e12:
		d.errorf(n, "%s must be between 0.000001 and 1000000000000, not %s", what, n.Value)
		return 0
	}
	return f
}

// number reads a finite number, or reports an error naming what was given.
func (d *decoder) number(n *yaml.Node, what string) (float64, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		d.errorf(n, "%s must be a number, not %s", what, kindName(n))
		return 0, false
	}
	f, err := scalarNumber(n)
	if err != nil {
		d.errorf(n, "%s must be a finite number, not %s", what, n.Value)
		return 0, false
	}
	return f, true
}

// link resolves the operands that name indicators, and refuses an indicator
// that reads itself, directly or through others.
func (d *decoder) link(cat *report.Catalogue, links []link) {
	ids := make([]string, len(cat.Indicators))
	for i, ind := range cat.Indicators {
		ids[i] = ind.ID
	}
	for _, l := range links {
		ref, ok := cat.Lookup(l.op.ID)
		if !ok {
			d.errorf(l.node, "%q is not residents, a numeric field of %s, nor an indicator%s",
				l.op.ID, cmp.Or(l.from.Source, "the indicator's source"), report.Hint(l.op.ID, ids))
			continue
		}
		l.op.Ref = ref
	}
	state := map[*report.Indicator]int{} // 1 visiting, 2 done
	var visit func(ind *report.Indicator) bool
	visit = func(ind *report.Indicator) bool {
		switch state[ind] {
		case 1:
			return false
		case 2:
			return true
		}
		state[ind] = 1
		for _, ref := range ind.Refs() {
			if !visit(ref) {
				return false
			}
		}
		state[ind] = 2
		return true
	}
	for _, l := range links {
		if l.op.Ref != nil && state[l.from] != 2 && !visit(l.from) {
			d.errorf(l.node, "indicator %s reads itself through %s: a circular definition", l.from.ID, l.op.ID)
			state[l.from] = 2
		}
	}
}

// enums reads the enums mapping of a catalogue or an indicator file into
// into, a list of entries by name.
func (d *decoder) enums(en *yaml.Node, into map[string][]report.EnumEntry) {
	if en == nil {
		return
	}
	if en.Kind != yaml.MappingNode {
		d.errorf(en, "enums must be a mapping of lists")
		return
	}
	for i := 0; i+1 < len(en.Content); i += 2 {
		var entries []report.EnumEntry
		for _, e := range d.list(en.Content[i+1], "enum "+en.Content[i].Value) {
			ef := d.fields(e, "enum entry", "code!", "it!", "en")
			if ef != nil {
				entries = append(entries, report.EnumEntry{Code: d.str(ef["code"], "code"),
					Label: report.Text{It: d.name(ef["it"], "it"), En: d.name(ef["en"], "en")}})
			}
		}
		into[en.Content[i].Value] = entries
	}
}
