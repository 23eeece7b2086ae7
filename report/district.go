package report

import (
	"fmt"
	"slices"
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
func ComputeDistrict(ed *Edition, cat *Catalogue, lang, code string) (*Results, error) {
	v, err := ForDistrict(ed, code)
	if err != nil {
		return nil, err
	}
	rs := Compute(v.Edition, cat, lang)
	rs.District = v
	for _, r := range rs.List {
		if c, _ := r.Cause(v.Edition); c == CauseNoFigure {
			r.Reason += fmt.Sprintf(" for district %s (only figures for one district, or broken down by district, give a district's)", code)
		}
	}
	return rs, nil
}
