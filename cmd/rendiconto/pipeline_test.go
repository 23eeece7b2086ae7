package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"rendiconto/report"
	"rendiconto/report/narrative"
	"rendiconto/report/pdf"
	"rendiconto/report/yamldata"
	"rendiconto/templates"
)

// pipelineFiles are the files of an edition a fuzz input may replace.
var pipelineFiles = []string{
	report.FileEdition, report.FileVocabularies, report.FileOrganisations, report.FileProjects,
	report.FileTables, report.FileGroups, report.FileStaff, report.FileServices,
}

// baseEditions is the other city's two editions in memory: 2023 is the one
// the fuzzer changes, 2022 gives the comparisons and trends.
func baseEditions(tb testing.TB) fstest.MapFS {
	tb.Helper()
	fsys := fstest.MapFS{}
	for _, year := range []string{"2022", "2023"} {
		dir := path.Join("../../testdata/othercity", year)
		entries, err := os.ReadDir(dir)
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(path.Join(dir, e.Name()))
			if err != nil {
				tb.Fatal(err)
			}
			fsys[year+"/"+e.Name()] = &fstest.MapFile{Data: data}
		}
	}
	return fsys
}

// The outputs pipeline builds.
const (
	outReport = 1 << iota
	outDeck
	outComparison
	outAll = outReport | outDeck | outComparison
)

// builtinCatalogue is the built-in catalogue, read once.
var builtinCatalogue = sync.OnceValues(func() (*report.Catalogue, error) {
	data, err := templates.FS.ReadFile("catalogue.yaml")
	if err != nil {
		return nil, err
	}
	return yamldata.ParseCatalogue("templates/catalogue.yaml", data)
})

// pipeline builds the outputs (outReport, outDeck, outComparison) of the
// editions of fsys in lang when the latest one validates. It returns
// whether the edition validated, and the first error of an output after
// that.
func pipeline(fsys fs.FS, lang string, outputs int) (bool, error) {
	cat, err := builtinCatalogue()
	if err != nil {
		return false, err
	}
	var history []*report.Results
	for _, year := range []int{2022, 2023} {
		ed, _, err := yamldata.LoadFS(fsys, "data", year)
		if err != nil {
			var list report.ErrorList
			if !errors.As(err, &list) {
				return false, err // not a refusal in the user's words
			}
			return false, nil
		}
		history = append(history, report.Compute(ed, cat))
	}
	ctx := context.Background()
	lim := narrative.Limits{Timeout: 20 * time.Second}
	sub := func(dir string) narrative.Source {
		s, _ := fs.Sub(templates.FS, dir)
		return narrative.Source{FS: s, Name: "templates/" + dir}
	}
	if outputs&outReport != 0 {
		doc, err := narrative.Build(ctx, sub(lang), history, lang, lim)
		if err != nil {
			return true, err
		}
		if _, err := pdf.Report(doc, pdf.ReportOptions{Charts: pdf.DefaultStyle()}); err != nil {
			return true, err
		}
	}
	if outputs&outDeck != 0 {
		deck, err := narrative.BuildDeck(ctx, sub("slides/"+lang), history, lang, lim)
		if err != nil {
			return true, err
		}
		if _, err := pdf.Slides(deck, pdf.DefaultSlideTheme()); err != nil {
			return true, err
		}
	}
	if outputs&outComparison != 0 {
		c := report.CompareAcross(history[0], history[1], nil)
		if _, err := pdf.Report(narrative.Comparison(c, history, lang), pdf.ReportOptions{Charts: pdf.DefaultStyle()}); err != nil {
			return true, err
		}
	}
	return true, nil
}

// hostileSeed is an edition of the reviewer's hostile list, as a change of
// one file of the 2023 edition, and whether it validates: each must be
// refused in the user's words or build every output.
type hostileSeed struct {
	file, data string
	valid      bool
}

