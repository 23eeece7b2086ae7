package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// cwFiles are the files of testdata/othercity/2022 these tests copy:
// staff.yaml and services.yaml are left out (their indicators n.d.), so
// that only the records under test matter.
var cwFiles = []string{"edition.yaml", "vocabularies.yaml", "organisations.yaml", "projects.yaml", "tables.yaml", "groups.yaml"}

// cwOtherCity copies the records of testdata/othercity/2022 into a data root
// of its own, edit changing each file's text; it returns the root.
func cwOtherCity(t *testing.T, edit func(name, text string) string) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "2022")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range cwFiles {
		b, err := os.ReadFile(filepath.Join("../../testdata/othercity/2022", name))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if edit != nil {
			text = edit(name, text)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

type cwRow struct {
	Key   string   `json:"key"`
	Label string   `json:"label"`
	Value *float64 `json:"value"`
}

type cwIndicator struct {
	ID        string   `json:"id"`
	Value     *float64 `json:"value"`
	Breakdown []cwRow  `json:"breakdown"`
}

// cwIndicators runs indicators --format json on the root's 2022 edition.
func cwIndicators(t *testing.T, root string, extra ...string) map[string]cwIndicator {
	t.Helper()
	args := append([]string{"indicators", "--data", root, "--year", "2022", "--format", "json"}, extra...)
	code, out, errOut := runArgs(t, args...)
	if code != exitOK {
		t.Fatalf("indicators: exit %d: %s", code, errOut)
	}
	var doc struct {
		Indicators []cwIndicator `json:"indicators"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("indicators json: %v", err)
	}
	m := map[string]cwIndicator{}
	for _, ind := range doc.Indicators {
		m[ind.ID] = ind
	}
	return m
}

func cwNum(t *testing.T, v *float64, what string) float64 {
	t.Helper()
	if v == nil {
		t.Fatalf("%s is n.d.", what)
	}
	return *v
}

func cwRowOf(ind cwIndicator, key string) (cwRow, bool) {
	for _, r := range ind.Breakdown {
		if r.Key == key {
			return r, true
		}
	}
	return cwRow{}, false
}

// cwBuilds checks that the report (both languages) and the slides
// are written.
func cwBuilds(t *testing.T, root string) {
	t.Helper()
	for _, args := range [][]string{
		{"validate", "--data", root},
		{"build", "--data", root, "--year", "2022", "--out", t.TempDir()},
		{"build", "--data", root, "--year", "2022", "--lang", "en", "--out", t.TempDir()},
		{"slides", "--data", root, "--year", "2022", "--out", t.TempDir()},
		{"slides", "--data", root, "--year", "2022", "--lang", "en", "--out", t.TempDir()},
	} {
		if code, _, errOut := runArgs(t, args...); code != exitOK {
			t.Errorf("%s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
	}
}

const cwCityTable = `- id: T99
  name: Tavolo cittadino
  coordination: sst
  themes: [lavoro]
  purposes: [rete]
  meetings: 3
`

const cwCityGroup = `- id: G99
  name: Gruppo cittadino
  coordination: sst
  themes: [anzianita]
  purposes: [socialita]
  citizens: 5
`

// TestCityWideTablesAndGroups: a table and a group without a district are
// valid, count in the totals and have their own row «Città» after the
// districts in the district breakdowns; an edition without any keeps its
// rows.
func TestCityWideTablesAndGroups(t *testing.T) {
	base := cwIndicators(t, cwOtherCity(t, nil))
	for _, id := range []string{"B.3.7", "B.3.11", "B.3.citizens"} {
		if _, ok := cwRowOf(base[id], "city"); ok {
			t.Errorf("%s: a city row without any city-wide record", id)
		}
	}
	root := cwOtherCity(t, func(name, text string) string {
		switch name {
		case "tables.yaml":
			return text + cwCityTable
		case "groups.yaml":
			return text + cwCityGroup
		}
		return text
	})
	got := cwIndicators(t, root)
	for _, c := range []struct {
		id   string
		plus float64
	}{{"B.3.tables", 1}, {"B.3.7", 1}, {"B.3.groups", 1}, {"B.3.11", 1}, {"B.3.citizens", 5}} {
		b, g := cwNum(t, base[c.id].Value, c.id), cwNum(t, got[c.id].Value, c.id)
		if g != b+c.plus {
			t.Errorf("%s = %v, want %v + %v", c.id, g, b, c.plus)
		}
	}
	for _, c := range []struct {
		id   string
		want float64
	}{{"B.3.7", 1}, {"B.3.11", 1}, {"B.3.citizens", 5}} {
		rows := got[c.id].Breakdown
		if len(rows) != len(base[c.id].Breakdown)+1 {
			t.Fatalf("%s: %d rows, want the %d districts and the city", c.id, len(rows), len(base[c.id].Breakdown))
		}
		last := rows[len(rows)-1]
		if last.Key != "city" || last.Label != "Città" || cwNum(t, last.Value, c.id+" city") != c.want {
			t.Errorf("%s: last row %+v, want city «Città» %v", c.id, last, c.want)
		}
		for i, r := range base[c.id].Breakdown {
			if rows[i].Key != r.Key || *rows[i].Value != *r.Value {
				t.Errorf("%s: district row %d is %+v, want %+v", c.id, i, rows[i], r)
			}
		}
	}
	en := cwIndicators(t, root, "--lang", "en")
	if r, ok := cwRowOf(en["B.3.7"], "city"); !ok || r.Label != "City-wide" {
		t.Errorf("B.3.7 in English: city row %+v, want «City-wide»", r)
	}
	cwBuilds(t, root)
}

var cwOperatorsRe = regexp.MustCompile(`operators: \{sst: (\d+), reti: (\d+), other: (\d+)\}`)

const cwOffices = `offices:
  - {code: sportello, label: Sportello sociale, label_en: Social desk}
  - {code: educativa, label: Servizio educativo, label_en: Education service}
  - {code: altri, label: Altri uffici, label_en: Other offices}
`

// cwWithOffices gives the edition its own offices list, and writes each
// project's operators with its codes (sst → sportello, reti → educativa,
// other → altri).
func cwWithOffices(name, text string) string {
	switch name {
	case "vocabularies.yaml":
		return text + cwOffices
	case "projects.yaml":
		return cwOperatorsRe.ReplaceAllString(text, "operators: {sportello: $1, educativa: $2, altri: $3}")
	}
	return text
}

// TestOfficesCodeList: an offices list in vocabularies.yaml gives the
// operators' keys and labels; B.3.operators has one row per office, the
// same figures as the default offices they stand for.
func TestOfficesCodeList(t *testing.T) {
	base := cwIndicators(t, cwOtherCity(t, nil))["B.3.operators"]
	if len(base.Breakdown) != 3 || base.Breakdown[0].Key != "operators.sst" {
		t.Fatalf("default offices: rows %+v", base.Breakdown)
	}
	root := cwOtherCity(t, cwWithOffices)
	got := cwIndicators(t, root)["B.3.operators"]
	if cwNum(t, got.Value, "B.3.operators") != cwNum(t, base.Value, "B.3.operators") {
		t.Errorf("B.3.operators = %v, want %v", *got.Value, *base.Value)
	}
	want := []struct{ key, label, was string }{
		{"operators.sportello", "Sportello sociale", "operators.sst"},
		{"operators.educativa", "Servizio educativo", "operators.reti"},
		{"operators.altri", "Altri uffici", "operators.other"},
	}
	if len(got.Breakdown) != len(want) {
		t.Fatalf("rows %+v, want one per office", got.Breakdown)
	}
	for i, w := range want {
		r := got.Breakdown[i]
		b, _ := cwRowOf(base, w.was)
		if r.Key != w.key || r.Label != w.label || *r.Value != *b.Value {
			t.Errorf("row %d: %+v, want %s «%s» %v", i, r, w.key, w.label, *b.Value)
		}
	}
	if r, _ := cwRowOf(cwIndicators(t, root, "--lang", "en")["B.3.operators"], "operators.sportello"); r.Label != "Social desk" {
		t.Errorf("English label %q, want «Social desk»", r.Label)
	}
	cwBuilds(t, root)

	// The default keys are no longer operators' keys: each is an error,
	// with the nearest office.
	wrong := cwOtherCity(t, func(name, text string) string {
		text = cwWithOffices(name, text)
		if name == "projects.yaml" {
			text = strings.Replace(text, "operators: {sportello:", "operators: {sportelo:", 1)
			text = strings.Replace(text, "operators: {sportello: ", "operators: {sst: ", 1)
		}
		return text
	})
	code, _, errOut := runArgs(t, "validate", "--data", wrong)
	if code == exitOK {
		t.Fatal("validate accepted operators keys outside the offices list")
	}
	for _, msg := range []string{`unknown field "sportelo" in operators (did you mean "sportello"?)`, `unknown field "sst" in operators`} {
		if !strings.Contains(errOut, msg) {
			t.Errorf("validate: no %q in:\n%s", msg, errOut)
		}
	}
}
