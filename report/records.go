package report

import "strconv"

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

func (p *Project) codes(field string) []string {
	switch field {
	case "new":
		return boolCode(p.New)
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
	case "operators.sst":
		return float64(p.Operators.SST)
	case "operators.reti":
		return float64(p.Operators.Reti)
	case "operators.other":
		return float64(p.Operators.Other)
	case "operators.total":
		return float64(p.Operators.SST + p.Operators.Reti + p.Operators.Other)
	}
	return 0
}

func (t *Table) codes(field string) []string {
	switch field {
	case "district":
		return one(t.District)
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
		return one(g.District)
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
