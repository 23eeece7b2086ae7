package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"rendiconto/report"
	"rendiconto/report/workbook"
	"rendiconto/report/yamldata"
)

var importCmd = &command{
	name:    "import",
	args:    " FILE…",
	summary: "Read a filled workbook (.xlsx) or CSV files into an edition's record files, through the checks of validate",
	flags: func(fs *flag.FlagSet, o *options) {
		yearFlag(fs, o)
		fs.BoolVar(&o.replace, "replace", false, "replace the edition's existing record files")
	},
	run: runImport,
}

// table is one sheet (or CSV file) of the input.
type table struct {
	file  string // the input file as given
	sheet string // the sheet's name; "" for a CSV file
	rows  [][]string
	s     *workbook.Sheet
	// cells are problems found at cells of a workbook that the values do
	// not show: merged cells, formulas without a computed value, dates
	// where a number is expected.
	cells report.ErrorList
}

// pos names a cell of a table: FILE:Sheet!C12, or FILE:12:3 for CSV.
func (t *table) pos(row, col int) string {
	if t.sheet == "" {
		return fmt.Sprintf("%s:%d:%d", t.file, row+1, col+1)
	}
	c, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return t.file + ":" + t.sheet + "!" + c
}

func runImport(_ context.Context, e *env) error {
	if len(e.args) == 0 {
		return usageError{"import: name the workbook (.xlsx) or the CSV files to import"}
	}
	years, err := e.years(false)
	if err != nil {
		return err
	}
	year := years[0]
	dir := filepath.Join(e.cfg.Data, strconv.Itoa(year))
	// The edition's territory and code lists, without its record files.
	base := importFS{base: regularFS{os.DirFS(e.cfg.Data), maxDataFile}, sub: strconv.Itoa(year), only: true, files: map[string][]byte{}}
	ed, _, err := yamldata.LoadFS(base, e.cfg.Data, year)
	if err != nil {
		return err
	}
	sheets := workbook.ForEdition(ed)
	var errs report.ErrorList
	var tables []*table
	for _, file := range e.args {
		ts, err := readTables(file, sheets)
		if err != nil {
			errs.Add(report.Pos{File: file}, "%v", err)
			continue
		}
		tables = append(tables, ts...)
	}
	bySource := map[string]*table{}
	for _, t := range tables {
		if prev, ok := bySource[t.s.Source]; ok {
			errs.Add(report.Pos{File: t.pos(0, 0)}, "a second sheet of %s (the first is %s)", t.s.File, prev.pos(0, 0))
			continue
		}
		bySource[t.s.Source] = t
	}
	if len(bySource) == 0 && len(errs) == 0 {
		errs.Add(report.Pos{File: e.args[0]}, "no sheet of a record file (%s)", sheetNames(sheets))
	}
	// The organisations' names, for names given in place of ids.
	orgs := workbook.Entries(ed, workbook.ListOrganisations)
	if t := bySource[report.SourceOrganisations]; t != nil {
		orgs = orgEntries(t)
	}
	gen := map[string]*generated{}
	for _, s := range sheets {
		t := bySource[s.Source]
		if t == nil {
			continue
		}
		g := newGenerated(t)
		if t.toYAML(g, ed, orgs, &errs) > 0 {
			gen[s.File] = g
		} else {
			fmt.Fprintf(e.stderr, "%s: warning: no records, %s left as it is\n", t.pos(0, 0), s.File)
		}
	}
	var cells report.ErrorList
	for _, s := range sheets {
		if t := bySource[s.Source]; t != nil {
			cells = append(cells, t.cells...)
		}
	}
	if len(errs) > 0 {
		return append(errs, cells...)
	}
	// The real loader on the edition with the generated files in place;
	// its errors follow those found at the cells.
	over := importFS{base: regularFS{os.DirFS(e.cfg.Data), maxDataFile}, sub: strconv.Itoa(year), files: map[string][]byte{}}
	for name, g := range gen {
		over.files[name] = g.buf.Bytes()
	}
	if _, _, err := yamldata.LoadFS(over, e.cfg.Data, year); err != nil {
		var list report.ErrorList
		if !errors.As(err, &list) {
			return err
		}
		for _, le := range list {
			for name, g := range gen {
				if le.Pos.File == filepath.Join(dir, name) && le.Pos.Line > 0 && le.Pos.Line <= len(g.lines) && g.lines[le.Pos.Line-1] != "" {
					le.Pos = report.Pos{File: g.at(le.Pos.Line, le.Msg)}
					le.Msg = g.lineRefs(le.Msg)
				}
			}
		}
		return byCell(cells, list)
	}
	if len(cells) > 0 {
		return cells
	}
	for _, s := range sheets {
		if gen[s.File] == nil {
			continue
		}
		path := filepath.Join(dir, s.File)
		if _, err := os.Lstat(path); err == nil && !e.opts.replace && !noRecords(path) {
			errs.Add(report.Pos{File: path}, "the file exists with records: --replace replaces it")
		}
	}
	if len(errs) > 0 {
		return errs
	}
	for _, s := range sheets {
		if g := gen[s.File]; g != nil {
			path := filepath.Join(dir, s.File)
			if err := writeAtomic(path, g.buf.Bytes()); err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, path)
		}
	}
	return nil
}

