package report

import (
	"strings"
	"testing"
)

// TestCodeNotes: a code a condition names that the edition's list lacks
// gives one note per condition, and its indicator (and those reading it)
// is n.d. with the reason, never 0; codes of the catalogue's enums, of
// true/false fields and of present conditions are not checked.
func TestCodeNotes(t *testing.T) {
	ed := testEdition()
	pos := Pos{File: "cat.yaml", Line: 7, Col: 30}
	cat := &Catalogue{Enums: testCatalogue.Enums, Indicators: []*Indicator{
		{ID: "lab", Source: SourceProjects, Measure: MeasureCount, Filter: []Condition{{Field: "origin", Equals: "pdzz", Pos: pos}}},
		{ID: "lab_share", Source: SourceProjects, Measure: MeasureShare, Where: []Condition{{Field: "origin", Equals: "pdz"}}},
		{ID: "zone", Source: SourceProjects, Measure: MeasureCount, Filter: []Condition{{Field: "scope", Equals: "zone"}, {Field: "new", Equals: "true"}}},
		{ID: "north", Source: SourceProjects, Measure: MeasureCount, Filter: []Condition{{Field: "districts", Equals: "ovest", Pos: Pos{File: "cat.yaml", Line: 9, Col: 3}}}},
		{ID: "per_lab", Measure: MeasureRatio, Numerator: &Operand{ID: "lab"}},
	}}
	cat.Indicators[4].Numerator.Ref = cat.Indicators[0]
	notes := CodeNotes(ed, cat)
	if len(notes) != 2 {
		t.Fatalf("notes: %v", notes)
	}
	n := notes[0]
	if n.Pos != pos || n.Indicator != "lab" || n.List != "origins" || n.Year != 2030 {
		t.Errorf("note %+v", n)
	}
	for _, want := range []string{"cat.yaml:7:30: warning: indicator lab:", `origin "pdzz"`, "code list origins", "edition 2030", `did you mean "pdz"?`} {
		if !strings.Contains(n.String(), want) {
			t.Errorf("%q does not say %q", n, want)
		}
	}
	if notes[1].List != "districts" || !strings.Contains(notes[1].String(), "one of: nord, sud") {
		t.Errorf("note %v", notes[1])
	}
	rs := Compute(ed, cat)
	for _, id := range []string{"lab", "north", "per_lab"} {
		r, _ := rs.Lookup(id)
		if r.Value.Known || r.Reason == "" {
			t.Errorf("%s: %+v, want n.d. with a reason", id, r.Value)
		}
	}
	if r, _ := rs.Lookup("lab"); r.Code == nil || r.Reason != `origin "pdzz" is not in the code list origins of edition 2030` {
		t.Errorf("lab: reason %q", r.Reason)
	}
	if r, _ := rs.Lookup("lab_share"); !r.Value.Known {
		t.Errorf("lab_share is n.d.: %s", r.Reason)
	}
}
