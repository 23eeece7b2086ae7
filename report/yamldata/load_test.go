package yamldata

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"rendiconto/report"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/broken")

// TestBroken loads every broken edition of testdata/broken and compares
// the messages with the case's golden file: each case is a data root with
// one edition folder and a file "want.golden".
func TestBroken(t *testing.T) { testBroken(t, *update) }

// TestBrokenInBatches loads the broken editions again parsing record files
// a few records at a time: the messages must be the same, golden for
// golden.
func TestBrokenInBatches(t *testing.T) {
	defer func(n int) { batchSize = n }(batchSize)
	batchSize = 40
	testBroken(t, false)
}

func testBroken(t *testing.T, update bool) {
	cases, err := filepath.Glob("testdata/broken/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, dir := range cases {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		n++
		t.Run(filepath.Base(dir), func(t *testing.T) {
			years, err := Years(dir)
			if err != nil || len(years) != 1 {
				t.Fatalf("want one edition folder in %s, got %v (%v)", dir, years, err)
			}
			_, _, err = Load(dir, years[0])
			var list report.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Load: got %v, want a list of errors", err)
			}
			got := list.Error() + "\n"
			golden := filepath.Join(dir, "want.golden")
			if update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("messages differ from %s:\n got:\n%s\nwant:\n%s", golden, got, want)
			}
			for _, e := range list {
				if e.Pos.File == "" || strings.Contains(e.Msg, "\n") {
					t.Errorf("message without a file or on several lines: %q", e)
				}
			}
		})
	}
	if n < 30 {
		t.Errorf("only %d broken editions; the contract's errors need at least 30", n)
	}
}

// TestSample loads the shipped sample data: it must be valid.
func TestSample(t *testing.T) {
	years, err := Years("../../data")
	if err != nil || len(years) == 0 {
		t.Fatalf("no sample editions: %v", err)
	}
	for _, y := range years {
		if _, warnings, err := Load("../../data", y); err != nil || len(warnings) > 0 {
			t.Errorf("%d: %v, warnings %v", y, err, warnings)
		}
	}
}

