package report

import (
	"fmt"
	"reflect"
	"testing"
)

// testEdition is a small edition: two districts, four projects (one left out
// of the aggregates), two tables, one group, four organisations.
func testEdition() *Edition {
	return &Edition{
		Year: 2030,
		Territory: Territory{Name: "Città", Districts: []District{
			{Code: "nord", Name: "Nord", Residents: 1000, Zones: []Zone{{"n1", "Nord 1"}, {"n2", "Nord 2"}}},
			{Code: "sud", Name: "Sud", Residents: 3000, Zones: []Zone{{"s1", "Sud 1"}}},
		}},
		Vocabularies: map[string]*Vocabulary{
			"activities": {Name: "activities", Entries: []Entry{{Code: "soc", Label: "Socialità"}, {Code: "sal", Label: "Salute"}, {Code: "lav", Label: "Lavoro"}}},
			"organisation_kinds": {Name: "organisation_kinds", Entries: []Entry{
				{Code: "aps", Label: "APS", ETS: true}, {Code: "odv", Label: "ODV", ETS: true}, {Code: "par", Label: "Parrocchia"}}},
			"origins": {Name: "origins", Entries: []Entry{{Code: "pdz", Label: "PdZ"}, {Code: "other", Label: "Altro"}}},
		},
		Organisations: []Organisation{
			{ID: "o1", Kind: "aps"}, {ID: "o2", Kind: "par"}, {ID: "o3", Kind: "aps"}, {ID: "o4", Kind: "odv"},
		},
		Projects: []Project{
			{ID: "P1", New: true, Origin: "pdz", Scope: ScopeZone, Districts: []string{"nord"}, Zones: []string{"n1", "n2"},
				Beneficiaries: Beneficiaries{Total: 100, InCharge: 10}, Organisations: []string{"o1", "o2"},
				Operators: Operators{SST: 3, Reti: 1, Other: 2}, Activities: []string{"soc", "sal"}, InAggregates: true},
			{ID: "P2", Origin: "other", Scope: ScopeCity,
				Beneficiaries: Beneficiaries{Total: 20, InCharge: 5}, Organisations: []string{"o1"},
				Operators: Operators{SST: 1}, InAggregates: true},
			{ID: "P3", Origin: "pdz", Scope: ScopeDistrict, Districts: []string{"sud"},
				Beneficiaries: Beneficiaries{Total: 600}, Activities: []string{"soc"}, InAggregates: true},
			{ID: "P4", New: true, Origin: "pdz", Scope: ScopeCity,
				Beneficiaries: Beneficiaries{Total: 5000, InCharge: 50}, Organisations: []string{"o4"}, InAggregates: false},
		},
		Tables: []Table{{ID: "T1", District: "sud", Organisations: []string{"o1", "o3"}}, {ID: "T2", District: "sud", Organisations: []string{"o3"}}},
		Groups: []Group{{ID: "G1", District: "nord", Citizens: 7, Organisations: []string{"o2"}}},
	}
}

func f64(f float64) *float64 { return &f }
func yes() *bool             { b := true; return &b }

var testCatalogue = &Catalogue{
	Enums: map[string][]EnumEntry{
		"scope":      {{"city", Text{It: "Città"}}, {"district", Text{It: "Quartiere"}}, {"zone", Text{It: "Zona"}}},
		"ets":        {{"true", Text{It: "ETS"}}, {"false", Text{It: "Altre"}}},
		"role_count": {{"1", Text{It: "Uno"}}, {"2", Text{It: "Due"}}, {"3", Text{It: "Tre"}}},
	},
	Indicators: []*Indicator{
		{ID: "projects", Source: SourceProjects, Measure: MeasureCount},
		{ID: "new", Source: SourceProjects, Measure: MeasureCount, Filter: []Condition{{Field: "new", Equals: "true"}}},
		{ID: "new_share", Source: SourceProjects, Measure: MeasureShare, Where: []Condition{{Field: "new", Equals: "true"}}},
		{ID: "pdz_by_scope", Source: SourceProjects, Measure: MeasureCount, Filter: []Condition{{Field: "origin", Equals: "pdz"}}, By: "scope"},
		{ID: "by_zone", Source: SourceProjects, Measure: MeasureCount, Filter: []Condition{{Field: "scope", Equals: "zone"}}, By: "zones"},
		{ID: "activities", Source: SourceProjects, Measure: MeasureCount, Filter: []Condition{{Field: "activities", Present: yes()}}, By: "activities"},
		{ID: "beneficiaries", Source: SourceProjects, Measure: MeasureSum, Field: "beneficiaries.total", By: "districts"},
		{ID: "size", Source: SourceProjects, Measure: MeasureCount, By: "beneficiaries.total", Bins: []float64{20, 100}},
		{ID: "operators", Source: SourceProjects, Measure: MeasureMean, Parts: []Part{{Field: "operators.sst"}, {Field: "operators.reti"}, {Field: "operators.other"}}},
		{ID: "orgs", Source: SourceProjects, Measure: MeasureDistinct, Field: "organisations", By: "kind"},
		{ID: "orgs_ets", Source: SourceProjects, Measure: MeasureDistinct, Field: "organisations", By: "ets"},
		{ID: "table_orgs", Source: SourceTables, Measure: MeasureDistinct, Field: "organisations"},
		{ID: "citizens", Source: SourceGroups, Measure: MeasureSum, Field: "citizens", By: "district"},
		{ID: "roles", Source: SourceOrganisations, Measure: MeasureCount, Filter: []Condition{{Field: "roles", Min: f64(1)}}, By: "role_count"},
		{ID: "multi", Source: SourceOrganisations, Measure: MeasureShare, Filter: []Condition{{Field: "roles", Min: f64(1)}}, Where: []Condition{{Field: "roles", Min: f64(2)}}},
	},
}

