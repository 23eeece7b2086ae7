package report

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// record is what the engine reads of any record: the codes of a code,
// list, bool or reference field, and the number of a numeric field. The
// catalogue is checked against Schema, so unknown fields do not reach here.
type record interface {
	codes(field string) []string
	number(field string) float64
}

func boolCode(b bool) []string { return []string{strconv.FormatBool(b)} }

func one(code string) []string {
	if code == "" {
		return nil
	}
	return []string{code}
}

// district is the district code of a table or group, CityWide when it has
// none.
func district(code string) []string {
	if code == "" {
		return []string{CityWide}
	}
	return []string{code}
}

func (p *Project) codes(field string) []string {
	switch field {
	case "new":
		return boolCode(p.New)
	case "operators.stated":
		return boolCode(p.Operators.Stated)
	case "origin":
		return one(p.Origin)
	case "need_area":
		return one(p.NeedArea)
	case "scope":
		return one(p.Scope)
	case "districts":
		return p.Districts
	case "zones":
		return p.Zones
	case "activities":
		return p.Activities
	case "funding":
		return p.Funding
	case "targets":
		return p.Targets
	case "organisations":
		return p.Organisations
	}
	return nil
}

func (p *Project) number(field string) float64 {
	switch field {
	case "beneficiaries.total":
		return float64(p.Beneficiaries.Total)
	case "beneficiaries.in_charge":
		return float64(p.Beneficiaries.InCharge)
	case "operators.total":
		return float64(p.Operators.Total())
	}
	if office, ok := strings.CutPrefix(field, "operators."); ok {
		return float64(p.Operators.Count(office))
	}
	return 0
}

func (t *Table) codes(field string) []string {
	switch field {
	case "district":
		return district(t.District)
	case "coordination":
		return one(t.Coordination)
	case "themes":
		return t.Themes
	case "purposes":
		return t.Purposes
	case "organisations":
		return t.Organisations
	}
	return nil
}

func (t *Table) number(field string) float64 {
	if field == "meetings" {
		return float64(t.Meetings)
	}
	return 0
}

func (g *Group) codes(field string) []string {
	switch field {
	case "district":
		return district(g.District)
	case "coordination":
		return one(g.Coordination)
	case "themes":
		return g.Themes
	case "purposes":
		return g.Purposes
	case "organisations":
		return g.Organisations
	}
	return nil
}

func (g *Group) number(field string) float64 {
	if field == "citizens" {
		return float64(g.Citizens)
	}
	return 0
}

// orgRecord is an organisation with what the edition's records say of it:
// whether its kind is a Third-sector one, and the roles it plays.
type orgRecord struct {
	*Organisation
	ets                            bool
	inProjects, atTables, inGroups bool
}

func (o *orgRecord) roles() int {
	n := 0
	for _, b := range []bool{o.inProjects, o.atTables, o.inGroups} {
		if b {
			n++
		}
	}
	return n
}

func (o *orgRecord) codes(field string) []string {
	switch field {
	case "kind":
		return one(o.Kind)
	case "district":
		return one(o.District)
	case "ets":
		return boolCode(o.ets)
	case "role_count":
		return []string{strconv.Itoa(o.roles())}
	case "in_projects":
		return boolCode(o.inProjects)
	case "at_tables":
		return boolCode(o.atTables)
	case "in_groups":
		return boolCode(o.inGroups)
	}
	return nil
}

func (o *orgRecord) number(field string) float64 {
	if field == "roles" {
		return float64(o.roles())
	}
	return 0
}

// query is a question to the figures of an aggregate source: the sum of a
// measure where the dimensions in conds have those codes, broken down by
// dims.
type query struct {
	measure string
	conds   map[string]string
	dims    []string
}

// answer returns the sum and, when q.dims is set, the sum of each code
// combination (codes joined by "/"). Any figure whose slice and dimensions
// cover the question answers it (the loader has checked that figures agree),
// the one with the fewest dimensions first; ok is false when none does.
func (q query) answer(figs []Figure) (total float64, cells map[string]float64, ok bool) {
	best := -1
	for i := range figs {
		if q.fits(&figs[i]) && (best < 0 || len(figs[i].Dims) < len(figs[best].Dims)) {
			best = i
		}
	}
	if best < 0 {
		return 0, nil, false
	}
	f := &figs[best]
	free := 0 // conditions on the figure's dimensions rather than its slice
	for dim := range q.conds {
		if _, fixed := f.Fixed(dim); !fixed {
			free++
		}
	}
	if free == 0 && len(q.dims) == 0 {
		return f.Sum(), nil, true
	}
	index := make([]int, len(q.dims))
	for i, dim := range q.dims {
		index[i] = slices.Index(f.Dims, dim)
	}
	cells = map[string]float64{}
	key := make([]string, len(q.dims))
	for _, cell := range f.Cells {
		if !q.matches(f, cell) {
			continue
		}
		total += cell.Value
		for i, j := range index {
			key[i] = cell.Codes[j]
		}
		cells[strings.Join(key, "/")] += cell.Value
	}
	return total, cells, true
}

// fits reports whether the figure can answer the question: same measure,
// its slice fixed by the conditions, every other condition and every
// breakdown dimension among its cells' dimensions.
func (q query) fits(f *Figure) bool {
	if f.Measure != q.measure {
		return false
	}
	for _, c := range f.For {
		if code, ok := q.conds[c.Dim]; !ok || code != c.Code {
			return false
		}
	}
	needs := len(q.dims) > 0
	for dim := range q.conds {
		if _, fixed := f.Fixed(dim); !fixed {
			if !slices.Contains(f.Dims, dim) {
				return false
			}
			needs = true
		}
	}
	for _, dim := range q.dims {
		if !slices.Contains(f.Dims, dim) {
			return false
		}
	}
	return !needs || len(f.Cells) > 0 || len(f.Dims) > 0
}

func (q query) matches(f *Figure, cell Cell) bool {
	for i, dim := range f.Dims {
		if code, ok := q.conds[dim]; ok && cell.Codes[i] != code {
			return false
		}
	}
	return true
}

// describe says what a query asked for, for the reason of an n.d. value:
// "fte for role=social_worker by district".
func (q query) describe() string {
	s := q.measure
	if len(q.conds) > 0 {
		var cs []string
		for _, dim := range slices.Sorted(maps.Keys(q.conds)) {
			cs = append(cs, dim+"="+q.conds[dim])
		}
		s += " for " + strings.Join(cs, ", ")
	}
	if len(q.dims) > 0 {
		s += " by " + strings.Join(q.dims, " × ")
	}
	return s
}
