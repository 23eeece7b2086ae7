package yamldata

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"rendiconto/report"
)

// withEdition is validFS with lines added to edition.yaml.
func withEdition(extra string) fstest.MapFS {
	fsys := validFS()
	ed := string(fsys["2021/edition.yaml"].Data)
	fsys["2021/edition.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(ed, "territory:", extra+"territory:", 1))}
	return fsys
}

// TestSampleAndSources: sample and the sources' names are read; a source
// name falls back to the default, the Italian name stands in English when
// no English one is given, and no name is ever a file name.
func TestSampleAndSources(t *testing.T) {
	ed, _, err := LoadFS(withEdition("sample: true\nsources:\n  projects: Schede di monitoraggio dei progetti inclusivi\n  staff: Conto annuale\nsources_en:\n  staff: Annual staff account\n"), "mem", 2021)
	if err != nil {
		t.Fatal(err)
	}
	if !ed.Sample {
		t.Error("sample not read")
	}
	for _, c := range []struct{ file, lang, want string }{
		{report.FileProjects, "it", "Schede di monitoraggio dei progetti inclusivi"},
		{report.FileProjects, "en", "Schede di monitoraggio dei progetti inclusivi"},
		{report.FileStaff, "it", "Conto annuale"},
		{report.FileStaff, "en", "Annual staff account"},
		{report.FileTables, "it", "monitoraggio dei tavoli permanenti"},
		{report.FileTables, "en", "monitoring of permanent tables"},
		{"other.yaml", "it", "dati dell'edizione"},
	} {
		if got := ed.SourceName(c.file, c.lang); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.file, c.lang, got, c.want)
		}
	}
	plain, _, err := LoadFS(validFS(), "mem", 2021)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Sample || plain.Sources != nil {
		t.Errorf("an edition without sample or sources: %v %v", plain.Sample, plain.Sources)
	}
	for _, s := range report.DataSources {
		for _, lang := range []string{"it", "en"} {
			if n := plain.SourceName(s.File, lang); strings.Contains(n, ".yaml") || n == "" {
				t.Errorf("%s %s: %q", s.File, lang, n)
			}
		}
	}
}

// TestSourcesErrors: an unknown source key is an error at its line and
// column with the likely key; so are a bad sample and a name on two lines.
func TestSourcesErrors(t *testing.T) {
	_, _, err := LoadFS(withEdition("sample: yes please\nsources:\n  projets: Schede\n  tables: \"a\\nb\"\nsources_en: [x]\n"), "mem", 2021)
	var list report.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`mem/2021/edition.yaml:5:9: sample must be true or false, not "yes please"`,
		`mem/2021/edition.yaml:7:3: unknown field "projets" in sources (did you mean "projects"?)`,
		`mem/2021/edition.yaml:8:11: sources.tables must be on one line, but it holds a line break`,
		`mem/2021/edition.yaml:9:13: sources_en must be a mapping of fields, not a list`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
