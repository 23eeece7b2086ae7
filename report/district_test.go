package report

import (
	"strings"
	"testing"
)

// districtEdition is testEdition with a city-wide table and group, a small
// group in sud, and staff and service figures: some by district, one for a
// district, one of the whole city only.
func districtEdition() *Edition {
	ed := testEdition()
	ed.Vocabularies["units"] = &Vocabulary{Name: "units", Entries: []Entry{{Code: "u1", Label: "U1"}, {Code: "u2", Label: "U2"}}}
	ed.Vocabularies["roles"] = &Vocabulary{Name: "roles", Entries: []Entry{{Code: "as", Label: "AS"}}}
	ed.Tables = append(ed.Tables, Table{ID: "T3"}, Table{ID: "T4", District: "nord"})
	ed.Groups = append(ed.Groups, Group{ID: "G2", District: "sud", Citizens: 2}, Group{ID: "G3", Citizens: 40})
	ed.Projects = append(ed.Projects,
		Project{ID: "P5", Scope: ScopeZone, Districts: []string{"nord", "sud"}, Zones: []string{"n2", "s1"},
			Beneficiaries: Beneficiaries{Total: 30}, InAggregates: true})
	ed.Staff = []Figure{
		{Measure: "fte", Total: Known(8), Dims: []string{"district"}, Cells: []Cell{{[]string{"nord"}, 2}, {[]string{"sud"}, 6}}},
		{Measure: "fte", For: []Coord{{"role", "as"}, {"district", "nord"}}, Total: Known(1.5)},
		{Measure: "fte", For: []Coord{{"role", "as"}, {"district", "sud"}}, Total: Known(4)},
		{Measure: "headcount", Dims: []string{"unit"}, Cells: []Cell{{[]string{"u1"}, 10}, {[]string{"u2"}, 20}}},
		{Measure: "headcount", Dims: []string{"unit", "district"}, Cells: []Cell{
			{[]string{"u1", "nord"}, 4}, {[]string{"u2", "nord"}, 1}, {[]string{"u1", "sud"}, 6}, {[]string{"u2", "sud"}, 19}}},
		{Measure: "hires", Total: Known(3)},
	}
	ed.Services = []Figure{
		{Measure: "users", Dims: []string{"district"}, Cells: []Cell{{[]string{"nord"}, 40}, {[]string{"sud"}, 2}}},
	}
	return ed
}

var districtCatalogue = &Catalogue{
	Enums: testCatalogue.Enums,
	Indicators: []*Indicator{
		{ID: "projects", Source: SourceProjects, Measure: MeasureCount},
		{ID: "scope", Source: SourceProjects, Measure: MeasureCount, By: "scope"},
		{ID: "beneficiaries", Source: SourceProjects, Measure: MeasureSum, Field: "beneficiaries.total", By: "districts", People: true},
		{ID: "by_zone", Source: SourceProjects, Measure: MeasureCount, Filter: []Condition{{Field: "scope", Equals: "zone"}}, By: "zones"},
		{ID: "tables", Source: SourceTables, Measure: MeasureCount, By: "district"},
		{ID: "table_orgs", Source: SourceTables, Measure: MeasureDistinct, Field: "organisations"},
		{ID: "citizens", Source: SourceGroups, Measure: MeasureSum, Field: "citizens", By: "district", People: true},
		{ID: "citizens_all", Source: SourceGroups, Measure: MeasureSum, Field: "citizens", People: true},
		{ID: "roles", Source: SourceOrganisations, Measure: MeasureCount, Filter: []Condition{{Field: "roles", Min: f64(1)}}, By: "role_count"},
		{ID: "fte", Source: SourceStaff, Measure: MeasureSum, Field: "fte"},
		{ID: "fte_rate", Source: SourceStaff, Measure: MeasureRatio, Numerator: &Operand{Fields: []string{"fte"}},
			Denominator: &Operand{Residents: true}, Factor: 10000, By: "district"},
		{ID: "as_fte", Source: SourceStaff, Measure: MeasureSum, Field: "fte", Filter: []Condition{{Field: "role", Equals: "as"}}},
		{ID: "headcount_unit", Source: SourceStaff, Measure: MeasureSum, Field: "headcount", By: "unit"},
		{ID: "hires", Source: SourceStaff, Measure: MeasureSum, Field: "hires"},
		{ID: "users", Source: SourceServices, Measure: MeasureSum, Field: "users", People: true},
		{ID: "users_rate", Source: SourceServices, Measure: MeasureRatio, Numerator: &Operand{Fields: []string{"users"}},
			Denominator: &Operand{Residents: true}, Factor: 1000, People: true},
	},
}

