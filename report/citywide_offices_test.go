package report

import "testing"

// cityCatalogue breaks tables and groups down by district, and a rate of
// tables per 1,000 residents by district.
func cityCatalogue() *Catalogue {
	return &Catalogue{Indicators: []*Indicator{
		{ID: "tables", Source: SourceTables, Measure: MeasureCount, By: "district"},
		{ID: "citizens", Source: SourceGroups, Measure: MeasureSum, Field: "citizens", By: "district"},
		{ID: "groups_sud", Source: SourceGroups, Measure: MeasureCount, Filter: []Condition{{Field: "district", Equals: "sud"}}},
		{ID: "tables_rate", Source: SourceTables, Measure: MeasureRatio,
			Numerator: &Operand{Fields: []string{"meetings"}}, Denominator: &Operand{Residents: true}, Factor: 1000, By: "district"},
	}}
}

// TestCityWideRecords: a table or group without a district counts in the
// totals and in a last row «Città»; a rate per residents is n.d. for that
// row; an edition without city-wide records has no such row.
func TestCityWideRecords(t *testing.T) {
	ed := testEdition()
	ed.Tables[0].Meetings, ed.Tables[1].Meetings = 4, 2
	ed.Tables = append(ed.Tables, Table{ID: "T3", Meetings: 8})
	ed.Groups = append(ed.Groups, Group{ID: "G2", Citizens: 5})
	want := map[string]string{
		"tables":      "3 nord=0 sud=2 city=1",
		"citizens":    "12 nord=7 sud=0 city=5",
		"groups_sud":  "0",
		"tables_rate": "3.5 nord=0 sud=2 city=n.d.", // 14 meetings per 4,000 residents; the city's are no district's
	}
	rs := Compute(ed, cityCatalogue())
	for _, r := range rs.List {
		if got := brief(r); got != want[r.Indicator.ID] {
			t.Errorf("%s = %s, want %s", r.Indicator.ID, got, want[r.Indicator.ID])
		}
	}
	if r, _ := rs.Lookup("tables"); r.Breakdown[2].Label.In("it") != "Città" {
		t.Errorf("city row label %q", r.Breakdown[2].Label.In("it"))
	}
	if r, _ := Compute(ed, cityCatalogue()).Lookup("tables"); r.Breakdown[2].Label.In("en") != "City-wide" {
		t.Errorf("city row label in English %q", r.Breakdown[2].Label.In("en"))
	}
	plain := Compute(testEdition(), cityCatalogue())
	if r, _ := plain.Lookup("tables"); brief(r) != "2 nord=0 sud=2" {
		t.Errorf("without city-wide records: %s", brief(r))
	}

	// Compared with an edition without them, the city row is a change from
	// zero, not a new code, and no definition changed.
	ch, _ := NewComparer(plain, rs, nil).Change("tables")
	last := ch.Breakdown[len(ch.Breakdown)-1]
	if last.Key != CityWide || showValue(last.From) != "0" || last.Note != "" || ch.DefinitionChange {
		t.Errorf("compare: %+v (definition change %v)", last, ch.DefinitionChange)
	}
	ch, _ = NewComparer(rs, plain, nil).Change("tables")
	last = ch.Breakdown[len(ch.Breakdown)-1]
	if last.Key != CityWide || showValue(last.To) != "0" || last.Note != "" || ch.DefinitionChange {
		t.Errorf("compare back: %+v (definition change %v)", last, ch.DefinitionChange)
	}
}

// TestOfficesList: with an offices code list, the operators parts follow it.
func TestOfficesList(t *testing.T) {
	ed := testEdition()
	ed.Vocabularies[VocabOffices] = &Vocabulary{Name: VocabOffices, Entries: []Entry{
		{Code: "desk", Label: "Sportello", LabelEn: "Desk"}, {Code: "edu", Label: "Educativa"}}}
	for i, ops := range []map[string]int{{"desk": 3, "edu": 1}, {"edu": 2}, nil} {
		ed.Projects[i].Operators = Operators{ByOffice: ops, Stated: ops != nil}
	}
	r, _ := Compute(ed, testCatalogue).Lookup("operators")
	// the mean is over P1–P3: the test catalogue has no filter on operators.stated
	if got, want := brief(r), "2 operators.desk=1 operators.edu=1"; got != want {
		t.Errorf("operators = %s, want %s", got, want)
	}
	if r.Breakdown[0].Label.In("en") != "Desk" || r.Breakdown[1].Label.In("en") != "Educativa" {
		t.Errorf("labels %q, %q", r.Breakdown[0].Label.In("en"), r.Breakdown[1].Label.In("en"))
	}
	if len(testCatalogue.Indicators[8].Parts) != 3 {
		t.Error("the catalogue's indicator was changed")
	}
}
