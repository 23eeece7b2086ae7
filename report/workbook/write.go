package workbook

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"rendiconto/report"
)

// Options are the choices of a workbook.
type Options struct {
	Lang  string // "it" or "en": sheet names, headers, instructions
	Empty bool   // headers and lists only, no records (a new year's)
}

// ListSep separates the codes of a multi-valued cell.
const ListSep = "; "

// Names of the extra sheets.
var (
	InstructionsSheet = t("Istruzioni", "Instructions")
	ListsSheet        = t("Liste", "Lists")
)

// spareRows is how many empty rows below the records get the columns'
// validations.
const spareRows = 1000

// maxInline is Excel's limit on a drop-down list written in the
// validation itself; a longer list goes in the lists sheet.
const maxInline = 255

// Write writes the edition's workbook to w. The bytes depend only on the
// edition and the options: the document's dates are the edition's
// published date (or the 1st of January after its year).
func Write(w io.Writer, ed *report.Edition, o Options) error {
	if o.Lang != "en" {
		o.Lang = "it"
	}
	f := excelize.NewFile()
	defer f.Close()
	wr := &writer{f: f, ed: ed, o: o, sheets: ForEdition(ed)}
	if err := wr.write(); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

type writer struct {
	f      *excelize.File
	ed     *report.Edition
	o      Options
	sheets []Sheet
	header int            // style of header cells
	lists  map[string]int // column of each list in the lists sheet, from 1
	nlists int
}

func (w *writer) write() error {
	f, lang := w.f, w.o.Lang
	var err error
	if w.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE7F0"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	}); err != nil {
		return err
	}
	instr := InstructionsSheet.In(lang)
	if err := f.SetSheetName("Sheet1", instr); err != nil {
		return err
	}
	for _, s := range w.sheets {
		if _, err := f.NewSheet(s.Title(lang)); err != nil {
			return err
		}
	}
	lists := ListsSheet.In(lang)
	if _, err := f.NewSheet(lists); err != nil {
		return err
	}
	w.lists = map[string]int{}
	for _, s := range w.sheets {
		if err := w.sheet(&s); err != nil {
			return err
		}
	}
	if err := w.instructions(instr); err != nil {
		return err
	}
	if err := f.SetSheetVisible(lists, false); err != nil {
		return err
	}
	f.SetActiveSheet(1) // the first record sheet
	date := w.ed.Published
	if date.IsZero() {
		date = time.Date(w.ed.Year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	stamp := date.Format("2006-01-02") + "T00:00:00Z"
	title := t(fmt.Sprintf("Monitoraggio %d", w.ed.Year), fmt.Sprintf("Monitoring %d", w.ed.Year)).In(lang)
	return f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Subject:        w.ed.OrganisationIn(lang),
		Creator:        "rendiconto",
		LastModifiedBy: "rendiconto",
		Created:        stamp,
		Modified:       stamp,
		Language:       lang,
	})
}

// cell names the cell of a column and row, both from 1.
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// quoteSheet writes a sheet's name for a formula.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