// TestComputeDistrict: the edition seen from each district, by hand.
// Residents: nord 1000, sud 3000 (city 4000). Projects in the aggregates:
// P1 (zones n1, n2 of nord), P2 (city), P3 (sud), P5 (zones n2 of nord and
// s1 of sud); P4 is left out and city-wide.
func TestComputeDistrict(t *testing.T) {
	for _, tc := range []struct {
		district string
		cityWide int
		want     map[string]string
	}{
		{"nord", 1, map[string]string{
			"projects":       "2",                          // P1, P5
			"scope":          "2 city=0 district=0 zone=2", // P2 is counted apart
			"beneficiaries":  "130 nord=130",               // 100 + 30
			"by_zone":        "2 n1=1 n2=2",                // the district's zones only
			"tables":         "1 nord=1",                   // T4; T3 is the city's, no Città row
			"table_orgs":     "0",
			"citizens":       "7 nord=7",
			"roles":          "2 1=1 2=1 3=0", // o1 in P1; o2 in P1 and at G1
			"fte":            "2",
			"fte_rate":       "20 nord=20",  // 2 / 1000 × 10000
			"as_fte":         "1.5",         // the figure for nord
			"headcount_unit": "5 u1=4 u2=1", // from the unit × district figure
			"hires":          "n.d. [] staff.yaml has no figure of hires in district nord (none for the district or by district)",
			"users":          "40",
			"users_rate":     "40", // 40 / 1000 × 1000
		}},
		{"sud", 1, map[string]string{
			"projects":       "2", // P3, P5
			"scope":          "2 city=0 district=1 zone=1",
			"beneficiaries":  "630 sud=630",
			"by_zone":        "1 s1=1",
			"tables":         "2 sud=2",
			"table_orgs":     "2",
			"citizens":       "n.d. [] " + withheldReason(3), // G2's 2 citizens
			"roles":          "2 1=2 2=0 3=0",                // o1, o3 at T1, T2
			"fte":            "6",
			"fte_rate":       "20 sud=20", // 6 / 3000 × 10000
			"as_fte":         "4",
			"headcount_unit": "25 u1=6 u2=19",
			"users":          "n.d. [] " + withheldReason(3),
			"users_rate":     "n.d. [] " + withheldReason(3),
		}},
	} {
		rs, err := ComputeDistrict(districtEdition(), districtCatalogue, tc.district)
		if err != nil {
			t.Fatal(err)
		}
		Withhold(rs, 3)
		if rs.District == nil || rs.District.District.Code != tc.district || rs.District.CityWideProjects != tc.cityWide {
			t.Errorf("%s: view %+v, want the district and %d city-wide project", tc.district, rs.District, tc.cityWide)
		}
		if got := rs.Edition.Territory.Residents(); got != rs.District.District.Residents {
			t.Errorf("%s: residents %d, want the district's", tc.district, got)
		}
		for _, r := range rs.List {
			want, ok := tc.want[r.Indicator.ID]
			if !ok {
				continue
			}
			if got := brief(r); got != want {
				t.Errorf("%s: %s = %s, want %s", tc.district, r.Indicator.ID, got, want)
			}
		}
	}
}

// TestComputeDistrictKeepsCity: narrowing leaves the city's edition as it
// was, and Compute on it gives the city's figures.
func TestComputeDistrictKeepsCity(t *testing.T) {
	ed := districtEdition()
	before := brief(Compute(ed, districtCatalogue).List[0])
	if _, err := ComputeDistrict(ed, districtCatalogue, "nord"); err != nil {
		t.Fatal(err)
	}
	if len(ed.Territory.Districts) != 2 || len(ed.Projects) != 5 || len(ed.Staff) != 6 || len(ed.Staff[1].For) != 2 || ed.Staff[0].Total != Known(8) {
		t.Error("ComputeDistrict changed the city's edition")
	}
	if after := brief(Compute(ed, districtCatalogue).List[0]); after != before || after != "4" {
		t.Errorf("city projects %s, then %s; want 4", before, after)
	}
}

// TestComputeDistrictUnknown: an unknown district is an error naming the
// likely intended one, or the districts.
func TestComputeDistrictUnknown(t *testing.T) {
	for code, want := range map[string]string{
		"nrod":  `district "nrod" is not a district of edition 2030 (did you mean "nord"?)`,
		"ovest": `district "ovest" is not a district of edition 2030 (one of: nord, sud)`,
		"":      `district "" is not a district of edition 2030`,
	} {
		_, err := ComputeDistrict(districtEdition(), districtCatalogue, code)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: %v, want %s", code, err, want)
		}
	}
}