// validFS is a small valid edition in memory, the base of the fuzz target.
func validFS() fstest.MapFS {
	files := map[string]string{
		"edition.yaml": `year: 2021
title: Prova
organisation: Comune di Prova
published: 2022-05-31
territory:
  name: Prova
  districts:
    - code: est
      name: Est
      residents: 1000
      zones: [{code: e1, name: Est 1}]
    - {code: ovest, name: Ovest, residents: 2000}
`,
		"vocabularies.yaml": `themes: [{code: anziani, label: Anziani}]
purposes: [{code: supporto, label: Supporto}]
activities: [{code: socialita, label: Socialità}]
need_areas: [{code: anziani, label: Anziani}]
origins: [{code: pdz, label: Piani di zona}, {code: other, label: Altro}]
coordination: [{code: sst, label: SST}]
organisation_kinds: [{code: aps, label: APS, ets: true}, {code: parrocchia, label: Parrocchia, ets: false}]
funding: [{code: comune, label: Comune}]
targets: [{code: anziani, label: Anziani}]
units: [{code: sst, label: SST}, {code: sportelli, label: Sportelli}]
roles: [{code: as, label: Assistente sociale}, {code: amm, label: Amministrativo}]
contracts: [{code: ind, label: Indeterminato}, {code: det, label: Determinato}]
channels: [{code: presenza, label: Di persona}, {code: telefono, label: Telefono}]
`,
		"organisations.yaml": `- {id: o1, name: Uno, kind: aps}
- {id: o2, name: Due, kind: parrocchia, district: est}
`,
		"projects.yaml": `- id: P1
  name: Progetto
  new: true
  origin: pdz
  need_area: anziani
  scope: zone
  districts: [est]
  zones: [e1]
  beneficiaries: {total: 10, in_charge: 2}
  organisations: [o1, o2]
  operators: {sst: 1, reti: 1, other: 0}
  activities: [socialita]
  funding: [comune]
  targets: [anziani]
`,
		"tables.yaml": `- {id: T1, name: Tavolo, district: est, coordination: sst, themes: [anziani], purposes: [supporto], organisations: [o1], meetings: 3}
`,
		"groups.yaml": `- {id: G1, name: Gruppo, district: ovest, coordination: sst, themes: [anziani], purposes: [supporto], citizens: 5}
`,
		"staff.yaml": `- measure: headcount
  total: 10
  cells: [{unit: sst, value: 7}, {unit: sportelli, value: 3}]
- measure: headcount
  cells: [{role: as, contract: ind, value: 4}, {role: as, contract: det, value: 1}, {role: amm, contract: ind, value: 5}]
- measure: fte
  for: {role: as, contract: ind}
  cells: [{district: est, value: 1.5}, {district: ovest, value: 2.25}]
`,
		"services.yaml": `- {measure: users, total: 300, cells: [{district: est, value: 100}, {district: ovest, value: 200}]}
- {measure: contacts, cells: [{channel: presenza, value: 40}, {channel: telefono, value: 60}]}
`,
	}
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["2021/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func TestValidFS(t *testing.T) {
	ed, _, err := LoadFS(validFS(), "mem", 2021)
	if err != nil {
		t.Fatal(err)
	}
	if len(ed.Projects) != 1 || ed.Projects[0].Zones[0] != "e1" || !ed.Projects[0].InAggregates || ed.Territory.Residents() != 3000 {
		t.Errorf("unexpected edition: %+v", ed)
	}
	if len(ed.Staff) != 3 || len(ed.Services) != 2 || ed.Staff[2].Cells[1].Value != 2.25 || ed.Staff[1].Dims[0] != "contract" {
		t.Errorf("unexpected aggregate figures: %+v %+v", ed.Staff, ed.Services)
	}
}

// TestValidBase loads the base of the broken cases: it must be valid and
// complete, so each broken case shows its own defect only.
func TestValidBase(t *testing.T) {
	if _, warnings, err := Load("testdata/valid", 2021); err != nil || len(warnings) > 0 {
		t.Errorf("%v, warnings %v", err, warnings)
	}
}

// TestAggregateFilesAreOptional: without staff.yaml and services.yaml the
// edition loads, with one warning each.
func TestAggregateFilesAreOptional(t *testing.T) {
	fsys := validFS()
	delete(fsys, "2021/staff.yaml")
	delete(fsys, "2021/services.yaml")
	ed, warnings, err := LoadFS(fsys, "mem", 2021)
	if err != nil || len(warnings) != 2 || ed.Has(report.FileStaff) || ed.Has(report.FileServices) {
		t.Errorf("err %v, warnings %v", err, warnings)
	}
}

var fuzzFiles = []string{"edition.yaml", "vocabularies.yaml", "organisations.yaml", "projects.yaml", "tables.yaml", "groups.yaml",
	"staff.yaml", "services.yaml"}

// FuzzLoad replaces one file of a valid edition with arbitrary bytes: the
// loader must return an edition or errors with positions, never panic.
func FuzzLoad(f *testing.F) {
	base := validFS()
	for i, name := range fuzzFiles {
		f.Add(uint8(i), base["2021/"+name].Data)
	}
	f.Add(uint8(3), []byte("- &a {id: P1}\n- *a\n"))
	f.Add(uint8(3), []byte("- <<: {id: P1}\n"))
	f.Add(uint8(0), []byte("year: 2021\nterritory: {name: x, districts: [{code: a, name: b, residents: -1}]}\n"))
	f.Add(uint8(3), []byte("- {id: P1, beneficiaries: {total: 12.5, in_charge: 1e400}}\n"))
	f.Add(uint8(1), []byte("a: &a [*a]\n"))
	f.Add(uint8(0), []byte("year: 2021\nsample: [x]\nsources: {projects: [a], projets: b}\nsources_en: x\nterritory: {name: x, districts: [{code: a, name: b, residents: 1}]}\n"))
	f.Add(uint8(3), []byte("\t- bad"))
	f.Add(uint8(6), []byte("- {measure: fte, for: {role: as}, total: 1e400, cells: [{district: est, value: -1}, {value: 2}]}\n"))
	f.Add(uint8(7), []byte("- {measure: users, cells: [{district: est, district: ovest, value: 1}, [1], {channel: x}]}\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := validFS()
		fsys["2021/"+fuzzFiles[int(which)%len(fuzzFiles)]] = &fstest.MapFile{Data: data}
		ed, _, err := LoadFS(fsys, "mem", 2021)
		if err == nil {
			if ed == nil {
				t.Fatal("no edition and no error")
			}
			return
		}
		var list report.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error is not a list: %v", err)
		}
		for _, e := range list {
			if !strings.HasPrefix(e.Pos.File, "mem/2021/") {
				t.Errorf("error without its file: %v", e)
			}
		}
	})
}