func (w *writer) sheet(s *Sheet) error {
	f, lang := w.f, w.o.Lang
	name := s.Title(lang)
	for i, c := range s.Columns {
		if err := f.SetCellStr(name, cell(i+1, 1), c.Label.In(lang)); err != nil {
			return err
		}
		col := colName(i + 1)
		if err := f.SetColWidth(name, col, col, c.Width+2); err != nil {
			return err
		}
	}
	last := colName(len(s.Columns))
	if err := f.SetCellStyle(name, "A1", last+"1", w.header); err != nil {
		return err
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	n := 0
	if !w.o.Empty {
		n = w.records(s.Source)
		for r := range n {
			vals := w.values(s, r)
			for i, v := range vals {
				var err error
				switch v := v.(type) {
				case nil:
					continue
				case int:
					err = f.SetCellInt(name, cell(i+1, r+2), int64(v))
				case float64: // euro, to the cent
					err = f.SetCellFloat(name, cell(i+1, r+2), v, -1, 64)
				case string:
					if n := utf16Len(v); n > excelize.TotalCellChars {
						// Excel cuts a longer cell: the import would lose codes.
						return fmt.Errorf("%s %v: %s holds %d characters, more than a spreadsheet cell's %d",
							s.Source, vals[0], s.Columns[i].Key, n, excelize.TotalCellChars)
					}
					err = f.SetCellStr(name, cell(i+1, r+2), v)
				}
				if err != nil {
					return err
				}
			}
		}
	}
	lastRow := n + 1 + spareRows
	for i, c := range s.Columns {
		if err := w.validate(name, &c, colName(i+1), lastRow); err != nil {
			return fmt.Errorf("%s!%s: %w", name, colName(i+1), err)
		}
	}
	return nil
}

func (w *writer) records(source string) int {
	switch source {
	case report.SourceOrganisations:
		return len(w.ed.Organisations)
	case report.SourceProjects:
		return len(w.ed.Projects)
	case report.SourceTables:
		return len(w.ed.Tables)
	case report.SourceGroups:
		return len(w.ed.Groups)
	}
	return 0
}

// boolText is how the workbook writes true and false.
func boolText(b bool, lang string) string {
	if b {
		return t("sì", "yes").In(lang)
	}
	return "no"
}

func join(codes []string) any {
	if len(codes) == 0 {
		return nil
	}
	return strings.Join(codes, ListSep)
}

func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// values returns the cells of the r-th record of a sheet, one per column:
// nil (empty), an int or a string.
func (w *writer) values(s *Sheet, r int) []any {
	field := Values(w.ed, s.Source, r, w.o.Lang)
	out := make([]any, len(s.Columns))
	for i, c := range s.Columns {
		out[i] = field[c.Key]
	}
	return out
}

// Values returns the fields of the r-th record of a record set as the
// workbook writes them, by the data contract's key (dotted for nested
// fields): a string, an int, a float64 (euro), or nothing for an absent
// field.
func Values(ed *report.Edition, source string, r int, lang string) map[string]any {
	m := map[string]any{}
	switch source {
	case report.SourceOrganisations:
		o := ed.Organisations[r]
		m["id"], m["name"], m["kind"], m["district"] = str(o.ID), str(o.Name), str(o.Kind), str(o.District)
	case report.SourceProjects:
		p := ed.Projects[r]
		m["id"], m["name"] = str(p.ID), str(p.Name)
		m["new"] = boolText(p.New, lang)
		m["origin"], m["need_area"], m["scope"] = str(p.Origin), str(p.NeedArea), str(p.Scope)
		m["districts"], m["zones"] = join(p.Districts), join(p.Zones)
		m["beneficiaries.total"], m["beneficiaries.in_charge"] = p.Beneficiaries.Total, p.Beneficiaries.InCharge
		m["organisations"] = join(p.Organisations)
		if p.Operators.Stated {
			for _, o := range Offices(ed) {
				m[operatorsPrefix+o.Code] = p.Operators.Count(o.Code)
			}
		}
		m["activities"], m["funding"], m["targets"] = join(p.Activities), join(p.Funding), join(p.Targets)
		if p.HasBudget {
			m["budget"] = p.Budget
		}
		for code, x := range p.FundingAmounts {
			m[FundingPrefix+code] = x
		}
		if !p.InAggregates {
			m["in_aggregates"] = boolText(false, lang)
		}
	case report.SourceTables:
		tb := ed.Tables[r]
		m["id"], m["name"], m["district"], m["coordination"] = str(tb.ID), str(tb.Name), str(tb.District), str(tb.Coordination)
		m["themes"], m["purposes"], m["organisations"] = join(tb.Themes), join(tb.Purposes), join(tb.Organisations)
		if tb.HasMeetings {
			m["meetings"] = tb.Meetings
		}
	case report.SourceGroups:
		g := ed.Groups[r]
		m["id"], m["name"], m["district"], m["coordination"] = str(g.ID), str(g.Name), str(g.District), str(g.Coordination)
		m["themes"], m["purposes"], m["organisations"] = join(g.Themes), join(g.Purposes), join(g.Organisations)
		m["citizens"] = g.Citizens
	}
	for k, v := range m {
		if v == nil {
			delete(m, k)
		}
	}
	return m
}

// Entries returns the entries of a code list of the edition (nil when the
// edition has no such list).
func Entries(ed *report.Edition, list string) []report.Entry {
	switch list {
	case ListScope:
		return Scopes
	case ListDistricts:
		var out []report.Entry
		for _, d := range ed.Territory.Districts {
			out = append(out, report.Entry{Code: d.Code, Label: d.Name})
		}
		return out
	case ListZones:
		var out []report.Entry
		for _, d := range ed.Territory.Districts {
			for _, z := range d.Zones {
				out = append(out, report.Entry{Code: z.Code, Label: z.Name})
			}
		}
		return out
	case ListOrganisations:
		var out []report.Entry
		for _, o := range ed.Organisations {
			out = append(out, report.Entry{Code: o.ID, Label: o.Name})
		}
		return out
	}
	if v, ok := ed.Vocabularies[list]; ok {
		return v.Entries
	}
	return nil
}

// validate adds the column's validation to rows 2 to last.
func (w *writer) validate(sheet string, c *Column, col string, last int) error {
	lang := w.o.Lang
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, last)
	title := c.Label.In(lang)
	if len([]rune(title)) > 32 {
		title = string([]rune(title)[:32])
	}
	help := c.Help.In(lang)
	if len([]rune(help)) > 255 {
		help = string([]rune(help)[:254]) + "…"
	}
	switch c.Kind {
	case Whole:
		if err := dv.SetRange(0, 999999999, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, title, t("Un numero intero, 0 o più.", "A whole number, 0 or more.").In(lang))
	case Euro:
		if err := dv.SetRange(0, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, title, t("Un importo in euro, 0 o più, al più due decimali.", "An amount in euro, 0 or more, two decimals at most.").In(lang))
	case Bool:
		if err := dv.SetDropList([]string{boolText(true, lang), "no"}); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, title, t("sì o no.", "yes or no.").In(lang))
	case Code, Codes:
		if c.List == ListOrganisations {
			// The ids of the organisations sheet, as many as it may hold.
			orgs := w.sheetOf(report.SourceOrganisations)
			dv.SetSqrefDropList(fmt.Sprintf("%s!$A$2:$A$%d", quoteSheet(orgs), len(w.ed.Organisations)+1+spareRows))
		} else {
			entries := Entries(w.ed, c.List)
			if len(entries) == 0 {
				return nil // the edition lacks the list: validate says so
			}
			codes := make([]string, len(entries))
			inline := true
			for i, e := range entries {
				codes[i] = e.Code
				inline = inline && !strings.ContainsAny(e.Code, `,"`)
			}
			if inline && len(strings.Join(codes, ",")) <= maxInline {
				if err := dv.SetDropList(codes); err != nil {
					return err
				}
			} else {
				ref, err := w.list(c.List, entries)
				if err != nil {
					return err
				}
				dv.SetSqrefDropList(ref)
			}
		}
		if c.Kind == Code {
			dv.SetError(excelize.DataValidationErrorStyleStop, title, t("Un codice dell'elenco.", "A code of the list.").In(lang))
		}
		// Several codes: the list helps pick one; no error, since a cell
		// holds several separated by ";".
	default:
		if help == "" {
			return nil
		}
	}
	dv.SetInput(title, help)
	return w.f.AddDataValidation(sheet, dv)
}