// byCell merges the problems found at cells with the loader's errors, in
// the order of the sheets' rows and columns; a loader's error at a cell
// that already has a problem is its consequence, and left out.
func byCell(cells, loader report.ErrorList) report.ErrorList {
	seen := map[string]bool{}
	for _, e := range cells {
		seen[e.Pos.File] = true
	}
	all := slices.Clone(cells)
	for _, e := range loader {
		if !seen[e.Pos.File] {
			all = append(all, e)
		}
	}
	type key struct {
		sheet    int
		row, col int
	}
	sheets := map[string]int{}
	keys := map[*report.Error]key{}
	for _, e := range all {
		sheet, cell, ok := strings.Cut(e.Pos.File, "!")
		if !ok {
			continue
		}
		if _, ok := sheets[sheet]; !ok {
			sheets[sheet] = len(sheets)
		}
		col, row, _ := excelize.CellNameToCoordinates(cell)
		keys[e] = key{sheets[sheet], row, col}
	}
	slices.SortStableFunc(all, func(a, b *report.Error) int {
		ka, kb := keys[a], keys[b]
		return cmp.Or(cmp.Compare(ka.sheet, kb.sheet), cmp.Compare(ka.row, kb.row), cmp.Compare(ka.col, kb.col))
	})
	return all
}

func sheetNames(sheets []workbook.Sheet) string {
	var n []string
	for _, s := range sheets {
		n = append(n, s.Name.It, s.Source)
	}
	return strings.Join(n, ", ")
}

// sheetFor finds the record file a sheet or CSV file name stands for.
func sheetFor(name string, sheets []workbook.Sheet) *workbook.Sheet {
	name = strings.TrimSpace(name)
	for i := range sheets {
		s := &sheets[i]
		for _, n := range []string{s.Name.It, s.Name.En, s.Source, strings.TrimSuffix(s.File, ".yaml")} {
			if strings.EqualFold(n, name) {
				return s
			}
		}
	}
	return nil
}

// readTables reads the sheets of a workbook, or a CSV file.
func readTables(file string, sheets []workbook.Sheet) ([]*table, error) {
	data, err := readRegular(file, "the file to import", maxInputFile)
	if err != nil {
		return nil, err
	}
	ext := strings.ToLower(filepath.Ext(file))
	if ext == ".csv" || ext == ".txt" {
		base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		s := sheetFor(base, sheets)
		if s == nil {
			return nil, fmt.Errorf("a CSV file is named by its record file (%s), not %q", sheetNames(sheets), base)
		}
		rows, err := readCSV(data)
		if err != nil {
			return nil, err
		}
		return []*table{{file: file, rows: rows, s: s}}, nil
	}
	return readWorkbook(file, data, sheets)
}

// readWorkbook reads the record sheets of a workbook. A panic of the
// workbook library on a damaged file is an error about the file.
func readWorkbook(file string, data []byte, sheets []workbook.Sheet) (out []*table, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("not a workbook (.xlsx) that can be read: damaged (%v)", r)
		}
	}()
	// A workbook is a zip: a few megabytes can unpack to gigabytes. A
	// filled monitoring workbook of 10,000 projects unpacks to about 10 MB.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 1 << 30})
	if err != nil {
		return nil, fmt.Errorf("not a workbook (.xlsx) that can be read: %v", err)
	}
	defer f.Close()
	check := hiddenCells(f)
	for _, name := range f.GetSheetList() {
		s := sheetFor(name, sheets)
		if s == nil {
			continue // the instructions, the lists, a sheet of one's own
		}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %v", name, err)
		}
		t := &table{file: file, sheet: name, rows: rows, s: s}
		if !check {
			out = append(out, t)
			continue
		}
		if err := t.checkCells(f); err != nil {
			return nil, fmt.Errorf("sheet %s: %v", name, err)
		}
		out = append(out, t)
	}
	return out, nil
}