func hostileSeeds(base fstest.MapFS) map[string]hostileSeed {
	edition := string(base["2023/edition.yaml"].Data)
	with := func(old, new string) string { return strings.Replace(edition, old, new, 1) }
	longName := strings.TrimSpace(strings.Repeat("Centro Storico ", 14)[:report.MaxName])
	return map[string]hostileSeed{
		"emoji district":   {report.FileEdition, with("name: Centro Storico", "name: Centro 😀 Storico"), true},
		"chinese title":    {report.FileEdition, with("title: Il lavoro", "title: 社会报告 Il lavoro"), true},
		"markdown name":    {report.FileEdition, with("name: Centro Storico", `name: "Centro\n\n# Titolo falso"`), false},
		"markdown title":   {report.FileEdition, with("title: Il lavoro di comunità a Valtellaro", `title: "# Titolo | falso *@@block-0* "`), true},
		"pipe name":        {report.FileEdition, with("name: Centro Storico", `name: "Centro | Storico"`), true},
		"placeholder name": {report.FileEdition, with("name: Centro Storico", `name: "@@block-0"`), true},
		"html block name":  {report.FileEdition, with("name: Centro Storico", `name: "<rendiconto-block n=\"0\">"`), true},
		"template name":    {report.FileEdition, with("name: Centro Storico", `name: "{{range 100000000000}}{{end}}"`), true},
		"too long name":    {report.FileEdition, with("name: Centro Storico", "name: "+strings.Repeat("Centro", 2000)), false},
		"longest name":     {report.FileEdition, with("name: Centro Storico", "name: "+longName), true},
		"longest word":     {report.FileEdition, with("name: Centro Storico", "name: "+strings.Repeat("x", report.MaxName)), true},
		"control":          {report.FileEdition, with("name: Centro Storico", `name: "Centro\u001bStorico"`), false},
		"zero residents":   {report.FileEdition, zeroResidents(edition), false},
		"empty record":     {report.FileProjects, "- {}\n", false},
		"empty projects":   {report.FileProjects, "[]\n", true},
	}
}

// zeroResidents sets every district's residents to zero.
func zeroResidents(edition string) string {
	var out []string
	for _, line := range strings.Split(edition, "\n") {
		if i := strings.Index(line, "residents:"); i >= 0 {
			line = line[:i] + "residents: 0"
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// FuzzPipeline is the property "validate says ok ⇒ every output builds":
// one file of an edition is replaced by the fuzzer's bytes; an edition
// that loads must give the report, the deck and the comparison, with no
// error and no panic. To keep each run short, which picks the language
// and one of the outputs; TestHostileEditionsBuild builds them all.
func FuzzPipeline(f *testing.F) {
	base := baseEditions(f)
	for i, name := range pipelineFiles {
		if file, ok := base["2023/"+name]; ok {
			f.Add(uint8(i), uint8(0), file.Data)
		}
	}
	for _, seed := range hostileSeeds(base) {
		for i, name := range pipelineFiles {
			if name == seed.file {
				for which := range uint8(6) {
					f.Add(uint8(i), which, []byte(seed.data))
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, file, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["2023/"+pipelineFiles[int(file)%len(pipelineFiles)]] = &fstest.MapFile{Data: data}
		lang := []string{"it", "en"}[which%2]
		output := []int{outReport, outDeck, outComparison}[which/2%3]
		if ok, err := pipeline(fsys, lang, output); err != nil {
			t.Fatalf("validated: %v; then: %v", ok, err)
		}
	})
}

// TestHostileEditionsBuild names each hostile edition: refused with
// positioned errors, or built in every output.
func TestHostileEditionsBuild(t *testing.T) {
	base := baseEditions(t)
	for name, seed := range hostileSeeds(base) {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			fsys["2023/"+seed.file] = &fstest.MapFile{Data: []byte(seed.data)}
			for _, lang := range []string{"it", "en"} {
				ok, err := pipeline(fsys, lang, outAll)
				if err != nil {
					t.Fatalf("%s: validated: %v; then: %v", lang, ok, err)
				}
				if ok != seed.valid {
					t.Errorf("%s: validated: %v, want %v", lang, ok, seed.valid)
				}
			}
		})
	}
}
