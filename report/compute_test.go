package report

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
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
		if row.NA {
			s += fmt.Sprintf(" %s=n.d.", row.Key)
			continue
		}
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
	rs := Compute(testEdition(), testCatalogue)
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
	rs := Compute(ed, testCatalogue)
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
	r, _ := Compute(ed, testCatalogue).Lookup("new_share")
	if r.Value.Known || r.Reason == "" {
		t.Errorf("share of no projects = %+v, want n.d. with a reason", r.Value)
	}
}

func ExampleCompute() {
	rs := Compute(testEdition(), testCatalogue)
	r, _ := rs.Lookup("orgs_ets")
	fmt.Println(r.Value.Num, "organisations in projects")
	for _, row := range r.Breakdown {
		fmt.Printf("  %s: %v\n", row.Label.In("it"), row.Value)
	}
	// Output:
	// 2 organisations in projects
	//   ETS: 1
	//   Altre: 1
}

// aggEdition is an edition with aggregate figures: two districts of 10.000
// and 30.000 residents; 10 staff, 5 of them social workers.
func aggEdition() *Edition {
	ed := testEdition()
	ed.Territory.Districts[0].Residents = 10000
	ed.Territory.Districts[1].Residents = 30000
	voc := func(name string, codes ...string) {
		v := &Vocabulary{Name: name}
		for _, c := range codes {
			v.Entries = append(v.Entries, Entry{Code: c, Label: c})
		}
		ed.Vocabularies[name] = v
	}
	voc("units", "a", "b", "c")
	voc("sexes", "f", "m")
	sw := []Coord{{"role", "sw"}}
	ed.Staff = []Figure{
		{Measure: "headcount", Total: Known(10), Dims: []string{"unit"}, Cells: []Cell{{[]string{"a"}, 6}, {[]string{"b"}, 4}}},
		{Measure: "headcount", Dims: []string{"sex", "unit"}, Cells: []Cell{
			{[]string{"f", "a"}, 4}, {[]string{"m", "a"}, 2}, {[]string{"f", "b"}, 3}, {[]string{"m", "b"}, 1}}},
		{Measure: "training_hours", Dims: []string{"unit"}, Cells: []Cell{{[]string{"a"}, 30}, {[]string{"b"}, 10}}},
		{Measure: "headcount", For: sw, Total: Known(5)},
		{Measure: "community_workers", For: sw, Total: Known(2)},
		{Measure: "fte", For: sw, Dims: []string{"district"}, Cells: []Cell{{[]string{"nord"}, 1.5}, {[]string{"sud"}, 2.5}}},
		{Measure: "fte", For: []Coord{{"contract", "perm"}, {"role", "sw"}}, Total: Known(3)},
		{Measure: "hires", Total: Known(2)},
		{Measure: "leavers", Total: Known(0)},
	}
	ed.Services = []Figure{{Measure: "users", Total: Known(600)}}
	return ed
}

