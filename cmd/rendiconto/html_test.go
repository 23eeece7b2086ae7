package main

import (
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"rendiconto/report/document"
	"rendiconto/report/html"
	"rendiconto/report/html/htmltest"
	"rendiconto/report/narrative"
)

// TestHTMLHasTheDocumentsFigures builds the 2019 report as PDF and HTML in
// one run, and checks the web page against the document both are drawn
// from: every table of the document, cell by cell, and every chart's data
// as a table whose figures, read back, are the chart's values as printed
// (rounded to the decimals shown; "–" where there is none). The page keeps
// the rules of an accessible page and stays under 400 KB.
func TestHTMLHasTheDocumentsFigures(t *testing.T) {
	out := t.TempDir()
	code, stdout, errOut := runArgs(t, "build", "--data", "../../data", "--year", "2019", "--format", "pdf,html", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := filepath.Join(out, "rendicontazione-sociale-2019-it.pdf") + "\n" + filepath.Join(out, "rendicontazione-sociale-2019-it.html") + "\n"
	if stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	page, err := os.ReadFile(filepath.Join(out, "rendicontazione-sociale-2019-it.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(page) > 400<<10 {
		t.Errorf("the page is %d KB, more than 400", len(page)>>10)
	}
	for _, p := range htmltest.Check(page) {
		t.Error(p)
	}

	e, err := parse(buildCmd, []string{"--data", "../../data", "--year", "2019"}, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	history, err := e.history()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := narrative.Build(context.Background(), e.templates("it"), history, "it", e.limits())
	if err != nil {
		t.Fatal(err)
	}
	if again, err := html.Render(doc, e.htmlOptions()); err != nil || !bytes.Equal(again, page) {
		t.Fatalf("the page written is not the document's rendering (%v)", err)
	}
	tables, err := htmltest.Tables(page)
	if err != nil {
		t.Fatal(err)
	}
	var nTables, nCharts int
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *document.Table:
			if len(tables) == 0 {
				t.Fatalf("table %q missing from the page", b.Caption)
			}
			got := tables[0]
			tables = tables[1:]
			checkTable(t, b, got)
			nTables++
		case *document.Chart:
			if len(b.Labels) == 0 || len(b.Series) == 0 {
				continue
			}
			if len(tables) == 0 {
				t.Fatalf("chart %q missing from the page", b.Caption)
			}
			got := tables[0]
			tables = tables[1:]
			checkChart(t, b, got)
			nCharts++
		}
	}
	if len(tables) > 0 {
		t.Errorf("%d tables of the page are not the document's", len(tables))
	}
	if nTables < 10 || nCharts < 10 {
		t.Errorf("only %d tables and %d charts checked", nTables, nCharts)
	}
}

// norm is s as the page's reader sees it: runs of spaces as one.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

func checkTable(t *testing.T, want *document.Table, got htmltest.Table) {
	t.Helper()
	if want.Caption != "" && !strings.HasSuffix(got.Caption, " – "+norm(want.Caption)) {
		t.Errorf("table caption %q, want … – %q", got.Caption, want.Caption)
	}
	rows := want.Rows
	if len(want.Header) > 0 {
		rows = append([][]string{want.Header}, rows...)
	}
	if len(got.Rows) != len(rows) {
		t.Errorf("table %q: %d rows, want %d", want.Caption, len(got.Rows), len(rows))
		return
	}
	for i, r := range rows {
		for j, cell := range r {
			if j >= len(got.Rows[i]) || got.Rows[i][j] != norm(cell) {
				t.Errorf("table %q, row %d, column %d: got %q, want %q", want.Caption, i, j, at(got.Rows[i], j), cell)
			}
		}
	}
}

func at(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return "(none)"
}

// checkChart reads a chart's data table back: its categories and series
// names, and each value, which must be the chart's value rounded as
// printed.
func checkChart(t *testing.T, c *document.Chart, got htmltest.Table) {
	t.Helper()
	if !strings.Contains(got.Caption, norm(c.Caption)) {
		t.Errorf("chart data caption %q, want the chart's %q", got.Caption, c.Caption)
	}
	spark := c.Kind == document.ChartSpark
	cell := func(label, series int) string { // the cell of a category and a series
		if spark {
			return at(got.Rows[1+series], 1+label)
		}
		return at(got.Rows[1+label], 1+series)
	}
	if spark && len(got.Rows) != 1+len(c.Series) || !spark && len(got.Rows) != 1+len(c.Labels) {
		t.Errorf("chart %q: %d rows for %d categories and %d series", c.Caption, len(got.Rows), len(c.Labels), len(c.Series))
		return
	}
	for i, l := range c.Labels {
		name := at(got.Rows[1+i], 0)
		if spark {
			name = at(got.Rows[0], 1+i)
		}
		if name != norm(l) {
			t.Errorf("chart %q: category %d is %q, want %q", c.Caption, i, name, l)
		}
		for s, series := range c.Series {
			text := cell(i, s)
			v := series.Values[i]
			if math.IsNaN(v) {
				if text != "–" {
					t.Errorf("chart %q, %q, %q: %q, want –", c.Caption, l, series.Name, text)
				}
				continue
			}
			n, unit, ok := readNumber(text, c.Percent)
			if !ok || math.Abs(n-v) > unit/2+1e-9 {
				t.Errorf("chart %q, %q, %q: %q for %v", c.Caption, l, series.Name, text, v)
			}
		}
	}
}

// readNumber reads a figure as the Italian page prints it ("1.234,5",
// "−6,1%", "+2,1%") and the unit of its last digit; a percentage as a
// fraction.
func readNumber(s string, percent bool) (n, unit float64, ok bool) {
	s = strings.Replace(s, "−", "-", 1)
	s = strings.TrimPrefix(s, "+")
	if percent {
		if !strings.HasSuffix(s, "%") {
			return 0, 0, false
		}
		s = strings.TrimSuffix(s, "%")
	}
	s = strings.ReplaceAll(s, ".", "")
	unit = 1
	if _, frac, found := strings.Cut(s, ","); found {
		unit = math.Pow(10, -float64(len(frac)))
	}
	n, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		return 0, 0, false
	}
	if percent {
		n, unit = n/100, unit/100
	}
	return n, unit, true
}