// FuzzCatalogue parses arbitrary catalogues: errors, never panics.
func FuzzCatalogue(f *testing.F) {
	if data, err := os.ReadFile("../../templates/catalogue.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("indicators: [{id: x, source: projects, measure: sum, by: beneficiaries.total}]"))
	f.Add([]byte("indicators:\n  - id: x\n    source: organisations\n    measure: share\n    where: [{field: roles, min: two}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := ParseCatalogue("c.yaml", data)
		if err == nil && cat == nil {
			t.Fatal("no catalogue and no error")
		}
	})
}

func TestYears(t *testing.T) {
	years, err := Years("../../data")
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, y := range years {
		s = append(s, strconv.Itoa(y))
	}
	if got := strings.Join(s, ","); got != "2018,2019,2020" {
		t.Errorf("Years = %s, want 2018,2019,2020", got)
	}
}

// TestBatchesReadTheSame: a large edition read a batch of records at a
// time gives the same edition and warnings as read whole; a batch that
// cannot stand alone (a quoted text cut across a batch boundary, an
// alias to an earlier batch) falls back to the whole file.
func TestBatchesReadTheSame(t *testing.T) {
	fsys := bigFS(1500)
	p := fsys["2021/projects.yaml"]
	// a project name with an undrawable character far into the file,
	// and one quoted over two lines whose second line starts "- "
	p.Data = []byte(strings.Replace(string(p.Data), "name: Progetto 1200\n", "name: Progetto 1200 😀\n", 1))
	p.Data = []byte(strings.Replace(string(p.Data), "name: Progetto 700\n", "name: \"Progetto\n- 700\"\n", 1))
	load := func(size int) (*report.Edition, []Warning, error) {
		defer func(n int) { batchSize = n }(batchSize)
		batchSize = size
		return LoadFS(fsys, "mem", 2021)
	}
	edWhole, wWhole, errWhole := load(1 << 30)
	edBatch, wBatch, errBatch := load(4 << 10)
	if errWhole != nil || errBatch != nil {
		t.Fatal(errWhole, errBatch)
	}
	if !reflect.DeepEqual(edWhole, edBatch) || !reflect.DeepEqual(wWhole, wBatch) {
		t.Errorf("batches read a different edition or warnings: %v / %v", wWhole, wBatch)
	}
	if len(wBatch) != 1 || !strings.Contains(wBatch[0].String(), "projects.yaml:") || edBatch.Projects[700].Name != "Progetto - 700" {
		t.Errorf("warnings %v, project %q", wBatch, edBatch.Projects[700].Name)
	}
	// An alias to an anchor of an earlier batch: the whole-file message.
	p.Data = []byte(strings.Replace(string(p.Data), "- id: P10\n", "- id: &a P10\n", 1))
	p.Data = []byte(strings.Replace(string(p.Data), "- id: P1400\n", "- id: *a\n", 1))
	_, _, errWhole = load(1 << 30)
	_, _, errBatch = load(4 << 10)
	if errWhole == nil || errBatch == nil || errWhole.Error() != errBatch.Error() {
		t.Errorf("alias across batches:\nwhole %v\nbatch %v", errWhole, errBatch)
	}
}