func aggCatalogue() *Catalogue {
	ind := func(i *Indicator) *Indicator { return i }
	sw := []Condition{{Field: "role", Equals: "sw"}}
	perm := ind(&Indicator{ID: "perm", Source: SourceStaff, Measure: MeasureSum, Field: "fte",
		Filter: []Condition{{Field: "role", Equals: "sw"}, {Field: "contract", Equals: "perm"}}})
	swFTE := ind(&Indicator{ID: "sw_fte", Source: SourceStaff, Measure: MeasureSum, Field: "fte", Filter: sw, By: "district"})
	users := ind(&Indicator{ID: "users", Source: SourceServices, Measure: MeasureSum, Field: "users"})
	residents := &Operand{Residents: true}
	thresholds := []Part{{Key: "t6500", Per: 6500}, {Key: "t5000", Per: 5000, Main: true}, {Key: "t4000", Per: 4000}}
	zero := ind(&Indicator{ID: "zero_den", Source: SourceStaff, Measure: MeasureRatio,
		Numerator: &Operand{Fields: []string{"hires"}}, Denominator: &Operand{Fields: []string{"leavers"}}})
	return &Catalogue{Indicators: []*Indicator{
		ind(&Indicator{ID: "by_unit", Source: SourceStaff, Measure: MeasureSum, Field: "headcount", By: "unit"}),
		ind(&Indicator{ID: "sex_unit", Source: SourceStaff, Measure: MeasureSum, Field: "headcount", By: "sex", Across: "unit"}),
		ind(&Indicator{ID: "training", Source: SourceStaff, Measure: MeasureRatio, By: "unit",
			Numerator: &Operand{Fields: []string{"training_hours"}}, Denominator: &Operand{Fields: []string{"headcount"}}}),
		perm, swFTE, users,
		ind(&Indicator{ID: "sw_rate", Source: SourceStaff, Measure: MeasureRatio, Filter: sw, By: "district", Factor: 10000,
			Numerator: &Operand{Fields: []string{"fte"}}, Denominator: residents}),
		ind(&Indicator{ID: "per10k", Measure: MeasureRatio, Factor: 10000, Parts: thresholds,
			Numerator: &Operand{ID: "perm", Ref: perm}, Denominator: residents}),
		ind(&Indicator{ID: "gap", Measure: MeasureGap, Parts: thresholds,
			Numerator: &Operand{ID: "perm", Ref: perm}, Denominator: residents}),
		ind(&Indicator{ID: "users_per_sw", Measure: MeasureRatio,
			Numerator: &Operand{ID: "users", Ref: users}, Denominator: &Operand{ID: "sw_fte", Ref: swFTE}}),
		ind(&Indicator{ID: "community", Source: SourceStaff, Measure: MeasureShare, Filter: sw,
			Numerator: &Operand{Fields: []string{"community_workers"}}, Denominator: &Operand{Fields: []string{"headcount"}},
			Parts: []Part{{Field: "community_workers"}, {Field: "headcount"}}}),
		ind(&Indicator{ID: "fte_and_rate", Source: SourceStaff, Measure: MeasureRatio, Filter: sw,
			Numerator: &Operand{Fields: []string{"fte"}},
			Parts:     []Part{{Key: "per_10000", Field: "fte", Denominator: residents, Factor: 10000}}}),
		zero,
		ind(&Indicator{ID: "no_figure", Source: SourceStaff, Measure: MeasureSum, Field: "headcount", By: "contract"}),
		ind(&Indicator{ID: "of_nd", Measure: MeasureRatio, Numerator: &Operand{ID: "users", Ref: users},
			Denominator: &Operand{ID: "zero_den", Ref: zero}}),
	}}
}

func TestComputeAggregates(t *testing.T) {
	cat := aggCatalogue()
	want := map[string]string{
		"by_unit":      "10 a=6 b=4 c=0",                         // vocabulary order, zero row kept
		"sex_unit":     "10 f/a=4 f/b=3 f/c=0 m/a=2 m/b=1 m/c=0", // by × across
		"training":     "4 a=5 b=2.5 c=n.d.",                     // 40/10; 30/6, 10/4; c has no staff: n.d.
		"perm":         "3",                                      // from the slice role=sw, contract=perm
		"sw_fte":       "4 nord=1.5 sud=2.5",                     // slice role=sw by district
		"users":        "600",                                    // services.yaml
		"sw_rate":      "1 nord=1.5 sud=0.8333",                  // 4/40000×1e4; 1.5/10000×1e4; 2.5/30000×1e4
		"per10k":       "0.75 t6500=1.538 t5000=2 t4000=2.5",     // 3/40000×1e4; levels 1e4/6500, 1e4/5000, 1e4/4000
		"gap":          "-5 t6500=-3.154 t5000=-5 t4000=-7",      // 3 − 40000/6500, 3 − 8, 3 − 10
		"users_per_sw": "150",                                    // 600 / 4
		"community":    "0.4 community_workers=2 headcount=5",    // 2 of 5
		"fte_and_rate": "4 per_10000=1",                          // 4 FTE; 4/40000×1e4
	}
	nd := map[string]string{
		"zero_den":  "zero denominator",
		"no_figure": "staff.yaml has no figure of headcount by contract",
		"of_nd":     "zero_den is n.d.",
	}
	rs := Compute(aggEdition(), cat)
	for _, r := range rs.List {
		id := r.Indicator.ID
		if reason, ok := nd[id]; ok {
			if r.Value.Known || r.Reason != reason {
				t.Errorf("%s = %s (reason %q), want n.d. because %q", id, brief(r), r.Reason, reason)
			}
			continue
		}
		if got := brief(r); got != want[id] {
			t.Errorf("%s = %s, want %s", id, got, want[id])
		}
	}
}

