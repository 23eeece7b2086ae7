package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// openWorkbook runs workbook with args and opens the file it wrote.
func openWorkbook(t *testing.T, args ...string) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "wb.xlsx")
	args = append([]string{"workbook", "--data", "../../data", "--year", "2019", "--out", path}, args...)
	code, stdout, stderr := runArgs(t, args...)
	if code != exitOK {
		t.Fatalf("workbook: exit %d\n%s", code, stderr)
	}
	if strings.TrimSpace(stdout) != path {
		t.Errorf("stdout %q, want the path %q", stdout, path)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, path
}

func rows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	r, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestWorkbook(t *testing.T) {
	f, path := openWorkbook(t)
	want := []string{"Istruzioni", "Organizzazioni", "Progetti", "Tavoli", "Gruppi", "Liste"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	if v, _ := f.GetSheetVisible("Liste"); v {
		t.Error("the Liste sheet is visible")
	}
	p := rows(t, f, "Progetti")
	wantHead := []string{"Codice", "Nome", "Nuovo", "Origine", "Area di bisogno", "Raggio di azione", "Quartieri", "Zone",
		"Beneficiari", "Beneficiari in carico", "Organizzazioni",
		"Operatori Servizio sociale territoriale", "Operatori Ufficio reti", "Operatori Altri uffici",
		"Attività", "Finanziamento", "Budget (euro)",
		"Euro Comune di Bologna", "Euro Quartiere (budget di quartiere)", "Euro Fondo sociale locale (Piani di zona)",
		"Euro Regione Emilia-Romagna", "Euro Azienda Usl di Bologna", "Euro Fondazioni di origine bancaria",
		"Euro Fondi europei (PON Metro, FSE)", "Euro Risorse proprie delle organizzazioni",
		"Euro Donazioni e raccolte fondi", "Euro Nessun finanziamento specifico",
		"Destinatari", "Nei totali"}
	if !slices.Equal(p[0], wantHead) {
		t.Errorf("Progetti headers\n%q\nwant\n%q", p[0], wantHead)
	}
	if len(p) != 101 {
		t.Errorf("Progetti has %d rows, want 100 projects and the header", len(p)-1)
	}
	// P001 of data/2019/projects.yaml.
	p001 := []string{"P001", "Pasti caldi in città", "no", "other", "adulti", "city", "", "",
		"144", "11", "odt-008; odt-082; odt-177; odt-182; odt-188; odt-204; odt-215; odt-229",
		"3", "1", "2", "beni_prima_necessita", "comune", "43600", "", "", "", "", "", "", "", "", "", "", "adulti; senza_dimora"}
	if !slices.Equal(p[1], p001) {
		t.Errorf("P001\n%q\nwant\n%q", p[1], p001)
	}
	if typ, _ := f.GetCellType("Progetti", "I2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("beneficiaries stored as %v, want a number", typ)
	}
	for _, s := range []string{"Organizzazioni", "Progetti", "Tavoli", "Gruppi"} {
		panes, err := f.GetPanes(s)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v (%v), want the header row frozen", s, panes, err)
		}
		if w, _ := f.GetColWidth(s, "B"); w < 30 {
			t.Errorf("%s: the names' column is %g wide", s, w)
		}
	}
	dvs, err := f.GetDataValidations("Progetti")
	if err != nil {
		t.Fatal(err)
	}
	byCol := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		byCol[strings.TrimRight(strings.SplitN(dv.Sqref, ":", 2)[0], "0123456789")] = dv
	}
	if dv := byCol["G"]; dv == nil || dv.Type != "list" || !strings.Contains(dv.Formula1, "navile") {
		t.Errorf("districts (G): validation %+v, want a list of the districts", dv)
	}
	if dv := byCol["I"]; dv == nil || dv.Type != "whole" {
		t.Errorf("beneficiaries (I): validation %+v, want whole numbers", dv)
	}
	if dv := byCol["K"]; dv == nil || dv.Type != "list" || !strings.Contains(dv.Formula1, "Organizzazioni") {
		t.Errorf("organisations (K): validation %+v, want the ids of the Organizzazioni sheet", dv)
	}
	if dv := byCol["O"]; dv == nil || dv.Type != "list" || !strings.Contains(dv.Formula1, "beni_prima_necessita") {
		t.Errorf("activities (O): validation %+v, want the list of activities", dv)
	}
	instr := rows(t, f, "Istruzioni")
	var keys []string
	for _, r := range instr {
		if len(r) >= 3 && r[0] == "Progetti" {
			keys = append(keys, r[2])
		}
	}
	if !slices.Contains(keys, "beneficiaries.in_charge") || !slices.Contains(keys, "operators.sst") || len(keys) != len(wantHead) {
		t.Errorf("Istruzioni explains the projects' fields %v", keys)
	}
	if n := len(rows(t, f, "Organizzazioni")); n != 236 {
		t.Errorf("Organizzazioni has %d rows, want 235 and the header", n)
	}
	// The same inputs, the same bytes.
	_, again := openWorkbook(t)
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(again)
	if len(a) == 0 || string(a) != string(b) {
		t.Error("two runs wrote different files")
	}
	if testing.Verbose() {
		for _, s := range f.GetSheetList() {
			for i, r := range rows(t, f, s) {
				if i < 4 {
					t.Logf("%s %d: %q", s, i+1, r)
				}
			}
		}
	}
}

func TestWorkbookEmptyEnglish(t *testing.T) {
	f, _ := openWorkbook(t, "--empty", "--lang", "en")
	want := []string{"Instructions", "Organisations", "Projects", "Tables", "Groups", "Lists"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	for _, s := range want[1:5] {
		r := rows(t, f, s)
		if len(r) != 1 {
			t.Errorf("%s: %d rows, want the header only", s, len(r))
		}
	}
	head := rows(t, f, "Projects")[0]
	if head[0] != "Id" || head[8] != "Beneficiaries" || head[9] != "Beneficiaries in charge" {
		t.Errorf("English headers %q", head)
	}
	dvs, _ := f.GetDataValidations("Projects")
	if len(dvs) == 0 {
		t.Error("no validations in an empty workbook")
	}
}

func TestWorkbookDefaultPath(t *testing.T) {
	out := t.TempDir()
	cfg := filepath.Join(out, "config.toml")
	if err := os.WriteFile(cfg, []byte("out = \""+filepath.ToSlash(out)+"\"\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runArgs(t, "workbook", "--data", "../../data", "--year", "2019", "--config", cfg, "--lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := filepath.Join(out, "monitoraggio-2019-en.xlsx")
	if strings.TrimSpace(stdout) != want {
		t.Errorf("wrote %q, want %q", stdout, want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Error(err)
	}
}
