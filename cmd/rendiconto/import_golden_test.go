package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("differs from %s (go test -update rewrites it):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// A workbook broken in every way a coordinator's copy can be: the whole
// list of errors, at their cells, is golden; nothing is written.
func TestImportBrokenGolden(t *testing.T) {
	root := importRoot(t)
	wb := rootWorkbook(t, root)
	f, err := excelize.OpenFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	set := func(cell string, v any) { t.Helper(); must(f.SetCellValue("Progetti", cell, v)) }
	id14, _ := f.GetCellValue("Progetti", "A14")
	set("G12", "naville")                                  // a bad code
	set("G11", "Navile")                                   // a label: accepted
	set("A13", id14)                                       // a duplicate id
	set("I6", "molti")                                     // text where a number is expected
	set("I7", 1e20)                                        // a huge number
	set("J8", time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)) // a date where a number is expected
	set("B10", nil)                                        // a required field left empty
	set("I9", nil)
	must(f.SetCellFormula("Progetti", "I9", "J9*2")) // a formula never calculated
	must(f.MergeCell("Progetti", "F15", "F16"))      // merged cells
	// An empty sheet: its file is left as it is, with a warning.
	must(f.DeleteSheet("Gruppi"))
	_, err = f.NewSheet("Gruppi")
	must(err)
	must(f.Save())
	f.Close()
	was := snapshot(t, root)
	code, stdout, stderr := runArgs(t, "import", "--data", root, "--year", "2019", "--replace", wb)
	if code != exitInvalid || stdout != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
	}
	stderr = strings.ReplaceAll(stderr, filepath.Dir(wb)+string(filepath.Separator), "")
	stderr = strings.ReplaceAll(stderr, root, "ROOT")
	golden(t, "import-broken.golden", stderr)
	if now := snapshot(t, root); now["projects.yaml"] != was["projects.yaml"] || now["groups.yaml"] != was["groups.yaml"] {
		t.Error("a file was written")
	}
}

func TestDateFormat(t *testing.T) {
	for _, tc := range []struct {
		code string
		want bool
	}{
		{"dd/mm/yyyy", true},
		{"[$-410]mmmm yy", true},
		{"hh:mm", true},
		{"General", false},
		{"#,##0", false},
		{`0 "giorni"`, false},
		{`[Red]0`, false},
		{`0\d`, false},
		{"0_);(0)", false},
	} {
		if got := dateFormat(tc.code); got != tc.want {
			t.Errorf("dateFormat(%q) = %v, want %v", tc.code, got, tc.want)
		}
	}
}

// testdata/libreoffice-2019.xlsx is the 2019 workbook opened and saved
// again by LibreOffice Calc 7 (soffice --headless --convert-to xlsx):
// another program's file imports to the same indicators as the YAML.
// If data/2019 changes, write it again: rendiconto workbook --year 2019
// --out x.xlsx, then soffice --headless --convert-to xlsx x.xlsx.
func TestImportLibreOffice(t *testing.T) {
	root := importRoot(t)
	code, before, stderr := runArgs(t, "indicators", "--data", root, "--year", "2019", "--format", "json")
	if code != exitOK {
		t.Fatalf("indicators: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runArgs(t, "import", "--data", root, "--year", "2019", "--replace", "testdata/libreoffice-2019.xlsx"); code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	code, after, stderr := runArgs(t, "indicators", "--data", root, "--year", "2019", "--format", "json")
	if code != exitOK {
		t.Fatalf("indicators after import: exit %d\n%s", code, stderr)
	}
	if before != after {
		t.Error("indicators differ after importing LibreOffice's workbook (or data/2019 changed: see the comment)")
	}
}