// sheetOf returns the name of a record set's sheet.
func (w *writer) sheetOf(source string) string {
	for _, s := range w.sheets {
		if s.Source == source {
			return s.Title(w.o.Lang)
		}
	}
	return ""
}

// list writes a code list in the lists sheet (once), codes and labels side
// by side, and returns the range of its codes.
func (w *writer) list(name string, entries []report.Entry) (string, error) {
	sheet := ListsSheet.In(w.o.Lang)
	col, ok := w.lists[name]
	if !ok {
		col = 2*w.nlists + 1
		w.nlists++
		w.lists[name] = col
		if err := w.f.SetCellStr(sheet, cell(col, 1), name); err != nil {
			return "", err
		}
		for i, e := range entries {
			if err := w.f.SetCellStr(sheet, cell(col, i+2), e.Code); err != nil {
				return "", err
			}
			if err := w.f.SetCellStr(sheet, cell(col+1, i+2), e.LabelIn(w.o.Lang)); err != nil {
				return "", err
			}
		}
	}
	c := colName(col)
	return fmt.Sprintf("%s!$%s$2:$%s$%d", quoteSheet(sheet), c, c, len(entries)+1), nil
}

// instructions writes the instructions sheet: the general rules, then one
// row per column of every sheet.
func (w *writer) instructions(sheet string) error {
	f, lang := w.f, w.o.Lang
	row := 1
	put := func(vals ...string) error {
		for i, v := range vals {
			if err := f.SetCellStr(sheet, cell(i+1, row), v); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	title := t(fmt.Sprintf("Monitoraggio %d: istruzioni", w.ed.Year), fmt.Sprintf("Monitoring %d: instructions", w.ed.Year)).In(lang)
	if err := put(title); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", bold); err != nil {
		return err
	}
	for _, r := range rules {
		if err := put(r.In(lang)); err != nil {
			return err
		}
	}
	row++
	head := []string{
		t("Foglio", "Sheet").In(lang), t("Colonna", "Column").In(lang), t("Campo", "Field").In(lang),
		t("Tipo", "Kind").In(lang), t("Obbligatorio", "Required").In(lang), t("Elenco", "List").In(lang),
		t("Spiegazione", "Explanation").In(lang),
	}
	headRow := row
	if err := put(head...); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cell(1, headRow), cell(len(head), headRow), w.header); err != nil {
		return err
	}
	for _, s := range w.sheets {
		for _, c := range s.Columns {
			req := ""
			if c.Required {
				req = boolText(true, lang)
			}
			list := c.List
			if c.List == ListOrganisations {
				list = w.sheetOf(report.SourceOrganisations)
			}
			if err := put(s.Title(lang), c.Label.In(lang), c.Key, c.Kind.Name(lang), req, list, c.Help.In(lang)); err != nil {
				return err
			}
		}
	}
	// The code lists, codes and labels, in the order the columns use them.
	row++
	if err := put(t("Elenco", "List").In(lang), t("Codice", "Code").In(lang), t("Etichetta", "Label").In(lang)); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cell(1, row-1), cell(3, row-1), w.header); err != nil {
		return err
	}
	done := map[string]bool{ListOrganisations: true}
	for _, s := range w.sheets {
		for _, c := range s.Columns {
			if c.List == "" || done[c.List] {
				continue
			}
			done[c.List] = true
			for _, e := range Entries(w.ed, c.List) {
				if err := put(c.List, e.Code, e.LabelIn(lang)); err != nil {
					return err
				}
			}
		}
	}
	for i, width := range []float64{20, 40, 26, 20, 13, 20, 100} {
		col := colName(i + 1)
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	return nil
}

