package yamldata

import (
	"strings"
	"testing"

	"rendiconto/templates"
)

// TestCatalogueShipped parses the shipped catalogue and checks the order
// the report relies on: A, then B.1, B.2, then B.3.
func TestCatalogueShipped(t *testing.T) {
	data, err := templates.FS.ReadFile("catalogue.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := ParseCatalogue("catalogue.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, ind := range cat.Indicators {
		block := ind.ID[:3]
		if len(order) == 0 || order[len(order)-1] != block {
			order = append(order, block)
		}
	}
	if got := strings.Join(order, " "); got != "A.1 A.2 A.3 B.1 B.2 B.3" {
		t.Errorf("blocks in order %s", got)
	}
	r, _ := cat.Lookup("A.3.3")
	if r.Numerator.Ref == nil || r.Numerator.Ref.ID != "A.3.2" || !r.Denominator.Residents {
		t.Errorf("A.3.3 is not linked to A.3.2 and residents: %+v", r)
	}
	if files := strings.Join(r.Files(), ","); files != "staff.yaml" {
		t.Errorf("A.3.3 files = %s, want staff.yaml", files)
	}
	r, _ = cat.Lookup("A.3.7")
	if files := strings.Join(r.Files(), ","); files != "services.yaml,staff.yaml" {
		t.Errorf("A.3.7 files = %s", files)
	}
}

// TestCatalogueErrors: each new catalogue key refuses what it cannot compute.
func TestCatalogueErrors(t *testing.T) {
	head := "indicators:\n  - {id: x, title: {it: x}, unit: {it: u}, definition: {it: d}, "
	tests := []struct{ ind, want string }{
		{"source: staff, measure: count}", "measure count cannot be used on the aggregate figures of staff"},
		{"source: staff, measure: sum, field: headcont}", `unknown field "headcont" of staff (did you mean "headcount"?)`},
		{"source: staff, measure: sum, field: headcount, by: unti}", `unknown dimension "unti" of staff (did you mean "unit"?)`},
		{"source: staff, measure: sum, field: headcount, by: unit, across: unit}", `across must differ from by ("unit")`},
		{"source: staff, measure: sum, field: headcount, across: unit}", "across needs by"},
		{"source: projects, measure: count, across: scope}", "across is only for the aggregate sources"},
		{"source: staff, measure: sum, field: fte, filter: [{field: role, min: 1}]}", `unknown field "min" in condition`},
		{"source: staff, measure: sum, field: fte, filter: [{field: role, equals: as}], by: role}", `cannot break down by "role": the filter fixes it`},
		{"source: staff, measure: ratio, denominator: residents}", `measure ratio needs "numerator"`},
		{"source: staff, measure: ratio, numerator: residents}", "residents can only be a denominator"},
		{"measure: ratio, numerator: A.9.9}", `"A.9.9" is not residents, a numeric field of the indicator's source, nor an indicator`},
		{"measure: ratio, numerator: x}", "indicator x reads itself through x"},
		{"source: staff, measure: ratio, numerator: fte, factor: 0}", "factor must be a number above zero"},
		{"source: staff, measure: share, numerator: fte}", `measure share needs "denominator"`},
		{"source: staff, measure: share, numerator: fte, denominator: headcount, factor: 100}", "factor is for ratios"},
		{"source: staff, measure: gap, numerator: fte, denominator: residents}", "measure gap needs thresholds"},
		{"source: staff, measure: gap, numerator: fte, denominator: residents, parts: [{field: fte, label: {it: x}}]}", "the parts of a gap are thresholds"},
		{"source: staff, measure: ratio, numerator: fte, parts: [{field: fte, label: {it: a}}, {field: fte, label: {it: b}}]}", `two parts have the key "fte"`},
		{"source: staff, measure: ratio, numerator: fte, parts: [{per: 10, label: {it: a}}]}", "a threshold needs the indicator's denominator"},
		{"measure: sum, field: fte}", `missing required field "source"`},
		{"source: staff, measure: ratio, numerator: unit}", `field "unit" of staff is not a number`},
		{"source: staff, measure: sum, field: fte, chart: radar}", `c.yaml:2:`},
		{"source: staff, measure: sum, field: fte, chart: radar}", `unknown chart kind "radar" (one of: bar, hbar, stacked, donut, pie, line, spark, dumbbell)`},
		{"source: staff, measure: sum, field: fte, chart: donnut}", `unknown chart kind "donnut" (did you mean "donut"?)`},
	}
	for _, tt := range tests {
		_, err := ParseCatalogue("c.yaml", []byte(head+tt.ind+"\n"))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s:\n got %v\nwant %q", tt.ind, err, tt.want)
		}
	}
}