// hiddenCells reports whether any worksheet of a workbook may have merged
// cells, formulas or cells shown as dates, by a look at its XML: checking
// the cells one by one has excelize decode whole sheets, which for 10,000
// records costs more than the rest of an import.
func hiddenCells(f *excelize.File) bool {
	marks := [][]byte{[]byte("<mergeCell "), []byte("<f>"), []byte("<f "), []byte(` t="d"`)}
	for i := 0; ; i++ {
		st, err := f.GetStyle(i)
		if err != nil {
			break
		}
		if dateStyle(st) {
			marks = append(marks, fmt.Appendf(nil, ` s="%d"`, i))
		}
	}
	found := false
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		xml, _ := v.([]byte)
		if strings.HasPrefix(name, "xl/worksheets/") {
			for _, m := range marks {
				if bytes.Contains(xml, m) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// checkCells finds what the cells' values alone hide: merged cells (only
// the first keeps a value), formulas without a computed value (a workbook
// saved by a program that does not calculate reads them as empty) and
// dates in a number column (their value is a day count, 43831 for
// 1 January 2020, that would import as a number).
func (t *table) checkCells(f *excelize.File) error {
	merged, err := f.GetMergeCells(t.sheet, true)
	if err != nil {
		return err
	}
	for _, m := range merged {
		start, end := m.GetStartAxis(), m.GetEndAxis()
		col, row, err := excelize.CellNameToCoordinates(start)
		if err != nil {
			return err
		}
		t.cells.Add(report.Pos{File: t.pos(row-1, col-1)}, "cells %s:%s are merged: a merged cell keeps its value in %s only; unmerge them and fill every cell", start, end, start)
	}
	if len(t.rows) == 0 {
		return nil
	}
	cols := make([]*workbook.Column, len(t.rows[0]))
	for i, h := range t.rows[0] {
		cols[i] = column(t.s, h)
	}
	dates := map[int]bool{} // style index → a date format
	for r := 1; r < len(t.rows); r++ {
		row := t.rows[r]
		for i, c := range cols {
			if c == nil {
				continue
			}
			v := ""
			if i < len(row) {
				v = strings.TrimSpace(row[i])
			}
			cell, _ := excelize.CoordinatesToCellName(i+1, r+1)
			switch {
			case v == "":
				if fm, _ := f.GetCellFormula(t.sheet, cell); fm != "" {
					t.cells.Add(report.Pos{File: t.pos(r, i)}, "the formula =%s has no computed value here: open and save the workbook in Excel or LibreOffice, or type the value", fm)
				}
			case c.Kind == workbook.Whole:
				if typ, _ := f.GetCellType(t.sheet, cell); typ == excelize.CellTypeDate {
					t.cells.Add(report.Pos{File: t.pos(r, i)}, "a date (%s) where %s, a whole number, is expected", v, c.Key)
					continue
				}
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					continue
				}
				idx, err := f.GetCellStyle(t.sheet, cell)
				if err != nil {
					continue
				}
				isDate, ok := dates[idx]
				if !ok {
					st, err := f.GetStyle(idx)
					isDate = err == nil && dateStyle(st)
					dates[idx] = isDate
				}
				if isDate {
					shown, _ := f.GetCellValue(t.sheet, cell)
					t.cells.Add(report.Pos{File: t.pos(r, i)}, "a date (%s) where %s, a whole number, is expected: format the cell as a number", shown, c.Key)
				}
			}
		}
	}
	return nil
}

// dateStyle reports whether a cell style shows numbers as dates or times:
// one of the built-in date formats, or a format of its own with day,
// month, year, hour or second letters outside quotes and brackets.
func dateStyle(st *excelize.Style) bool {
	if st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		return dateFormat(*st.CustomNumFmt)
	}
	n := st.NumFmt
	return (n >= 14 && n <= 22) || (n >= 27 && n <= 36) || (n >= 45 && n <= 47) || (n >= 50 && n <= 58)
}

func dateFormat(code string) bool {
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		switch ch := code[i]; {
		case ch == '"':
			quoted = !quoted
		case quoted:
		case ch == '\\' || ch == '_' || ch == '*':
			i++ // the next character is shown as it is
		case ch == '[':
			bracket = true
		case ch == ']':
			bracket = false
		case bracket:
		case strings.IndexByte("dDmMyYhHsS", ch) >= 0:
			return true
		}
	}
	return false
}

// readCSV reads CSV text separated by ; or , (whichever the first line
// has more of), UTF-8 with or without a byte-order mark.
func readCSV(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = ','
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return r.ReadAll()
}