// rules are the general rules the instructions start with.
var rules = []report.Text{
	t("Un foglio per file di record: una riga per record, la riga 1 con le intestazioni (etichetta italiana o nome del campo, es. beneficiaries.total).",
		"One sheet per record file: one row per record, row 1 holds the headers (the label or the field's name, e.g. beneficiaries.total)."),
	t("Codici: scegliere dall'elenco a discesa; più codici in una cella separati da ; (es. navile; porto_saragozza).",
		"Codes: pick from the drop-down list; several codes in one cell separated by ; (e.g. navile; porto_saragozza)."),
	t("Sì/no: sì, si, yes, no, true, false o x (= sì). Una cella vuota è un campo assente.",
		"Yes/no: yes, sì, si, no, true, false or x (= yes). An empty cell is an absent field."),
	t("Numeri: interi, senza separatore delle migliaia. Una colonna la cui intestazione inizia con # è una nota e non viene letta.",
		"Numbers: whole, without a thousands separator. A column whose header starts with # is a note and is not read."),
	t("Il foglio Liste (nascosto) contiene gli elenchi lunghi con le loro etichette.",
		"The (hidden) Lists sheet holds the long code lists with their labels."),
}

// utf16Len is the length of s in UTF-16 units, as a spreadsheet counts it.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
