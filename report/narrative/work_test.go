package narrative

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"rendiconto/report"
	"rendiconto/report/yamldata"
	"rendiconto/templates"
)

// TestOneComparison: the comparison with the previous edition is made
// once for all the templates of a report, and only when one asks for it.
func TestOneComparison(t *testing.T) {
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	calls := 0
	defer func(f func(from, to *report.Results) *report.Comparison) { compare = f }(compare)
	compare = func(from, to *report.Results) *report.Comparison {
		calls++
		return report.Compare(from, to)
	}
	var id string
	for _, r := range hs[1].List {
		if r.Indicator.By != "" && r.Value.Known {
			id = r.Indicator.ID
			break
		}
	}
	files := fstest.MapFS{}
	for i := range 5 {
		files[fmt.Sprintf("%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# P%d\n\n{{table %q}}\n\n{{table %q}}\n", i, id, id))}
	}
	if _, err := Build(context.Background(), Source{FS: files, Name: "t"}, hs, Limits{}); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("5 templates made %d comparisons, want 1", calls)
	}
	calls = 0
	plain := fstest.MapFS{"a.md": {Data: []byte("# A\n\ntesto")}, "b.md": {Data: []byte("# B")}}
	if _, err := Build(context.Background(), Source{FS: plain, Name: "t"}, hs, Limits{}); err != nil {
		t.Fatal(err)
	}
	if calls != 0 {
		t.Errorf("templates that compare nothing made %d comparisons, want 0", calls)
	}
}

// hugeHistory is the history of testdata/othercity (2022 and 2023) with
// codes more activities in both editions and n more indicators in the
// catalogue, each a count of projects by activity: breakdowns of over
// codes rows.
func hugeHistory(tb testing.TB, lang string, n, codes int) []*report.Results {
	tb.Helper()
	const root = "../../testdata/othercity"
	files := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(root, p))
		if strings.HasSuffix(p, "vocabularies.yaml") {
			var more strings.Builder
			for i := range codes {
				fmt.Fprintf(&more, "  - {code: act%04d, label: Attività numero %d}\n", i, i)
			}
			data = []byte(strings.Replace(string(data), "activities:\n", "activities:\n"+more.String(), 1))
		}
		files[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	catalogue, err := templates.FS.ReadFile("catalogue.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	var more strings.Builder
	for i := range n {
		fmt.Fprintf(&more, `
  - id: X.by%d
    title: {it: Per attività %d, en: By activity %d}
    unit: {it: progetti, en: projects}
    definition: {it: d, en: d}
    source: projects
    measure: count
    by: activities
`, i, i, i)
	}
	cat, err := yamldata.ParseCatalogue("catalogue.yaml", append(catalogue, more.String()...))
	if err != nil {
		tb.Fatal(err)
	}
	var out []*report.Results
	for _, y := range []int{2022, 2023} {
		ed, _, err := yamldata.LoadFS(files, root, y)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, report.Compute(ed, cat, lang))
	}
	return out
}

// BenchmarkHugeTable: {{table}} of a 3,000-row breakdown with its change
// from the previous edition, row by row.
func BenchmarkHugeTable(b *testing.B) {
	hs := hugeHistory(b, "it", 1, 3000)
	src := Source{FS: fstest.MapFS{"a.md": {Data: []byte("# A\n\n{{table \"X.by0\"}}")}}, Name: "t"}
	for b.Loop() {
		doc, err := Build(context.Background(), src, hs, Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if !strings.Contains(dump(doc), "Attività numero 2999") {
			b.Fatal("no last row")
		}
	}
}
