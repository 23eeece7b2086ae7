package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// runXLSX runs a command line that writes a workbook and opens it.
func runXLSX(t *testing.T, args ...string) (*excelize.File, []byte) {
	t.Helper()
	code, out, stderr := runArgs(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenReader(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the output is not a workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, []byte(out)
}

// xlsxFindRow returns the number of the row whose cells in the given columns
// are the given texts (an indicator's own row has an empty key).
func xlsxFindRow(t *testing.T, f *excelize.File, sheet string, idCol, keyCol int, id, key string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell := func(c int) string {
			if c < len(r) {
				return r[c]
			}
			return ""
		}
		if cell(idCol) == id && cell(keyCol) == key {
			return i + 1
		}
	}
	t.Fatalf("%s: no row %s %q", sheet, id, key)
	return 0
}

// xlsxNumber returns the cell's stored value, failing unless it is a number.
func xlsxNumber(t *testing.T, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Fatalf("%s!%s: type %v, want a number", sheet, cell, typ)
	}
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%s!%s: %q is not stored as a number", sheet, cell, raw)
	}
	return n
}

func xlsxNumFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

func TestIndicatorsXLSX(t *testing.T) {
	f, _ := runXLSX(t, "indicators", "--data", "../../data", "--year", "2019", "--format", "xlsx")
	const sheet = "Indicatori"
	if got := f.GetSheetList(); len(got) != 1 || got[0] != sheet {
		t.Fatalf("sheets %v, want [%s]", got, sheet)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Edizione", "Codice", "Indicatore", "Unità", "Chiave", "Voce", "Valore"}
	if got := rows[0]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("header %q, want %q", got, want)
	}
	if st, _ := f.GetCellStyle(sheet, "A1"); st == 0 {
		t.Error("the header has no style")
	} else if s, _ := f.GetStyle(st); s.Font == nil || !s.Font.Bold {
		t.Error("the header is not bold")
	}
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, want the first row frozen", panes)
	}
	if w, _ := f.GetColWidth(sheet, "C"); w < 20 {
		t.Errorf("the title column is %v wide", w)
	}

	// A count: a number, with thousands separators and no decimals.
	r := xlsxFindRow(t, f, sheet, 1, 4, "B.3.projects", "")
	cell := "G" + strconv.Itoa(r)
	if n := xlsxNumber(t, f, sheet, cell); n != 99 {
		t.Errorf("B.3.projects = %v, want 99", n)
	}
	if got := xlsxNumFmt(t, f, sheet, cell); !strings.HasSuffix(got, "#,##0") {
		t.Errorf("B.3.projects: number format %q", got)
	}
	if n := xlsxNumber(t, f, sheet, "A"+strconv.Itoa(r)); n != 2019 {
		t.Errorf("edition %v, want 2019", n)
	}
	// A share: a fraction shown as a percentage with one decimal.
	r = xlsxFindRow(t, f, sheet, 1, 4, "B.3.new_share", "")
	cell = "G" + strconv.Itoa(r)
	if n := xlsxNumber(t, f, sheet, cell); math.Abs(n-17.0/99) > 1e-12 {
		t.Errorf("B.3.new_share = %v, want 17/99", n)
	}
	if got := xlsxNumFmt(t, f, sheet, cell); !strings.HasSuffix(got, "0.0%") {
		t.Errorf("B.3.new_share: number format %q, want a percentage", got)
	}
	if got, _ := f.GetCellValue(sheet, cell); got != "17.2%" {
		t.Logf("B.3.new_share is shown by excelize as %q", got)
	}
	// A mean that is not whole: one decimal.
	r = xlsxFindRow(t, f, sheet, 1, 4, "A.1.2", "")
	if got := xlsxNumFmt(t, f, sheet, "G"+strconv.Itoa(r)); !strings.HasSuffix(got, "#,##0.0") {
		t.Errorf("A.1.2 (572.2): number format %q", got)
	}
	// One row per breakdown row.
	r = xlsxFindRow(t, f, sheet, 1, 4, "A.1.1", "sportelli")
	if n := xlsxNumber(t, f, sheet, "G"+strconv.Itoa(r)); n != 74 {
		t.Errorf("A.1.1 sportelli = %v, want 74", n)
	}
	if got, _ := f.GetCellValue(sheet, "F"+strconv.Itoa(r)); got != "Sportelli sociali" {
		t.Errorf("A.1.1 sportelli: label %q", got)
	}
}

func TestIndicatorsXLSXNotAvailable(t *testing.T) {
	f, _ := runXLSX(t, "indicators", "--data", "../../testdata/othercity", "--year", "2023", "--format", "xlsx", "--lang", "en")
	const sheet = "Indicators"
	if got := f.GetSheetList(); len(got) != 1 || got[0] != sheet {
		t.Fatalf("sheets %v, want [%s]", got, sheet)
	}
	if got, _ := f.GetCellValue(sheet, "G1"); got != "Value" {
		t.Errorf("header G1 %q, want Value", got)
	}
	r := xlsxFindRow(t, f, sheet, 1, 4, "B.3.tables", "")
	cell := "G" + strconv.Itoa(r)
	if got, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true}); got != "" {
		t.Errorf("B.3.tables (n.d.) = %q, want an empty cell", got)
	}
	text := xlsxComment(t, f, sheet, cell)
	if !strings.Contains(text, "n.d.") || !strings.Contains(text, "tables.yaml") {
		t.Errorf("B.3.tables: comment %q, want one saying n.d. for lack of tables.yaml", text)
	}
}

