package yamldata

import "rendiconto/report"

// MergeIndicators reads a file of own indicators, written like the
// catalogue (a list under indicators:, and enums: if they need new ones),
// and returns a new catalogue: cat with every indicator of the file whose id
// cat has in its place, and the others added at the end. name is the file
// name used in messages and recorded as the indicators' Origin. An own
// indicator may read the catalogue's indicators and the catalogue's read the
// one that replaces theirs. cat itself is left as it was.
func MergeIndicators(cat *report.Catalogue, name string, data []byte) (*report.Catalogue, error) {
	var errs report.ErrorList
	d := &decoder{file: name, errs: &errs}
	root := d.parse(data, false)
	if root == nil {
		return nil, errs
	}
	out := cloneCatalogue(cat)
	f := d.fields(root, "indicator file", "enums", "indicators!")
	if f == nil {
		return nil, errs
	}
	d.enums(f["enums"], out.Enums)
	seen := newIDs("indicator id")
	var links []link
	replaced := map[*report.Indicator]*report.Indicator{}
	for _, in := range d.list(f["indicators"], "indicators") {
		ind := d.indicator(in, out, &links)
		if ind == nil {
			continue
		}
		seen.add(d, in, ind.ID)
		ind.Origin = name
		i := -1
		for j, old := range out.Indicators {
			if old.ID == ind.ID {
				i = j
			}
		}
		switch {
		case i < 0:
			out.Indicators = append(out.Indicators, ind)
		case out.Indicators[i].Origin == name:
			// a duplicate in this file, said by seen
		case out.Indicators[i].Origin != "":
			d.errorf(in, "indicator %q is already given by %s: one own file per indicator", ind.ID, out.Indicators[i].Origin)
		default:
			ind.Replaces = true
			replaced[out.Indicators[i]] = ind
			out.Indicators[i] = ind
		}
	}
	// The catalogue's indicators that read a replaced one read its
	// replacement.
	for _, ind := range out.Indicators {
		for _, o := range operands(ind) {
			if r, ok := replaced[o.Ref]; ok {
				o.Ref = r
			}
		}
	}
	d.link(out, links)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return out, nil
}

// cloneCatalogue copies cat deeply enough that the links between its
// indicators can change in the copy: every indicator, its parts and its
// operands are new, the operands linked to the new indicators.
func cloneCatalogue(cat *report.Catalogue) *report.Catalogue {
	out := &report.Catalogue{Enums: make(map[string][]report.EnumEntry, len(cat.Enums))}
	for k, v := range cat.Enums {
		out.Enums[k] = v
	}
	copies := make(map[*report.Indicator]*report.Indicator, len(cat.Indicators))
	for _, ind := range cat.Indicators {
		c := *ind
		c.Parts = append([]report.Part(nil), ind.Parts...)
		copyOp := func(o **report.Operand) {
			if *o != nil {
				n := **o
				*o = &n
			}
		}
		copyOp(&c.Numerator)
		copyOp(&c.Denominator)
		for i := range c.Parts {
			copyOp(&c.Parts[i].Indicator)
			copyOp(&c.Parts[i].Denominator)
		}
		copies[ind] = &c
		out.Indicators = append(out.Indicators, &c)
	}
	for _, ind := range out.Indicators {
		for _, o := range operands(ind) {
			if c, ok := copies[o.Ref]; ok {
				o.Ref = c
			}
		}
	}
	return out
}

// operands are the operands of ind that may name another indicator.
func operands(ind *report.Indicator) []*report.Operand {
	var ops []*report.Operand
	for _, o := range []*report.Operand{ind.Numerator, ind.Denominator} {
		if o != nil {
			ops = append(ops, o)
		}
	}
	for _, p := range ind.Parts {
		for _, o := range []*report.Operand{p.Indicator, p.Denominator} {
			if o != nil {
				ops = append(ops, o)
			}
		}
	}
	return ops
}
