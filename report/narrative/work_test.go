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
	"rendiconto/report/document"
	"rendiconto/report/format"
	"rendiconto/report/yamldata"
	"rendiconto/templates"
)

// TestOneComparison: an indicator is compared with the previous edition
// once for all the templates of a report, and only when one asks for it.
func TestOneComparison(t *testing.T) {
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	calls := 0
	defer func(f func(*report.Comparer, string) (*report.Change, bool)) { compareOne = f }(compareOne)
	compareOne = func(cr *report.Comparer, id string) (*report.Change, bool) {
		calls++
		return cr.Change(id)
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
	if _, err := Build(context.Background(), Source{FS: files, Name: "t"}, hs, "it", Limits{}); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("5 templates asking twice for one indicator made %d comparisons, want 1", calls)
	}
	calls = 0
	plain := fstest.MapFS{"a.md": {Data: []byte("# A\n\ntesto")}, "b.md": {Data: []byte("# B")}}
	if _, err := Build(context.Background(), Source{FS: plain, Name: "t"}, hs, "it", Limits{}); err != nil {
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
		out = append(out, report.Compute(ed, cat))
	}
	return out
}

// BenchmarkHugeTable: {{table}} of a 3,000-row breakdown with its change
// from the previous edition, row by row.
func BenchmarkHugeTable(b *testing.B) {
	hs := hugeHistory(b, "it", 1, 3000)
	src := Source{FS: fstest.MapFS{"a.md": {Data: []byte("# A\n\n{{table \"X.by0\"}}")}}, Name: "t"}
	for b.Loop() {
		doc, err := Build(context.Background(), src, hs, "it", Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if !strings.Contains(dump(doc), "Attività numero 2999") {
			b.Fatal("no last row")
		}
	}
}

// TestHugeBreakdownsCompared: a breakdown of thousands of codes is
// compared in a table of the largest changes, which says how many rows it
// leaves out; every row that changed is among them here.
func TestHugeBreakdownsCompared(t *testing.T) {
	hs := hugeHistory(t, "it", 3, 3000)
	c := report.Compare(hs[0], hs[1])
	doc := Comparison(c, hs, "it")
	tables := 0
	for _, b := range doc.Blocks {
		tb, ok := b.(*document.Table)
		if !ok || !strings.HasPrefix(tb.Caption, "X.by") {
			continue
		}
		tables++
		ch, _ := report.NewComparer(hs[0], hs[1], nil).Change(strings.Fields(tb.Caption)[0])
		compared, zeros := comparedRows(ch)
		// rows at zero in both editions are left out and counted
		if zeros > 0 {
			want := fmt.Sprintf("Omesse %s righe pari a zero in entrambe le edizioni.", format.Number(float64(zeros), 0, "it"))
			if zeros == 1 {
				want = "Omessa 1 riga pari a zero in entrambe le edizioni."
			}
			if !strings.Contains(tb.Note, want) {
				t.Errorf("%s: note %q, want %q", tb.Caption, tb.Note, want)
			}
		}
		if n := min(len(compared), maxCompareRows); len(tb.Rows) != n {
			t.Errorf("%s: %d rows, want %d", tb.Caption, len(tb.Rows), n)
		}
		if len(compared) > maxCompareRows {
			want := fmt.Sprintf("Mostrate 50 righe su %s: ", format.Number(float64(len(compared)), 0, "it"))
			if !strings.Contains(tb.Note, want) {
				t.Errorf("%s: note %q, want %q", tb.Caption, tb.Note, want)
			}
		}
		shown := map[string]bool{}
		for _, r := range tb.Rows {
			shown[r[0]] = true
		}
		changed := 0
		for _, r := range ch.Breakdown {
			if r.Change.Known && r.Change.Num != 0 {
				changed++
				if !shown[r.Label.In("it")] {
					t.Errorf("%s: %s changed by %g and is not shown", tb.Caption, r.Label.In("it"), r.Change.Num)
				}
			}
		}
		if changed == 0 {
			t.Errorf("%s: no row changed: the test shows nothing", tb.Caption)
		}
	}
	if tables != 3 {
		t.Errorf("%d tables of X.by*, want 3", tables)
	}
}

// BenchmarkHugeComparison: the comparison report of 50 indicators broken
// down by 3,000 codes (the PDF of its tables: BenchmarkHugeTable in
// report/pdf).
func BenchmarkHugeComparison(b *testing.B) {
	hs := hugeHistory(b, "it", 50, 3000)
	b.ReportAllocs()
	for b.Loop() {
		Comparison(report.Compare(hs[0], hs[1]), hs, "it")
	}
}
