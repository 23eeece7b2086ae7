package narrative

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/yamldata"
	"rendiconto/templates"
)

func catalogue(t *testing.T) *report.Catalogue {
	t.Helper()
	data, err := templates.FS.ReadFile("catalogue.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := yamldata.ParseCatalogue("catalogue.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// coverageText is the coverage paragraph of an edition, one item a line.
// With computedOnly, the catalogue is cut to the indicators the edition
// computes: the coverage of an edition where nothing is n.d.
// With a threshold, the small counts of people are withheld.
func coverageText(t *testing.T, ed *report.Edition, lang string, computedOnly bool, threshold int) string {
	t.Helper()
	rs := report.Compute(ed, catalogue(t))
	if threshold > 0 {
		report.Withhold(rs, threshold)
	}
	if computedOnly {
		rs.List = slices.DeleteFunc(rs.List, func(r *report.Result) bool { return !r.Value.Known })
	}
	e := newEnv(context.Background(), []*report.Results{rs}, lang, Limits{}, nil)
	e.coverage()
	var b strings.Builder
	for _, it := range e.blocks[0].(*document.List).Items {
		fmt.Fprintf(&b, "- %s\n", spans(it.Spans))
	}
	return b.String()
}

func loadEdition(t *testing.T, root string, year int) *report.Edition {
	t.Helper()
	ed, _, err := yamldata.Load(root, year)
	if err != nil {
		t.Fatal(err)
	}
	return ed
}

// withoutFigures drops the figures of a measure, or those broken down or
// fixed by a dimension.
func withoutFigures(figs []report.Figure, measure, dim string) []report.Figure {
	return slices.DeleteFunc(figs, func(f report.Figure) bool {
		if f.Measure == measure && dim == "" {
			return true
		}
		_, fixed := f.Fixed(dim)
		return dim != "" && (slices.Contains(f.Dims, dim) || fixed)
	})
}

// TestCoverage: the coverage lists every source present or missing with
// its records, and every indicator n.d. grouped by cause, one edition for
// each cause; it claims completeness only when it is true.
func TestCoverage(t *testing.T) {
	cases := []struct {
		name         string
		ed           func() *report.Edition
		computedOnly bool
		threshold    int
	}{
		{"every source, every indicator computed", func() *report.Edition { return loadEdition(t, "../../testdata/othercity", 2022) }, true, 0},
		{"the codes the catalogue names added, but not their figures", func() *report.Edition {
			ed := loadEdition(t, "../../testdata/othercity", 2022)
			for _, n := range report.CodeNotes(ed, catalogue(t)) {
				ed.Vocabularies[n.List].Entries = append(ed.Vocabularies[n.List].Entries, report.Entry{Code: n.Code, Label: n.Code})
			}
			return ed
		}, false, 0},
		{"every source, catalogue codes missing", func() *report.Edition { return loadEdition(t, "../../testdata/othercity", 2022) }, false, 0},
		{"staff, services, tables and groups missing", func() *report.Edition { return loadEdition(t, "../../testdata/othercity", 2023) }, false, 0},
		{"no projects", func() *report.Edition {
			ed := loadEdition(t, "../../testdata/othercity", 2022)
			ed.Projects = nil
			return ed
		}, false, 0},
		{"a code list missing", func() *report.Edition {
			ed := loadEdition(t, "../../testdata/othercity", 2022)
			delete(ed.Vocabularies, "channels")
			ed.Services = withoutFigures(ed.Services, "", "channel")
			return ed
		}, false, 0},
		{"a figure missing, and an indicator computed from it", func() *report.Edition {
			ed := loadEdition(t, "../../testdata/othercity", 2022)
			ed.Services = withoutFigures(ed.Services, "users", "")
			return ed
		}, false, 0},
		{"a zero denominator", func() *report.Edition {
			ed := loadEdition(t, "../../testdata/othercity", 2022)
			for i := range ed.Services {
				if f := &ed.Services[i]; f.Measure == "desk_fte" {
					f.Total, f.Cells = report.Known(0), nil
				}
			}
			return ed
		}, false, 0},
		{"small counts of people withheld", func() *report.Edition { return loadEdition(t, "../../testdata/othercity", 2022) }, false, 400},
	}
	var b strings.Builder
	for _, c := range cases {
		for _, lang := range []string{"it", "en"} {
			fmt.Fprintf(&b, "## %s (%s)\n%s\n", c.name, lang, coverageText(t, c.ed(), lang, c.computedOnly, c.threshold))
		}
	}
	got := b.String()
	for _, bad := range []string{".yaml", "%!", "Tutte le fonti dell'edizione sono presenti e ogni indicatore è calcolato.\n- "} {
		if strings.Contains(got, bad) {
			t.Errorf("the coverage holds %q", bad)
		}
	}
	golden := filepath.Join("testdata", "coverage.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("coverage differs from %s; run go test ./report/narrative -update and review the diff", golden)
	}
}

// TestEveryFileHasASource: every data file the loader reads has a reader's
// name (report.DataSources), so that a file added later is never listed
// by a neutral name in the coverage or a caption.
func TestEveryFileHasASource(t *testing.T) {
	ed := loadEdition(t, "../../data", 2019)
	if len(ed.Files) < 8 {
		t.Fatalf("the loader recorded %v", ed.Files)
	}
	for _, f := range ed.Files {
		if f == report.FileEdition || f == report.FileVocabularies {
			continue
		}
		if !slices.ContainsFunc(report.DataSources, func(s report.DataSource) bool { return s.File == f }) {
			t.Errorf("%s has no entry in report.DataSources", f)
		}
	}
}