// orgEntries are the ids and names of an Organisations table.
func orgEntries(t *table) []report.Entry {
	if len(t.rows) == 0 {
		return nil
	}
	idCol, nameCol := -1, -1
	for i, h := range t.rows[0] {
		if c := column(t.s, h); c != nil {
			switch c.Key {
			case "id":
				idCol = i
			case "name":
				nameCol = i
			}
		}
	}
	var out []report.Entry
	for _, r := range t.rows[1:] {
		if idCol >= 0 && idCol < len(r) {
			e := report.Entry{Code: strings.TrimSpace(r[idCol])}
			if nameCol >= 0 && nameCol < len(r) {
				e.Label = strings.TrimSpace(r[nameCol])
			}
			out = append(out, e)
		}
	}
	return out
}

// column finds the column a header names: its key or its label.
func column(s *workbook.Sheet, h string) *workbook.Column {
	h = strings.TrimSpace(h)
	for i := range s.Columns {
		c := &s.Columns[i]
		if c.Key == h || strings.EqualFold(c.Label.It, h) || strings.EqualFold(c.Label.En, h) {
			return c
		}
	}
	return nil
}

// generated is a record file made from a table, with the cell each of its
// lines came from.
type generated struct {
	file  string // the input file
	t     *table
	buf   bytes.Buffer
	lines []string       // by line, from 0: the cell; "" for none
	rows  []int          // by line, from 0: the table's row; -1 for none
	cols  map[string]int // a field's column in the table, by key
}

var lineRef = regexp.MustCompile(`\bline (\d+)\b`)

// lineRefs replaces "line N" of the generated file in a message by the
// cell the line came from.
func (g *generated) lineRefs(msg string) string {
	return lineRef.ReplaceAllStringFunc(msg, func(m string) string {
		n, err := strconv.Atoi(strings.TrimPrefix(m, "line "))
		if err != nil || n < 1 || n > len(g.lines) || g.lines[n-1] == "" {
			return m
		}
		return strings.TrimPrefix(g.lines[n-1], g.file+":")
	})
}

func (g *generated) line(row, col int, text string) {
	g.buf.WriteString(text)
	g.buf.WriteByte('\n')
	pos := ""
	if row >= 0 {
		pos = g.t.pos(row, col)
	}
	g.lines = append(g.lines, pos)
	g.rows = append(g.rows, row)
}

func newGenerated(t *table) *generated {
	return &generated{file: t.file, t: t, cols: map[string]int{}}
}

var missingField = regexp.MustCompile(`^(?:(\w+): )?missing required field "(\w+)"$|: missing required field "(\w+)"$`)

// at is the cell an error of the loader at a line of the generated file
// is about: the line's cell, or for a missing field the field's cell in
// the record's row.
func (g *generated) at(line int, msg string) string {
	pos := g.lines[line-1]
	m := missingField.FindStringSubmatch(msg)
	if m == nil {
		return pos
	}
	key := m[2]
	if m[1] != "" {
		key = m[1] + "." + m[2]
	} else if m[3] != "" {
		key = m[3]
	}
	if col, ok := g.cols[key]; ok {
		return g.t.pos(g.rows[line-1], col)
	}
	return pos
}

// toYAML writes the table's rows as YAML records, one field a line.
// It returns the number of records.
func (t *table) toYAML(g *generated, ed *report.Edition, orgs []report.Entry, errs *report.ErrorList) int {
	label := t.s.Name.It
	if t.sheet != "" {
		label = t.sheet
	}
	g.line(-1, 0, "# "+t.s.File+" imported from "+filepath.Base(t.file)+" ("+label+") by rendiconto import.")
	g.line(-1, 0, "")
	if len(t.rows) == 0 {
		return 0
	}
	cols := make([]*workbook.Column, len(t.rows[0]))
	seen := map[string]int{}
	var keys []string
	for _, c := range t.s.Columns {
		keys = append(keys, c.Key, c.Label.It)
	}
	for i, h := range t.rows[0] {
		h = strings.TrimSpace(h)
		if h == "" || strings.HasPrefix(h, "#") {
			continue
		}
		c := column(t.s, h)
		if c == nil {
			errs.Add(report.Pos{File: t.pos(0, i)}, "unknown column %q: not a field of %s; a note column's header starts with #%s", h, t.s.File, report.Hint(h, keys))
			continue
		}
		if j, ok := seen[c.Key]; ok {
			errs.Add(report.Pos{File: t.pos(0, i)}, "a second column %s (the first is %s)", c.Key, t.pos(0, j))
			continue
		}
		seen[c.Key] = i
		g.cols[c.Key] = i
		cols[i] = c
	}
	records := 0
	for r := 1; r < len(t.rows); r++ {
		row := t.rows[r]
		empty := true
		for i, v := range row {
			if strings.TrimSpace(v) != "" && i < len(cols) && cols[i] != nil {
				empty = false
			}
		}
		if empty {
			continue
		}
		records++
		first, group := true, ""
		for i, c := range cols {
			if c == nil || i >= len(row) || strings.TrimSpace(row[i]) == "" {
				continue
			}
			v := t.value(c, strings.TrimSpace(row[i]), ed, orgs)
			key, indent := c.Key, "  "
			if g0, k, ok := strings.Cut(c.Key, "."); ok {
				if g0 != group {
					prefix := "  "
					if first {
						prefix, first = "- ", false
					}
					g.line(r, i, prefix+g0+":")
					group = g0
				}
				key, indent = k, "    "
			} else {
				group = ""
				if first {
					indent, first = "- ", false
				}
			}
			g.line(r, i, indent+key+": "+v)
		}
		g.line(-1, 0, "")
	}
	return records
}