// TestWithholdDistrict: the city's citizens by district are nord 7, sud 2
// (withheld), city-wide 40; to keep sud's 2 from being recomputed (49 − 7 −
// 40) the city withholds nord's 7 too. Nord's own results may then not
// publish its 7, in the same breakdown or in a total of the same question;
// its other figures stay.
func TestWithholdDistrict(t *testing.T) {
	ed := districtEdition()
	city := Compute(ed, districtCatalogue)
	Withhold(city, 3)
	if r, _ := city.Lookup("citizens"); brief(r) != "49 nord=n.d. sud=n.d. city=40" || !r.Breakdown[0].Withheld || !r.Breakdown[1].Withheld || r.Breakdown[2].Withheld {
		t.Fatalf("city citizens: %s %+v; want nord and sud withheld, not the city-wide row", brief(r), r.Breakdown)
	}
	rs, err := ComputeDistrict(ed, districtCatalogue, "nord")
	if err != nil {
		t.Fatal(err)
	}
	n := WithholdDistrict(rs, city, 3)
	for id, want := range map[string]string{
		"citizens":      "n.d. [] " + withheldReason(3),
		"citizens_all":  "n.d. [] " + withheldReason(3),
		"beneficiaries": "130 nord=130",
		"users":         "40",
	} {
		if r, _ := rs.Lookup(id); brief(r) != want {
			t.Errorf("nord %s = %s, want %s", id, brief(r), want)
		}
	}
	if n != 3 { // citizens' value and row, citizens_all
		t.Errorf("%d figures withheld, want 3", n)
	}
}

// TestWithholdDistricts: a small cell of one district, published by the
// city within a larger one, would be the city's cell less the other
// districts': the joint suppression withholds the same cells in every
// district, and what gives them away within each.
func TestWithholdDistricts(t *testing.T) {
	ed := testEdition()
	ed.Vocabularies["scope"] = &Vocabulary{Name: "scope", Entries: []Entry{{Code: "city", Label: "C"}, {Code: "district", Label: "D"}, {Code: "zone", Label: "Z"}}}
	ed.Projects = []Project{
		{ID: "Pa", Scope: ScopeDistrict, Districts: []string{"nord"}, Beneficiaries: Beneficiaries{Total: 2}, InAggregates: true},
		{ID: "Pb", Scope: ScopeZone, Districts: []string{"nord"}, Zones: []string{"n1"}, Beneficiaries: Beneficiaries{Total: 50}, InAggregates: true},
		{ID: "Pc", Scope: ScopeDistrict, Districts: []string{"sud"}, Beneficiaries: Beneficiaries{Total: 40}, InAggregates: true},
		{ID: "Pd", Scope: ScopeZone, Districts: []string{"sud"}, Zones: []string{"s1"}, Beneficiaries: Beneficiaries{Total: 30}, InAggregates: true},
	}
	cat := &Catalogue{Indicators: []*Indicator{
		{ID: "by_scope", Source: SourceProjects, Measure: MeasureSum, Field: "beneficiaries.total", By: "scope", People: true},
	}}
	city := Compute(ed, cat)
	Withhold(city, 3)
	if r, _ := city.Lookup("by_scope"); brief(r) != "122 city=0 district=42 zone=80" {
		t.Fatalf("city: %s", brief(r))
	}
	compute := func() []*Results {
		var all []*Results
		for _, code := range []string{"nord", "sud"} {
			rs, err := ComputeDistrict(ed, cat, code)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, rs)
		}
		return all
	}
	// Alone, sud publishes its district cell: 42 − 40 gives nord's 2.
	alone := compute()
	WithholdDistrict(alone[1], city, 3)
	if r, _ := alone[1].Lookup("by_scope"); brief(r) != "70 city=0 district=40 zone=30" {
		t.Fatalf("sud alone: %s", brief(r))
	}
	all := compute()
	WithholdDistricts(all, city, 3)
	for i, want := range []string{"52 city=0 district=n.d. zone=n.d.", "70 city=0 district=n.d. zone=n.d."} {
		if r, _ := all[i].Lookup("by_scope"); brief(r) != want {
			t.Errorf("%s: %s, want %s", all[i].District.District.Code, brief(r), want)
		}
	}
}
