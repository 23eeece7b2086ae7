package yamldata

import (
	"maps"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// ChartKinds are the chart kinds an indicator may ask for.
var ChartKinds = []string{"bar", "hbar", "stacked", "donut", "pie", "line"}

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
	if en := f["enums"]; en != nil {
		if en.Kind != yaml.MappingNode {
			d.errorf(en, "enums must be a mapping of lists")
		} else {
			for i := 0; i+1 < len(en.Content); i += 2 {
				var entries []report.EnumEntry
				for _, e := range d.list(en.Content[i+1], "enum "+en.Content[i].Value) {
					ef := d.fields(e, "enum entry", "code!", "it!", "en")
					if ef != nil {
						entries = append(entries, report.EnumEntry{Code: d.str(ef["code"], "code"),
							Label: report.Text{It: d.str(ef["it"], "it"), En: d.str(ef["en"], "en")}})
					}
				}
				cat.Enums[en.Content[i].Value] = entries
			}
		}
	}
	seen := newIDs("indicator id")
	for _, in := range d.list(f["indicators"], "indicators") {
		if ind := d.indicator(in, cat); ind != nil {
			seen.add(d, in, ind.ID)
			cat.Indicators = append(cat.Indicators, ind)
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return cat, nil
}

func (d *decoder) text(n *yaml.Node, what string) report.Text {
	if n == nil {
		return report.Text{}
	}
	f := d.fields(n, what, "it!", "en")
	return report.Text{It: d.str(f["it"], what), En: d.str(f["en"], what)}
}

var measures = []string{report.MeasureCount, report.MeasureSum, report.MeasureDistinct, report.MeasureShare, report.MeasureMean}

func (d *decoder) indicator(n *yaml.Node, cat *report.Catalogue) *report.Indicator {
	f := d.fields(n, "indicator", "id!", "title!", "unit!", "definition!", "source!", "measure!",
		"field", "parts", "filter", "where", "by", "bins", "chart")
	if f == nil {
		return nil
	}
	ind := &report.Indicator{
		ID:         d.str(f["id"], "id"),
		Title:      d.text(f["title"], "title"),
		Unit:       d.text(f["unit"], "unit"),
		Definition: d.text(f["definition"], "definition"),
		Source:     d.str(f["source"], "source"),
		Measure:    d.str(f["measure"], "measure"),
		Field:      d.str(f["field"], "field"),
		By:         d.str(f["by"], "by"),
		Chart:      d.str(f["chart"], "chart"),
	}
	schema, ok := report.Schema[ind.Source]
	if !ok {
		if sn := f["source"]; sn != nil {
			d.errorf(sn, "unknown source %q%s", ind.Source, report.Hint(ind.Source, slices.Sorted(maps.Keys(report.Schema))))
		}
		return nil
	}
	if mn := f["measure"]; mn != nil && !slices.Contains(measures, ind.Measure) {
		d.errorf(mn, "unknown measure %q%s", ind.Measure, report.Hint(ind.Measure, measures))
	}
	if cn := f["chart"]; cn != nil && !slices.Contains(ChartKinds, ind.Chart) {
		d.errorf(cn, "unknown chart kind %q%s", ind.Chart, report.Hint(ind.Chart, ChartKinds))
	}
	for _, pn := range d.list(f["parts"], "parts") {
		pf := d.fields(pn, "part", "field!", "label!")
		if pf == nil {
			continue
		}
		p := report.Part{Field: d.str(pf["field"], "field"), Label: d.text(pf["label"], "label")}
		d.field(pf["field"], schema, ind.Source, p.Field, report.KindNumber)
		ind.Parts = append(ind.Parts, p)
	}
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
		schema = report.Schema[report.SourceOrganisations]
	case report.MeasureShare:
		d.need(n, f, "where", ind)
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
	return ind
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
		if !ok {
			d.errorf(cf["field"], "unknown field %q of %s%s", c.Field, source, report.Hint(c.Field, slices.Sorted(maps.Keys(schema))))
		}
		set := 0
		if v := cf["equals"]; v != nil {
			c.Equals = v.Value
			set++
		}
		for key, dst := range map[string]**float64{"min": &c.Min, "max": &c.Max} {
			if v := cf[key]; v != nil {
				x, err := strconv.ParseFloat(v.Value, 64)
				if err != nil {
					d.errorf(v, "%s must be a number", key)
				}
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