// brief prints a result compactly: value, then key=value per row.
func brief(r *Result) string {
	if !r.Value.Known {
		return fmt.Sprintf("n.d. %v %s", r.Missing, r.Reason)
	}
	s := fmt.Sprintf("%.4g", r.Value.Num)
	for _, row := range r.Breakdown {
		s += fmt.Sprintf(" %s=%.4g", row.Key, row.Value)
	}
	return s
}

func TestCompute(t *testing.T) {
	want := map[string]string{
		"projects":      "3",                          // P4 is left out of the aggregates
		"new":           "1",                          // P4 is new but left out
		"new_share":     "0.3333",                     // 1 of 3
		"pdz_by_scope":  "2 city=0 district=1 zone=1", // zero rows kept, enum order
		"by_zone":       "1 n1=1 n2=1 s1=0",           // a project in two zones counts in each
		"activities":    "2 soc=2 sal=1 lav=0",        // 2 projects answered
		"beneficiaries": "720 nord=100 sud=600",       // P2 is city-wide: in no district
		"size":          "3 0-20=1 21-100=1 101+=1",   // 20 falls in the first class
		"operators":     "2.333 operators.sst=1.333 operators.reti=0.3333 operators.other=0.6667",
		"orgs":          "2 aps=1 odv=0 par=1", // o1 twice counts once; o4 only in P4
		"orgs_ets":      "2 true=1 false=1",
		"table_orgs":    "2",
		"citizens":      "7 nord=7 sud=0",
		"roles":         "3 1=1 2=2 3=0", // o1 project+table, o2 project+group, o3 table
		"multi":         "0.6667",
	}
	rs := Compute(testEdition(), testCatalogue, "it")
	for _, r := range rs.List {
		if got := brief(r); got != want[r.Indicator.ID] {
			t.Errorf("%s = %s, want %s", r.Indicator.ID, got, want[r.Indicator.ID])
		}
	}
}

func TestComputeMissingFileIsNotZero(t *testing.T) {
	ed := testEdition()
	ed.Groups = nil
	ed.Missing = map[string]bool{FileGroups: true}
	rs := Compute(ed, testCatalogue, "it")
	tests := map[string]bool{"citizens": false, "roles": false, "multi": false, "projects": true, "orgs": true}
	for id, known := range tests {
		r, _ := rs.Lookup(id)
		if r.Value.Known != known {
			t.Errorf("%s known = %v, want %v", id, r.Value.Known, known)
		}
		if !known && (r.Breakdown != nil || !reflect.DeepEqual(r.Missing[len(r.Missing)-1:], []string{FileGroups})) {
			t.Errorf("%s: breakdown %v, missing %v; want no breakdown, groups.yaml missing", id, r.Breakdown, r.Missing)
		}
	}
}

func TestComputeShareOfNothingIsNotAvailable(t *testing.T) {
	ed := testEdition()
	ed.Projects = nil
	r, _ := Compute(ed, testCatalogue, "it").Lookup("new_share")
	if r.Value.Known || r.Reason == "" {
		t.Errorf("share of no projects = %+v, want n.d. with a reason", r.Value)
	}
}

func ExampleCompute() {
	rs := Compute(testEdition(), testCatalogue, "it")
	r, _ := rs.Lookup("orgs_ets")
	fmt.Println(r.Value.Num, "organisations in projects")
	for _, row := range r.Breakdown {
		fmt.Printf("  %s: %v\n", row.Label, row.Value)
	}
	// Output:
	// 2 organisations in projects
	//   ETS: 1
	//   Altre: 1
}