// TestComputeWithoutStaff: an edition without staff.yaml has every staff
// indicator n.d., never zero, and so are the ratios that read them.
func TestComputeWithoutStaff(t *testing.T) {
	ed := aggEdition()
	ed.Staff = nil
	ed.Missing = map[string]bool{FileStaff: true}
	rs := Compute(ed, aggCatalogue())
	for _, r := range rs.List {
		if r.Indicator.ID == "users" {
			if !r.Value.Known {
				t.Errorf("users should not need staff.yaml")
			}
			continue
		}
		if r.Value.Known || r.Breakdown != nil || !slices.Contains(r.Missing, FileStaff) {
			t.Errorf("%s = %s, missing %v; want n.d. because staff.yaml is missing", r.Indicator.ID, brief(r), r.Missing)
		}
	}
}

func TestLabelsInEnglish(t *testing.T) {
	ed := testEdition()
	ed.Vocabularies["activities"].Entries[0].LabelEn = "Socialising"
	rs := Compute(ed, testCatalogue)
	r, _ := rs.Lookup("activities")
	if got := []string{r.Breakdown[0].Label.In("en"), r.Breakdown[1].Label.In("en")}; got[0] != "Socialising" || got[1] != "Salute" {
		t.Errorf("English labels = %v, want the English one where given, else the Italian", got)
	}
	if got := r.Breakdown[0].Label.In("it"); got != "Socialità" {
		t.Errorf("Italian label = %q: one computation holds both languages", got)
	}
	// The classes of a numeric breakdown are labelled in both languages.
	size, _ := rs.Lookup("size")
	var it, en []string
	for _, row := range size.Breakdown {
		it, en = append(it, row.Label.In("it")), append(en, row.Label.In("en"))
	}
	if got, want := strings.Join(it, "; "), "fino a 20; 21–100; oltre 100"; got != want {
		t.Errorf("class labels %q, want %q", got, want)
	}
	if got, want := strings.Join(en, "; "), "up to 20; 21–100; over 100"; got != want {
		t.Errorf("class labels in English %q, want %q", got, want)
	}
	ed.Title, ed.TitleEn, ed.Subtitle = "Il lavoro di comunità", "Community work", "Rendiconto"
	if title, sub := ed.TitleIn("en"); title != "Community work" || sub != "Rendiconto" {
		t.Errorf("TitleIn(en) = %q, %q", title, sub)
	}
}

// TestComputeZeroResidents: with no residents, a ratio to residents is
// n.d., and a part divided by residents stays as a row, n.d., so that a
// template asking for it prints n.d. instead of failing (A.1.2 per_10000).
func TestComputeZeroResidents(t *testing.T) {
	ed := aggEdition()
	for i := range ed.Territory.Districts {
		ed.Territory.Districts[i].Residents = 0
	}
	rs := Compute(ed, aggCatalogue())
	for id, want := range map[string]string{
		"fte_and_rate": "4 per_10000=n.d.",
		"sw_rate":      "n.d. [] zero denominator",
		"per10k":       "n.d. [] zero denominator",
		"gap":          "3 t6500=3 t5000=3 t4000=3",
	} {
		if r, _ := rs.Lookup(id); brief(r) != want {
			t.Errorf("%s = %s, want %s", id, brief(r), want)
		}
	}
}

// TestComputeNeverInfinite: numbers that would overflow (a threshold of
// 1e-320, which the catalogue loader refuses, set here by hand) give n.d.,
// never an infinity that JSON cannot print.
func TestComputeNeverInfinite(t *testing.T) {
	perm := &Indicator{ID: "perm", Source: SourceStaff, Measure: MeasureSum, Field: "fte",
		Filter: []Condition{{Field: "role", Equals: "sw"}, {Field: "contract", Equals: "perm"}}}
	tiny := []Part{{Key: "tiny", Per: 1e-320, Main: true}}
	cat := &Catalogue{Indicators: []*Indicator{perm,
		{ID: "gap", Measure: MeasureGap, Parts: tiny, Numerator: &Operand{ID: "perm", Ref: perm}, Denominator: &Operand{Residents: true}},
		{ID: "rate", Measure: MeasureRatio, Factor: 1e308, Parts: tiny, Numerator: &Operand{ID: "perm", Ref: perm}, Denominator: &Operand{Residents: true}},
	}}
	rs := Compute(aggEdition(), cat)
	for id, want := range map[string]string{
		"gap":  "n.d. [] the result is not a finite number",
		"rate": "7.5e+303 tiny=n.d.",
	} {
		if r, _ := rs.Lookup(id); brief(r) != want {
			t.Errorf("%s = %s, want %s", id, brief(r), want)
		}
	}
}
