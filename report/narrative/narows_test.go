package narrative

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"rendiconto/report/document"
)

// TestNARowsAreNotZero: a breakdown row that is n.d. (a rate over zero
// people) reads "n.d." in sentences and tables, ranks nowhere in top lists,
// is left out of charts with a note, and cannot be used as a number.
func TestNARowsAreNotZero(t *testing.T) {
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	r, ok := hs[1].Lookup("B.3.3")
	if !ok || len(r.Breakdown) < 2 {
		t.Fatal("B.3.3 has no breakdown")
	}
	first := &r.Breakdown[0]
	first.Value, first.NA = 0, true
	key, label := first.Key, first.Label.In("it")
	tpl := `# T

Riga: {{row "B.3.3" "` + key + `"}}; quota: {{rowshare "B.3.3" "` + key + `"}}.

{{range top "B.3.3" 50}}- {{.Label}}
{{end}}

{{table "B.3.3"}}

{{chart "B.3.3" "bar"}}
`
	doc, err := Build(context.Background(), Source{FS: fstest.MapFS{"a.md": {Data: []byte(tpl)}}, Name: "t"}, hs, "it", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	var table *document.Table
	var chart *document.Chart
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *document.Paragraph:
			text = append(text, b.Plain())
		case *document.List:
			for _, it := range b.Items {
				text = append(text, "- "+it.Plain())
			}
		case *document.Table:
			table = b
		case *document.Chart:
			chart = b
		}
	}
	if !slices.Contains(text, "Riga: n.d.; quota: n.d..") {
		t.Errorf("the sentence does not say n.d.: %q", text)
	}
	if slices.Contains(text, "- "+label) {
		t.Errorf("the n.d. row %q is in the top list", label)
	}
	if table == nil || chart == nil {
		t.Fatal("no table or chart")
	}
	for _, row := range table.Rows {
		if row[0] == label && row[1] != "n.d." {
			t.Errorf("table row %q", row)
		}
	}
	if slices.Contains(chart.Labels, label) || !strings.Contains(chart.Note, "n.d.: "+label) {
		t.Errorf("chart labels %q, note %q: the n.d. row must be left out and named", chart.Labels, chart.Note)
	}
	pie, err := Build(context.Background(), Source{FS: fstest.MapFS{"a.md": {Data: []byte(`{{chart "B.3.3" "pie"}}`)}}, Name: "t"}, hs, "it", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if c := pie.Blocks[0].(*document.Chart); !strings.Contains(c.Note, "n.d.: "+label) {
		t.Errorf("pie note %q: the n.d. row must be named, not dropped as a zero slice", c.Note)
	}
	_, err = Build(context.Background(), Source{FS: fstest.MapFS{"a.md": {Data: []byte(`{{rownum "B.3.3" "` + key + `"}}`)}}, Name: "t"}, hs, "it", Limits{})
	if err == nil || !strings.Contains(err.Error(), "is n.d. in this edition") {
		t.Errorf("rownum of an n.d. row: %v", err)
	}
}
