package main

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
	"rendiconto/report/workbook"
	"rendiconto/report/yamldata"
)

// FuzzImportCSV: any CSV text of projects reads without a panic and gives
// YAML that parses, with a cell for every line that holds a field.
func FuzzImportCSV(f *testing.F) {
	ed, _, err := yamldata.Load("../../data", 2019)
	if err != nil {
		f.Fatal(err)
	}
	sheets := workbook.ForEdition(ed)
	var s *workbook.Sheet
	for i := range sheets {
		if sheets[i].Source == report.SourceProjects {
			s = &sheets[i]
		}
	}
	f.Add([]byte("\ufeffid;name;new;scope;districts;beneficiaries.total;# n\nP1;\"a;b\";sì;Quartiere;Navile; 3 ;x\n"))
	f.Add([]byte("Codice,Nome,Beneficiari,operators.sst\nP1,\"x\"\"y\",1e3,2\n,,,\n"))
	f.Add([]byte("id;name\n\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := readCSV(data)
		if err != nil {
			return
		}
		tb := &table{file: "projects.csv", rows: rows, s: s}
		g := newGenerated(tb)
		var errs report.ErrorList
		tb.toYAML(g, ed, nil, &errs)
		if len(errs) > 0 {
			return
		}
		var v any
		if err := yaml.Unmarshal(g.buf.Bytes(), &v); err != nil {
			t.Fatalf("the YAML does not parse: %v\n%s", err, g.buf.Bytes())
		}
	})
}

// FuzzImportXLSX: any bytes given as a workbook read without a panic,
// and the sheets that read give YAML that parses.
func FuzzImportXLSX(f *testing.F) {
	ed, _, err := yamldata.Load("../../data", 2019)
	if err != nil {
		f.Fatal(err)
	}
	sheets := workbook.ForEdition(ed)
	wb := excelize.NewFile()
	wb.SetSheetName("Sheet1", "Progetti")
	for i, row := range [][]any{
		{"id", "name", "scope", "districts", "beneficiaries.total", "# n"},
		{"P1", "Uno", "Quartiere", "Navile; savena", 3, "x"},
		{"P2", "Due", "city", "", 1e20, ""},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		wb.SetSheetRow("Progetti", cell, &row)
	}
	wb.MergeCell("Progetti", "F2", "F3")
	wb.SetCellFormula("Progetti", "E3", "E2*2")
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04not a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tables, err := readWorkbook("wb.xlsx", data, sheets)
		if err != nil {
			return
		}
		for _, tb := range tables {
			g := newGenerated(tb)
			var errs report.ErrorList
			tb.toYAML(g, ed, nil, &errs)
			if len(errs) > 0 {
				continue
			}
			var v any
			if err := yaml.Unmarshal(g.buf.Bytes(), &v); err != nil {
				t.Fatalf("the YAML does not parse: %v\n%s", err, g.buf.Bytes())
			}
		}
	})
}