// TestBuildFormats: --format pdf (the default), html, pdf,html; file
// names from [report] file_name; --internal and languages as for the PDF;
// the same page twice; usage errors for a bad format.
func TestBuildFormats(t *testing.T) {
	base := []string{"build", "--data", "../../data", "--year", "2019"}
	for _, tc := range []struct {
		name     string
		args     []string
		fileName string // [report] file_name; "" the default
		want     []string
	}{
		{"default", nil, "", []string{"rendicontazione-sociale-2019-it.pdf"}},
		{"html", []string{"--format", "html"}, "", []string{"rendicontazione-sociale-2019-it.html"}},
		{"both", []string{"--format", "html,pdf"}, "", []string{"rendicontazione-sociale-2019-it.html", "rendicontazione-sociale-2019-it.pdf"}},
		{"internal", []string{"--format", "html", "--internal", "--lang", "en"}, "", []string{"rendicontazione-sociale-2019-en-internal.html"}},
		{"languages", []string{"--format", "pdf,html", "--lang", "it,en"}, "", []string{
			"rendicontazione-sociale-2019-it.pdf", "rendicontazione-sociale-2019-it.html",
			"rendicontazione-sociale-2019-en.pdf", "rendicontazione-sociale-2019-en.html"}},
		{"file name", []string{"--format", "pdf,html"}, "rapporto-{year}.PDF", []string{"rapporto-2019.PDF", "rapporto-2019.html"}},
		{"file name without .pdf", []string{"--format", "html"}, "rapporto-{year}-{lang}", []string{"rapporto-2019-it.html"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			args := append(append([]string{}, base...), "--out", out)
			if tc.fileName != "" {
				cfg := filepath.Join(t.TempDir(), "config.toml")
				data, _ := filepath.Abs("../../data")
				os.WriteFile(cfg, []byte("data = "+strconv.Quote(data)+"\n[report]\nfile_name = "+strconv.Quote(tc.fileName)+"\n"), 0o644)
				args = append(args, "--config", cfg)
			}
			code, stdout, errOut := runArgs(t, append(args, tc.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, filepath.Join(out, w))
			}
			if got := strings.Fields(stdout); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("wrote %q, want %q", got, want)
			}
			entries, _ := os.ReadDir(out)
			if len(entries) != len(want) {
				t.Errorf("%d files in the output folder, want %d", len(entries), len(want))
			}
		})
	}

	// byte-identical rebuilds
	a, b := t.TempDir(), t.TempDir()
	for _, out := range []string{a, b} {
		if code, _, errOut := runArgs(t, append(base, "--format", "html", "--out", out)...); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	}
	pa, _ := os.ReadFile(filepath.Join(a, "rendicontazione-sociale-2019-it.html"))
	pb, _ := os.ReadFile(filepath.Join(b, "rendicontazione-sociale-2019-it.html"))
	if len(pa) == 0 || !bytes.Equal(pa, pb) {
		t.Error("two builds of the page differ")
	}

	for _, bad := range []string{"htm", "pdf,", "html,html", "PDF", "pdf;html"} {
		code, _, errOut := runArgs(t, append(base, "--format", bad, "--out", t.TempDir())...)
		if code != exitUsage || !strings.Contains(errOut, "--format") {
			t.Errorf("--format %q: exit %d, %q", bad, code, errOut)
		}
	}
}

