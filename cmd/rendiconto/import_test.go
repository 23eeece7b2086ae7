package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// importRoot copies the 2019 edition into a temporary data root.
func importRoot(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	copyDir(t, "../../data/2019", filepath.Join(root, "2019"))
	return root
}

// rootWorkbook writes the workbook of the root's 2019 edition.
func rootWorkbook(t *testing.T, root string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "wb.xlsx")
	if code, _, stderr := runArgs(t, "workbook", "--data", root, "--year", "2019", "--out", path); code != exitOK {
		t.Fatalf("workbook: exit %d\n%s", code, stderr)
	}
	return path
}

// snapshot reads the record files of the root's 2019 edition.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, n := range []string{"organisations.yaml", "projects.yaml", "tables.yaml", "groups.yaml"} {
		b, err := os.ReadFile(filepath.Join(root, "2019", n))
		if err != nil {
			t.Fatal(err)
		}
		out[n] = string(b)
	}
	return out
}

func TestImportRoundTrip(t *testing.T) {
	root := importRoot(t)
	code, before, stderr := runArgs(t, "indicators", "--data", root, "--year", "2019", "--format", "json")
	if code != exitOK {
		t.Fatalf("indicators: exit %d\n%s", code, stderr)
	}
	wb := rootWorkbook(t, root)
	if code, _, stderr := runArgs(t, "import", "--data", root, "--year", "2019", "--replace", wb); code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(root, "2019", "projects.yaml"))
	if !strings.HasPrefix(string(b), "# projects.yaml imported from wb.xlsx") {
		t.Errorf("projects.yaml does not say where it came from:\n%.200s", b)
	}
	code, after, stderr := runArgs(t, "indicators", "--data", root, "--year", "2019", "--format", "json")
	if code != exitOK {
		t.Fatalf("indicators after import: exit %d\n%s", code, stderr)
	}
	if before != after {
		t.Error("indicators --format json differ after workbook → import")
	}
}

func TestImportRefusesExisting(t *testing.T) {
	root := importRoot(t)
	wb := rootWorkbook(t, root)
	was := snapshot(t, root)
	code, _, stderr := runArgs(t, "import", "--data", root, "--year", "2019", wb)
	if code != exitInvalid || !strings.Contains(stderr, "projects.yaml: the file exists with records: --replace replaces it") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if now := snapshot(t, root); now["projects.yaml"] != was["projects.yaml"] {
		t.Error("a file was written")
	}
}

func TestImportErrors(t *testing.T) {
	root := importRoot(t)
	wb := rootWorkbook(t, root)
	f, err := excelize.OpenFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	set := func(cell string, v any) {
		t.Helper()
		if err := f.SetCellValue("Progetti", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	id14, _ := f.GetCellValue("Progetti", "A14")
	set("G12", "naville")        // a bad code
	set("G11", "Navile")         // a label: accepted
	set("A13", id14)             // a duplicate id
	set("B5", 123)               // a number as a name: accepted as text
	set("I6", "molti")           // text where a number is expected
	set("S1", "Colore")          // an unknown column
	set("T1", "# note")          // a note column
	set("T2", "anything at all") // ignored
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	was := snapshot(t, root)
	code, stdout, stderr := runArgs(t, "import", "--data", root, "--year", "2019", "--replace", wb)
	if code != exitInvalid {
		t.Fatalf("exit %d, want 1\n%s%s", code, stdout, stderr)
	}
	t.Logf("\n%s", stderr)
	for _, want := range []string{
		"wb.xlsx:Progetti!S1: unknown column \"Colore\"",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("no %q in\n%s", want, stderr)
		}
	}
	// Without the unknown column, the loader's errors at their cells.
	f, _ = excelize.OpenFile(wb)
	f.SetCellValue("Progetti", "S1", nil)
	f.Save()
	f.Close()
	code, _, stderr = runArgs(t, "import", "--data", root, "--year", "2019", "--replace", wb)
	t.Logf("\n%s", stderr)
	for _, want := range []string{
		`wb.xlsx:Progetti!G12: "naville" is not one of`,
		`(did you mean "navile"?)`,
		`wb.xlsx:Progetti!A14: duplicate project id "` + id14 + `" (first at Progetti!A13)`,
		"wb.xlsx:Progetti!I6: ",
		"nothing written",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("no %q in\n%s", want, stderr)
		}
	}
	for _, bad := range []string{"G11", "B5", "T"} {
		if strings.Contains(stderr, "Progetti!"+bad) {
			t.Errorf("an error at %s:\n%s", bad, stderr)
		}
	}
	if code != exitInvalid {
		t.Errorf("exit %d, want 1", code)
	}
	if now := snapshot(t, root); now["projects.yaml"] != was["projects.yaml"] {
		t.Error("a file was written")
	}
}

