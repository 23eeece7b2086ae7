package report

import (
	"fmt"
	"slices"
	"strings"

	"rendiconto/report/privacy"
)

// DimDistrict is the dimension of the aggregate files (staff.yaml,
// services.yaml) that gives a figure's district.
const DimDistrict = "district"

// DistrictView is an edition seen from one of its districts (ForDistrict).
type DistrictView struct {
	District District
	// City is the whole edition, as read.
	City *Edition
	// Edition is the edition narrowed to the district, which Compute
	// computes as it would the city's:
	//
	//   - its territory is the district alone, so every rate per resident
	//     divides by the district's residents and breakdowns by district
	//     or zone have the district's rows only;
	//   - tables and groups of the district (the city-wide ones, without a
	//     district, are not in it);
	//   - projects acting in it: the district among their districts, or
	//     one of its zones among their zones. A project acting in several
	//     districts counts whole in each (its figures are not split);
	//   - the organisations, all of them: those in a role (project, table,
	//     group) are those in a role in the district's records;
	//   - staff and service figures with a district slice: a figure for the
	//     district (for: {district: code}), or the district's cells of a
	//     figure broken down by district (its total is the city's, so it is
	//     dropped and the cells add up). A figure of the whole city only is
	//     left out: what only it answers is n.d. for the district.
	Edition *Edition
	// CityWideProjects are the projects of the whole city in the
	// aggregates (scope city, or no district nor zone), counted apart:
	// they act in every district, and are in no district's count.
	CityWideProjects int
	// CityResults are the city's results of the same edition, withheld as
	// the city's report publishes them, for the text that sets the
	// district beside the city; nil when not given.
	CityResults *Results
}

// ForDistrict narrows the edition to the district with the given code. An
// unknown code is an error that names the likely intended one.
func ForDistrict(ed *Edition, code string) (*DistrictView, error) {
	i := slices.IndexFunc(ed.Territory.Districts, func(d District) bool { return d.Code == code })
	if i < 0 {
		var codes []string
		for _, d := range ed.Territory.Districts {
			codes = append(codes, d.Code)
		}
		return nil, fmt.Errorf("district %q is not a district of edition %d%s", code, ed.Year, Hint(code, codes))
	}
	d := ed.Territory.Districts[i]
	n := *ed
	n.Territory = Territory{Name: ed.Territory.Name, Districts: []District{d}}
	zones := map[string]bool{}
	for _, z := range d.Zones {
		zones[z.Code] = true
	}
	v := &DistrictView{District: d, City: ed, Edition: &n}
	n.Projects = nil
	for _, p := range ed.Projects {
		switch {
		case projectCityWide(p):
			if p.InAggregates {
				v.CityWideProjects++
			}
		case slices.Contains(p.Districts, code) || slices.ContainsFunc(p.Zones, func(z string) bool { return zones[z] }):
			n.Projects = append(n.Projects, p)
		}
	}
	n.Tables = nil
	for _, t := range ed.Tables {
		if t.District == code {
			n.Tables = append(n.Tables, t)
		}
	}
	n.Groups = nil
	for _, g := range ed.Groups {
		if g.District == code {
			n.Groups = append(n.Groups, g)
		}
	}
	n.Staff = districtFigures(ed.Staff, code)
	n.Services = districtFigures(ed.Services, code)
	return v, nil
}

// projectCityWide reports whether a project acts in the whole city rather
// than in some districts.
func projectCityWide(p Project) bool {
	return p.Scope == ScopeCity || (len(p.Districts) == 0 && len(p.Zones) == 0)
}

// districtFigures are the figures of one district: those for it, without
// the district in their slice, and the district's cells of those broken
// down by district, without their total (the city's). The district
// dimension stays, so that a breakdown by district has the district's row.
func districtFigures(figs []Figure, code string) []Figure {
	var out []Figure
	for _, f := range figs {
		if c, ok := f.Fixed(DimDistrict); ok {
			if c != code {
				continue
			}
			f.For = slices.DeleteFunc(slices.Clone(f.For), func(c Coord) bool { return c.Dim == DimDistrict })
			out = append(out, f)
			continue
		}
		i := slices.Index(f.Dims, DimDistrict)
		if i < 0 {
			continue // the whole city's: no district slice
		}
		f.Total = Value{}
		var cells []Cell
		for _, c := range f.Cells {
			if c.Codes[i] == code {
				cells = append(cells, c)
			}
		}
		f.Cells = cells
		out = append(out, f)
	}
	return out
}