func TestCompareXLSX(t *testing.T) {
	args := []string{"compare", "--data", "../../data", "--from", "2018", "--to", "2019"}
	f, _ := runXLSX(t, append(args, "--format", "xlsx")...)
	const sheet = "Confronto"
	if got := f.GetSheetList(); len(got) != 1 || got[0] != sheet {
		t.Fatalf("sheets %v, want [%s]", got, sheet)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Codice", "Indicatore", "Chiave", "Voce", "Valore 2018", "Valore 2019", "Variazione", "Variazione %", "Nota"}
	if got := rows[0]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("header %q, want %q", got, want)
	}
	// The change of B.3.projects, as the JSON gives it.
	code, out, stderr := runArgs(t, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var js struct {
		Indicators []struct {
			ID        string   `json:"id"`
			Change    *float64 `json:"change"`
			ChangePct *float64 `json:"change_pct"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ind := range js.Indicators {
		if ind.ID != "B.3.projects" {
			continue
		}
		found = true
		if ind.Change == nil || ind.ChangePct == nil {
			t.Fatalf("B.3.projects: no change in the JSON")
		}
		r := strconv.Itoa(xlsxFindRow(t, f, sheet, 0, 2, "B.3.projects", ""))
		if n := xlsxNumber(t, f, sheet, "G"+r); n != *ind.Change {
			t.Errorf("B.3.projects: change %v, want %v", n, *ind.Change)
		}
		if got := xlsxNumFmt(t, f, sheet, "G"+r); !strings.Contains(got, "+#,##0") {
			t.Errorf("B.3.projects: change format %q, want a signed number", got)
		}
		if n := xlsxNumber(t, f, sheet, "H"+r); math.Abs(n-*ind.ChangePct/100) > 1e-12 {
			t.Errorf("B.3.projects: change %% %v, want %v as a fraction", n, *ind.ChangePct)
		}
		if got := xlsxNumFmt(t, f, sheet, "H"+r); !strings.Contains(got, "0.0%") {
			t.Errorf("B.3.projects: change %% format %q, want a percentage", got)
		}
		if n := xlsxNumber(t, f, sheet, "F"+r); n != 99 {
			t.Errorf("B.3.projects 2019 = %v, want 99", n)
		}
	}
	if !found {
		t.Fatal("B.3.projects is not in the comparison")
	}
	// English, and an n.d. value: B.3.tables of 2023 (no tables.yaml).
	f, _ = runXLSX(t, "compare", "--data", "../../testdata/othercity", "--format", "xlsx", "--lang", "en")
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "Comparison" {
		t.Fatalf("sheets %v, want [Comparison]", got)
	}
	r := strconv.Itoa(xlsxFindRow(t, f, "Comparison", 0, 2, "B.3.tables", ""))
	for _, c := range []string{"F" + r, "G" + r} {
		if got, _ := f.GetCellValue("Comparison", c, excelize.Options{RawCellValue: true}); got != "" {
			t.Errorf("B.3.tables %s (n.d.) = %q, want an empty cell", c, got)
		}
	}
	if got := xlsxComment(t, f, "Comparison", "F"+r); !strings.Contains(got, "tables.yaml") {
		t.Errorf("B.3.tables 2023: comment %q, want one naming tables.yaml", got)
	}
	if got := xlsxComment(t, f, "Comparison", "G"+r); !strings.Contains(got, "n.d.") {
		t.Errorf("B.3.tables change: comment %q, want one saying n.d.", got)
	}
}

// xlsxComment returns the text of the cell's comment.
func xlsxComment(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	comments, err := f.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var text string
	for _, c := range comments {
		if c.Cell == cell {
			for _, p := range c.Paragraph {
				text += p.Text
			}
			text += c.Text
		}
	}
	return text
}

// TestXLSXDeterministic checks that two runs give the same bytes (the
// document's dates are the edition's, not the clock's).
func TestXLSXDeterministic(t *testing.T) {
	for _, args := range [][]string{
		{"indicators", "--data", "../../data", "--year", "2019", "--format", "xlsx"},
		{"indicators", "--data", "../../testdata/othercity", "--year", "2023", "--format", "xlsx"},
		{"compare", "--data", "../../data", "--format", "xlsx"},
	} {
		_, a := runXLSX(t, args...)
		_, b := runXLSX(t, args...)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ", strings.Join(args, " "))
		}
	}
	f, _ := runXLSX(t, "indicators", "--data", "../../data", "--year", "2019", "--format", "xlsx")
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2020-06-30T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("created %q, modified %q, want the edition's published date", props.Created, props.Modified)
	}
}

// TestXLSXTerminal checks that a workbook is not written on a terminal.
func TestXLSXTerminal(t *testing.T) {
	saved := stdoutIsTerminal
	stdoutIsTerminal = func(io.Writer) bool { return true }
	t.Cleanup(func() { stdoutIsTerminal = saved })
	for _, args := range [][]string{
		{"indicators", "--data", "../../data", "--format", "xlsx"},
		{"compare", "--data", "../../data", "--format", "xlsx"},
	} {
		code, out, stderr := runArgs(t, args...)
		if code != exitUsage || out != "" || !strings.Contains(stderr, "terminal") {
			t.Errorf("%s: exit %d, stdout %d bytes, stderr %q; want exit 2 and a word on the terminal", args[0], code, len(out), stderr)
		}
	}
	// Other formats still print.
	if code, _, stderr := runArgs(t, "indicators", "--data", "../../data", "--format", "csv"); code != 0 {
		t.Errorf("csv on a terminal: exit %d: %s", code, stderr)
	}
}
