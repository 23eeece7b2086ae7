package yamldata

import (
	"strings"
	"testing"

	"rendiconto/report"
	"rendiconto/templates"
)

func shippedCatalogue(t *testing.T) *report.Catalogue {
	t.Helper()
	data, err := templates.FS.ReadFile("catalogue.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := ParseCatalogue("templates/catalogue.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

const ownIndicators = `indicators:
  - id: A.3.2
    title: {it: Assistenti sociali (FTE), en: Social workers (FTE)}
    unit: {it: FTE, en: FTE}
    definition: {it: Tutti gli assistenti sociali., en: All social workers.}
    source: staff
    measure: sum
    field: fte
    filter: [{field: role, equals: assistente_sociale}]
  - id: X.per_group
    title: {it: Cittadini per gruppo, en: Citizens per group}
    unit: {it: cittadini, en: citizens}
    definition: {it: Cittadini diviso gruppi., en: Citizens over groups.}
    measure: ratio
    numerator: B.3.citizens
    denominator: B.3.groups
`

// TestMergeIndicators: an own file replaces an indicator in its place, the
// catalogue's indicators that read it read the replacement, and a new one
// is added at the end, reading the catalogue's; the catalogue given is
// left as it was.
func TestMergeIndicators(t *testing.T) {
	cat := shippedCatalogue(t)
	n := len(cat.Indicators)
	old, _ := cat.Lookup("A.3.2")
	got, err := MergeIndicators(cat, "own.yaml", []byte(ownIndicators))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Indicators) != n+1 || len(cat.Indicators) != n {
		t.Fatalf("%d indicators (catalogue %d), want %d and %d", len(got.Indicators), len(cat.Indicators), n+1, n)
	}
	repl, _ := got.Lookup("A.3.2")
	if repl == old || repl.Origin != "own.yaml" || !repl.Replaces || len(repl.Filter) != 1 {
		t.Errorf("A.3.2 not replaced: %+v", repl)
	}
	if a33, _ := got.Lookup("A.3.3"); a33.Numerator.Ref != repl {
		t.Errorf("A.3.3 reads %p, not the replacement", a33.Numerator.Ref)
	}
	if a33, _ := cat.Lookup("A.3.3"); a33.Numerator.Ref != old {
		t.Errorf("the catalogue given was changed")
	}
	add := got.Indicators[n]
	cit, _ := got.Lookup("B.3.citizens")
	if add.ID != "X.per_group" || add.Replaces || add.Origin != "own.yaml" || add.Numerator.Ref != cit {
		t.Errorf("added indicator %+v", add)
	}
	if b, _ := got.Lookup("B.3.groups"); b.Origin != "" || b.Replaces {
		t.Errorf("a catalogue indicator marked as own: %+v", b)
	}
}

func TestMergeIndicatorsErrors(t *testing.T) {
	for _, tc := range []struct{ name, file, want string }{
		{"measure", "indicators:\n  - id: X.1\n    title: {it: a}\n    unit: {it: a}\n    definition: {it: a}\n    source: groups\n    measure: cont\n",
			`own.yaml:7:14: unknown measure "cont" (did you mean "count"?)`},
		{"reference", "indicators:\n  - id: X.1\n    title: {it: a}\n    unit: {it: a}\n    definition: {it: a}\n    measure: ratio\n    numerator: B.3.nope\n",
			`own.yaml:7:16: "B.3.nope" is not residents`},
		{"duplicate", "indicators:\n  - {id: X.1, title: {it: a}, unit: {it: a}, definition: {it: a}, source: groups, measure: count}\n  - {id: X.1, title: {it: a}, unit: {it: a}, definition: {it: a}, source: groups, measure: count}\n",
			`own.yaml:3:5: duplicate indicator id "X.1" (first at line 2)`},
		{"unknown key", "indicator: []\n", `own.yaml:1:1: unknown field "indicator"`},
		{"syntax", "indicators: [\n", `own.yaml:`},
		{"circular", "indicators:\n  - id: A.3.2\n    title: {it: a}\n    unit: {it: a}\n    definition: {it: a}\n    measure: ratio\n    numerator: A.3.3\n",
			`own.yaml:7:16: indicator A.3.2 reads itself through A.3.3`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := MergeIndicators(shippedCatalogue(t), "own.yaml", []byte(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	// A second file may not give an indicator of the first again.
	cat, err := MergeIndicators(shippedCatalogue(t), "own.yaml", []byte(ownIndicators))
	if err != nil {
		t.Fatal(err)
	}
	_, err = MergeIndicators(cat, "other.yaml", []byte(ownIndicators))
	if err == nil || !strings.Contains(err.Error(), `other.yaml:2:5: indicator "A.3.2" is already given by own.yaml`) {
		t.Errorf("error %v", err)
	}
}

// FuzzMergeIndicators: any own file gives a catalogue or errors, never a
// panic, and leaves the shipped catalogue as it was.
func FuzzMergeIndicators(f *testing.F) {
	data, err := templates.FS.ReadFile("catalogue.yaml")
	if err != nil {
		f.Fatal(err)
	}
	base, err := ParseCatalogue("templates/catalogue.yaml", data)
	if err != nil {
		f.Fatal(err)
	}
	n := len(base.Indicators)
	f.Add([]byte(ownIndicators))
	f.Add([]byte("indicators:\n  - id: A.3.2\n    title: {it: a}\n    unit: {it: a}\n    definition: {it: a}\n    measure: ratio\n    numerator: A.3.3\n"))
	f.Add([]byte("enums: {scope: [{code: x, it: X}]}\nindicators: [{id: B.3.1, title: {it: a}, unit: {it: a}, definition: {it: a}, source: tables, measure: count, by: scope}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := MergeIndicators(base, "own.yaml", data)
		if err == nil && cat == nil {
			t.Fatal("no catalogue and no error")
		}
		if len(base.Indicators) != n {
			t.Fatal("the catalogue given was changed")
		}
	})
}