// ComputeDistrict computes the catalogue on the edition seen from one
// district (ForDistrict): Compute on the narrowed edition, with
// rs.District set. A value n.d. because a staff or services figure has no
// district slice says so in its Reason. Withhold applies to the results as
// to the city's.
func ComputeDistrict(ed *Edition, cat *Catalogue, code string) (*Results, error) {
	v, err := ForDistrict(ed, code)
	if err != nil {
		return nil, err
	}
	rs := Compute(v.Edition, cat)
	rs.District = v
	for _, r := range rs.List {
		if c, _ := r.Cause(v.Edition); c == CauseNoFigure {
			r.Reason += fmt.Sprintf(" in district %s (none for the district or by district)", code)
		}
	}
	return rs, nil
}

// WithholdDistrict is Withhold for results seen from a district (rs, from
// ComputeDistrict), given the city's results already withheld (city): a
// district's figure may not publish what the city's output withheld. Every
// district result is withheld whole when the city's result of the same
// question (same source, measure, field, parts and filter) broken down by
// district, or across districts, withheld a row of the district: the
// city's secondary suppression hides such a row so that a small count
// cannot be recomputed, and the district's own value is that row. Then,
// as in Withhold, every figure computed from a withheld one is withheld.
// It returns how many figures were withheld.
func WithholdDistrict(rs, city *Results, threshold int) int {
	n := Withhold(rs, threshold)
	if rs.District == nil {
		return n
	}
	code := rs.District.District.Code
	for _, r := range rs.List {
		if !r.Value.Known && len(r.Breakdown) == 0 {
			continue
		}
		for _, cr := range city.List {
			if sameQuestion(r.Indicator, cr.Indicator) && districtRowWithheld(cr, code) {
				n += withholdAll(r, threshold)
				break
			}
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

// sameQuestion reports whether two indicators count or add up the same
// thing over the same records, whatever their breakdown.
func sameQuestion(a, b *Indicator) bool {
	if a.Source != b.Source || a.Measure != b.Measure || a.Field != b.Field ||
		!slices.EqualFunc(a.Filter, b.Filter, sameCondition) || len(a.Parts) != len(b.Parts) {
		return false
	}
	for i := range a.Parts {
		if a.Parts[i].Field != b.Parts[i].Field || a.Parts[i].Indicator != nil || b.Parts[i].Indicator != nil {
			return false
		}
	}
	if a.Measure == MeasureRatio || a.Measure == MeasureShare || a.Measure == MeasureGap {
		return a.ID == b.ID // ratios: the indicator itself only
	}
	return true
}

// districtRowWithheld reports whether the result has a withheld row of the
// district: its row in a breakdown by district, or a row of it across
// districts.
func districtRowWithheld(r *Result, code string) bool {
	byDistrict := r.Indicator.By == DimDistrict || r.Indicator.By == "districts"
	if !byDistrict && r.Indicator.Across != DimDistrict {
		return false
	}
	for _, row := range r.Breakdown {
		if !row.Withheld {
			continue
		}
		if row.Key == code || strings.HasPrefix(row.Key, code+"/") || strings.HasSuffix(row.Key, "/"+code) {
			return true
		}
	}
	return false
}

// sameCondition reports whether two conditions select the same records.
func sameCondition(a, b Condition) bool {
	same := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.Field == b.Field && a.Equals == b.Equals && same(a.Min, b.Min) && same(a.Max, b.Max) &&
		(a.Present == nil) == (b.Present == nil) && (a.Present == nil || *a.Present == *b.Present)
}

// WithholdDistricts is WithholdDistrict on the results of every district
// of an edition (all, from ComputeDistrict, one per district) with the
// joint suppression that publishing them side by side needs: the districts'
// cells of a breakdown add up, with the city-wide records, to the city's,
// so a cell withheld anywhere could be recomputed from the others. For
// every count of people:
//
//   - a row withheld in the city's result or in any district's is withheld
//     in every district's (the same key), and so is the value when the
//     city's or any district's is withheld: no withheld cell is the
//     difference between published ones across districts;
//   - within a district, a breakdown whose rows add up to a published
//     value keeps at least two rows withheld, so that a newly withheld row
//     is not the value less the others; a breakdown by two dimensions with
//     a withheld cell is withheld whole;
//
// until nothing changes; then every figure computed from a withheld one is
// withheld. Each district's output is the same whichever districts are
// built, since all are computed together. It returns how many figures
// were withheld.
func WithholdDistricts(all []*Results, city *Results, threshold int) int {
	// The districts' values as computed, before any is withheld: the
	// cells of the table by district that the values would make.
	before := map[*Result]float64{}
	for _, rs := range all {
		for _, r := range rs.List {
			before[r] = r.Value.Num
		}
	}
	n := 0
	for _, rs := range all {
		n += WithholdDistrict(rs, city, threshold)
	}
	values := map[string][]bool{} // indicator → district → its value withheld
	for _, cr := range city.List {
		if !cr.Indicator.People {
			continue
		}
		rs := districtResults(all, cr.Indicator.ID)
		values[cr.Indicator.ID] = districtValues(rs, cr, city, before, threshold)
	}
	for changed := true; changed; {
		changed = false
		for _, cr := range city.List {
			if !cr.Indicator.People {
				continue
			}
			rs := districtResults(all, cr.Indicator.ID)
			keys := map[string]bool{}
			for _, r := range append([]*Result{cr}, rs...) {
				for _, row := range r.Breakdown {
					if row.Withheld {
						keys[row.Key] = true
					}
				}
			}
			for i, r := range rs {
				m := jointWithhold(r, keys, values[cr.Indicator.ID][i], threshold)
				n += m
				changed = changed || m > 0
			}
		}
	}
	for _, rs := range all {
		for changed := true; changed; {
			changed = false
			for _, r := range rs.List {
				if r.Value.Known && refersToWithheld(r.Indicator, rs) {
					n += withholdAll(r, threshold)
					changed = true
				}
			}
		}
	}
	return n
}

// districtResults are the districts' results of indicator id.
func districtResults(all []*Results, id string) []*Result {
	var rs []*Result
	for _, d := range all {
		if r, ok := d.Lookup(id); ok {
			rs = append(rs, r)
		}
	}
	return rs
}

// districtValues says which districts' values of the city's result cr are
// withheld so that none can be recomputed from the city's value and the
// others: all of them when the city's is withheld; when the city publishes
// the same question by district, the rows it withholds (WithholdDistrict
// applied them); else the districts' values as a table adding up to the
// city's (privacy.Suppress), when any is withheld.
func districtValues(rs []*Result, cr *Result, city *Results, before map[*Result]float64, threshold int) []bool {
	out := make([]bool, len(rs))
	if cr.Withheld {
		for i := range out {
			out[i] = true
		}
		return out
	}
	for _, c := range city.List {
		if sameQuestion(cr.Indicator, c.Indicator) && (c.Indicator.By == DimDistrict || c.Indicator.By == "districts") && c.Indicator.Across == "" {
			return out
		}
	}
	some := false
	cells := make([]float64, len(rs))
	for i, r := range rs {
		cells[i] = before[r]
		some = some || r.Withheld
	}
	if !some || !cr.Value.Known {
		return out
	}
	p := privacy.Table(cells, len(cells), 1)
	p.Values[len(p.Values)-1] = cr.Value.Num
	w := privacy.Suppress(p, threshold)
	copy(out, w)
	return out
}

// jointWithhold withholds in one district's result the rows of keys, and
// its value when value is set, then what would give them away within the
// result (see WithholdDistricts). It returns how many figures it withheld.
func jointWithhold(r *Result, keys map[string]bool, value bool, threshold int) int {
	n := 0
	for i := range r.Breakdown {
		if row := &r.Breakdown[i]; keys[row.Key] && !row.Withheld {
			withholdRow(row)
			n++
		}
	}
	if value && r.Value.Known {
		withholdValue(r, threshold)
		n++
	}
	ind := r.Indicator
	withheld, published := 0, -1
	grid := len(r.Breakdown) - len(ind.Parts)
	if ind.Across != "" {
		grid = len(r.Breakdown)
	}
	for i := 0; i < grid; i++ {
		row := r.Breakdown[i]
		switch {
		case row.Withheld:
			withheld++
		case !row.NA && (published < 0 || row.Value < r.Breakdown[published].Value):
			published = i
		}
	}
	switch {
	case ind.By == "" && ind.Across == "", !ind.Additive() || multiValued(ind), published < 0:
		// no rows that add up to the value, or none published
	case !r.Value.Known:
		// the rows add up to the withheld value: not all of them published
		if withheld == 0 || ind.Across != "" {
			n += withholdAll(r, threshold)
		}
	case withheld == 0:
	case ind.Across != "":
		n += withholdAll(r, threshold)
	case withheld == 1:
		withholdRow(&r.Breakdown[published]) // the smallest published row
		n++
	}
	return n
}