// TestCompareHTML: compare --format html writes the comparison as a page
// beside the PDF's name; --slides is a PDF only.
func TestCompareHTML(t *testing.T) {
	out := t.TempDir()
	code, stdout, errOut := runArgs(t, "compare", "--data", "../../data", "--from", "2018", "--to", "2019", "--format", "html", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	path := filepath.Join(out, "confronto-2018-2019-it.html")
	if strings.TrimSpace(stdout) != path {
		t.Errorf("stdout %q, want %q", stdout, path)
	}
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range htmltest.Check(page) {
		t.Error(p)
	}
	if !strings.Contains(string(page), "<figure") || !strings.Contains(string(page), "<table") {
		t.Error("the comparison's page has no figure or no table")
	}
	code, _, errOut = runArgs(t, "compare", "--data", "../../data", "--format", "html", "--slides", "--out", out)
	if code != exitUsage || !strings.Contains(errOut, "--slides") {
		t.Errorf("--slides --format html: exit %d, %q", code, errOut)
	}
	// Both from one run: the page the same as alone, the PDF beside it.
	both := t.TempDir()
	code, stdout, errOut = runArgs(t, "compare", "--data", "../../data", "--from", "2018", "--to", "2019", "--format", "pdf,html", "--out", both)
	if code != exitOK {
		t.Fatalf("--format pdf,html: exit %d: %s", code, errOut)
	}
	if want := filepath.Join(both, "confronto-2018-2019-it.pdf") + "\n" + filepath.Join(both, "confronto-2018-2019-it.html") + "\n"; stdout != want {
		t.Errorf("--format pdf,html: stdout %q, want %q", stdout, want)
	}
	if again, err := os.ReadFile(filepath.Join(both, "confronto-2018-2019-it.html")); err != nil || !bytes.Equal(again, page) {
		t.Errorf("--format pdf,html: the page differs from --format html's (%v)", err)
	}
}

// BenchmarkBuildHTML runs the whole build of the 2019 report's web page:
// load and check two editions, compute, narrate, write the page.
func BenchmarkBuildHTML(b *testing.B) {
	out := b.TempDir()
	for b.Loop() {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"build", "--data", "../../data", "--year", "2019", "--format", "html", "--out", out}, &stdout, &stderr); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}

// BenchmarkRenderHTML writes the 2019 report's page from its document.
func BenchmarkRenderHTML(b *testing.B) {
	e, err := parse(buildCmd, []string{"--data", "../../data", "--year", "2019"}, io.Discard, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	history, err := e.history()
	if err != nil {
		b.Fatal(err)
	}
	doc, err := narrative.Build(context.Background(), e.templates("it"), history, "it", e.limits())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := html.Render(doc, e.htmlOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHTMLOtherEditions: the pages of editions other than the sample's
// (another city, in both languages; every district of the privacy data,
// for internal use too) keep the rules of an accessible page.
func TestHTMLOtherEditions(t *testing.T) {
	for _, args := range [][]string{
		{"--data", "../../testdata/othercity", "--lang", "it,en"},
		{"--data", "../../testdata/privacy", "--year", "2022", "--district", "all"},
		{"--data", "../../testdata/privacy", "--year", "2022", "--internal"},
	} {
		out := t.TempDir()
		code, stdout, errOut := runArgs(t, append([]string{"build", "--format", "html", "--out", out}, args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		files := strings.Fields(stdout)
		if len(files) == 0 {
			t.Fatalf("%v: no file written", args)
		}
		for _, f := range files {
			page, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range htmltest.Check(page) {
				t.Errorf("%s: %s", filepath.Base(f), p)
			}
		}
	}
}
