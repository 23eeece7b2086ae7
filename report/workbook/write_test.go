package workbook

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rendiconto/report"
	"rendiconto/report/yamldata"
)

// TestLongList checks that a code list too long for Excel's inline limit
// goes in the hidden lists sheet, its validation a range of it.
func TestLongList(t *testing.T) {
	ed, _, err := yamldata.Load(filepath.Join("..", "..", "data"), 2019)
	if err != nil {
		t.Fatal(err)
	}
	acts := ed.Vocabularies["activities"]
	for i := range 40 {
		acts.Entries = append(acts.Entries, report.Entry{Code: fmt.Sprintf("attivita_%02d", i), Label: fmt.Sprintf("Attività %d, esempio", i)})
	}
	var buf bytes.Buffer
	if err := Write(&buf, ed, Options{Lang: "it", Empty: true}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dvs, err := f.GetDataValidations("Progetti")
	if err != nil {
		t.Fatal(err)
	}
	var ref string
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, "O2:") {
			ref = dv.Formula1
		}
	}
	if ref != "'Liste'!$A$2:$A$53" {
		t.Errorf("activities validate against %q, want the Liste sheet's range", ref)
	}
	col, _ := f.GetCols("Liste")
	if len(col) < 2 || col[0][0] != "activities" || !slices.Contains(col[0], "attivita_39") || col[1][1] != acts.Entries[0].Label {
		t.Errorf("Liste: %q", col)
	}
}

// TestCellTooLong checks that a value longer than a cell can hold is an
// error, not a cut (the import would lose codes).
func TestCellTooLong(t *testing.T) {
	ed, _, err := yamldata.Load(filepath.Join("..", "..", "data"), 2019)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5000 {
		ed.Projects[0].Organisations = append(ed.Projects[0].Organisations, fmt.Sprintf("odt-x%05d", i))
	}
	err = Write(&bytes.Buffer{}, ed, Options{Lang: "it"})
	if err == nil || !strings.Contains(err.Error(), "projects P001: organisations holds") {
		t.Errorf("got %v, want an error naming P001's organisations", err)
	}
}