func TestImportCSV(t *testing.T) {
	root := importRoot(t)
	was := snapshot(t, root)
	csvPath := filepath.Join(t.TempDir(), "Gruppi.csv")
	data := "\ufeffCodice;Nome;Quartiere;Coordinamento;Tematiche;Finalità;Cittadini;# note\r\n" +
		"G900;\"Gruppo; nuovo\";Navile;sst;famiglie_minori;informativa; 12 ;x\r\n" +
		";;;;;;;\r\n" +
		"G901;Gruppo due;;sst;;;tanti;\r\n"
	if err := os.WriteFile(csvPath, []byte(data), 0o666); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runArgs(t, "import", "--data", root, "--year", "2019", "--replace", csvPath)
	if code != exitInvalid || !strings.Contains(stderr, "Gruppi.csv:4:7: ") {
		t.Errorf("exit %d, want 1 and an error at 4:7:\n%s", code, stderr)
	}
	data = strings.Replace(data, "tanti", "3", 1)
	os.WriteFile(csvPath, []byte(data), 0o666)
	code, _, stderr = runArgs(t, "import", "--data", root, "--year", "2019", "--replace", csvPath)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	now := snapshot(t, root)
	if now["projects.yaml"] != was["projects.yaml"] {
		t.Error("projects.yaml changed: only groups.yaml was imported")
	}
	g := now["groups.yaml"]
	for _, want := range []string{"- id: G900\n", "name: \"Gruppo; nuovo\"\n", "district: navile\n", "citizens: 12\n", "- id: G901\n"} {
		if !strings.Contains(g, want) {
			t.Errorf("no %q in\n%s", want, g)
		}
	}
	if bytes.Count([]byte(g), []byte("- id:")) != 2 {
		t.Errorf("want 2 groups:\n%s", g)
	}
}

// The yearly workflow: new-edition, an empty workbook filled, import
// without --replace (the files new-edition wrote hold no records).
func TestImportNewEdition(t *testing.T) {
	root := importRoot(t)
	if code, _, stderr := runArgs(t, "new-edition", "--data", root, "2020"); code != exitOK {
		t.Fatalf("new-edition: exit %d\n%s", code, stderr)
	}
	orgs, _ := os.ReadFile(filepath.Join(root, "2020", "organisations.yaml"))
	wb := filepath.Join(t.TempDir(), "m.xlsx")
	if code, _, stderr := runArgs(t, "workbook", "--data", root, "--year", "2020", "--empty", "--out", wb); code != exitOK {
		t.Fatalf("workbook: exit %d\n%s", code, stderr)
	}
	f, err := excelize.OpenFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]any{"A2": "P001", "B2": "Nuovo progetto", "C2": "sì", "D2": "other", "E2": "adulti",
		"F2": "Quartiere", "G2": "Navile", "I2": 10, "J2": 2, "L2": 3} {
		f.SetCellValue("Progetti", cell, v)
	}
	f.Save()
	f.Close()
	code, stdout, stderr := runArgs(t, "import", "--data", root, "--year", "2020", wb)
	if code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	if strings.TrimSpace(stdout) != filepath.Join(root, "2020", "projects.yaml") {
		t.Errorf("stdout %q: only projects.yaml has records", stdout)
	}
	if now, _ := os.ReadFile(filepath.Join(root, "2020", "organisations.yaml")); !bytes.Equal(now, orgs) {
		t.Error("organisations.yaml changed by an empty sheet")
	}
	p, _ := os.ReadFile(filepath.Join(root, "2020", "projects.yaml"))
	for _, want := range []string{"  new: true\n", "  scope: district\n", "  districts: [navile]\n", "    total: 10\n", "  operators:\n    sst: 3\n"} {
		if !strings.Contains(string(p), want) {
			t.Errorf("no %q in\n%s", want, p)
		}
	}
	if code, _, stderr := runArgs(t, "validate", "--data", root, "--year", "2020"); code != exitOK {
		t.Errorf("validate: exit %d\n%s", code, stderr)
	}
}

// A workbook of another program: English sheet name, the contract's keys
// as headers, in another order; a huge number is an error at its cell.
func TestImportOtherWorkbook(t *testing.T) {
	root := importRoot(t)
	path := filepath.Join(t.TempDir(), "other.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "projects")
	for i, row := range [][]any{
		{"scope", "id", "name", "new", "origin", "need_area", "beneficiaries.total", "beneficiaries.in_charge", "# nota"},
		{"city", "Q1", "Uno", "x", "other", "adulti", 5, 1, "n"},
		{"City", "Q2", "Due", "no", "other", "adulti", 1e20, 0, ""},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("projects", cell, &row)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runArgs(t, "import", "--data", root, "--year", "2019", "--replace", path)
	if code != exitInvalid || !strings.Contains(stderr, "other.xlsx:projects!G3: ") || strings.Count(stderr, "other.xlsx:") != 1 {
		t.Fatalf("exit %d, want 1 and one error at G3:\n%s", code, stderr)
	}
	f.SetCellValue("projects", "G3", 7)
	f.Save()
	if code, _, stderr := runArgs(t, "import", "--data", root, "--year", "2019", "--replace", path); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	p, _ := os.ReadFile(filepath.Join(root, "2019", "projects.yaml"))
	if !strings.Contains(string(p), "- scope: city\n  id: Q1\n") || strings.Count(string(p), "scope: city\n") != 2 {
		t.Errorf("projects.yaml:\n%s", p)
	}
}