// noRecords reports whether a record file holds no records (as
// new-edition writes it: [] and comments).
func noRecords(path string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	var v []any
	return yaml.Unmarshal(data, &v) == nil && len(v) == 0
}

// value is a cell as YAML text.
func (t *table) value(c *workbook.Column, v string, ed *report.Edition, orgs []report.Entry) string {
	switch c.Kind {
	case workbook.Whole:
		if n, err := strconv.Atoi(v); err == nil {
			return strconv.Itoa(n)
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1e15 {
			return strconv.FormatInt(int64(f), 10)
		}
		return yamlQuote(v)
	case workbook.Euro:
		// A number as the cell holds it; the loader checks its decimals.
		if f, err := strconv.ParseFloat(v, 64); err == nil && plainNumber.MatchString(v) {
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
		return yamlQuote(v)
	case workbook.Bool:
		switch strings.ToLower(v) {
		case "sì", "si", "yes", "true", "x":
			return "true"
		case "no", "false":
			return "false"
		}
		return yamlQuote(v)
	case workbook.Code:
		return yamlQuote(importCode(v, c.List, ed, orgs))
	case workbook.Codes:
		var items []string
		for _, p := range strings.Split(v, ";") {
			if p = strings.TrimSpace(p); p != "" {
				items = append(items, yamlQuote(importCode(p, c.List, ed, orgs)))
			}
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	return yamlQuote(v)
}

// importCode returns the code a cell names: the code itself, or the one entry
// whose label (Italian or English) it is.
func importCode(v, list string, ed *report.Edition, orgs []report.Entry) string {
	entries := orgs
	if list != workbook.ListOrganisations {
		entries = workbook.Entries(ed, list)
	}
	for _, e := range entries {
		if e.Code == v {
			return v
		}
	}
	found := ""
	for _, e := range entries {
		if (e.Label != "" && strings.EqualFold(e.Label, v)) || (e.LabelEn != "" && strings.EqualFold(e.LabelEn, v)) {
			if found != "" && found != e.Code {
				return v
			}
			found = e.Code
		}
	}
	if found != "" {
		return found
	}
	return v
}

// plainNumber is a number written with digits and a decimal point, the
// way a workbook's cell gives it (no exponent, no thousands separator).
var plainNumber = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

var plainYAML = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_\-]*$`)

// yamlQuote writes a string as YAML: plain when that reads back as the same
// string, else double-quoted.
func yamlQuote(s string) string {
	if plainYAML.MatchString(s) {
		switch strings.ToLower(s) {
		case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		default:
			return s
		}
	}
	return strconv.Quote(s)
}

// importFS is a data root with some files of one edition's folder in
// memory in place of (or besides) those on disk; with only, the record
// files on disk are hidden.
type importFS struct {
	base  fs.FS
	sub   string
	only  bool
	files map[string][]byte
}

func (o importFS) Open(name string) (fs.File, error) {
	if _, ok := o.files[strings.TrimPrefix(name, o.sub+"/")]; ok || o.hidden(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.base.Open(name)
}

func (o importFS) hidden(name string) bool {
	if !o.only {
		return false
	}
	n := strings.TrimPrefix(name, o.sub+"/")
	return n != name && n != report.FileEdition && n != report.FileVocabularies
}

func (o importFS) ReadFile(name string) ([]byte, error) {
	if b, ok := o.files[strings.TrimPrefix(name, o.sub+"/")]; ok && strings.HasPrefix(name, o.sub+"/") {
		return b, nil
	}
	if o.hidden(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return fs.ReadFile(o.base, name)
}
