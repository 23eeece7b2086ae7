package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"rendiconto/report"
	"rendiconto/report/words"
)

// stdoutIsTerminal reports whether w is a terminal (a character device): a
// workbook written there would only garble it. A variable so that tests can
// pretend.
var stdoutIsTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// refuseTerminal is the usage error of --format xlsx when standard output
// is a terminal.
func refuseTerminal(e *env, file string) error {
	if !stdoutIsTerminal(e.stdout) {
		return nil
	}
	return usageError{fmt.Sprintf("--format xlsx writes a workbook to standard output, which is a terminal: redirect it to a file (> %s)", file)}
}

// xcellKind is how a cell of a workbook is written.
type xcellKind int

const (
	xText        xcellKind = iota // text (nothing when empty)
	xYear                         // a whole number without separators
	xNumber                       // thousands separators, one decimal unless whole
	xShare                        // a fraction, as a percentage with one decimal
	xChange                       // a signed number
	xShareChange                  // a signed fraction, as a percentage
	xPercent                      // a signed number given in percent, stored as a fraction
)

// xcell is a cell of a workbook: a text or a value. A value that is n.d. is
// an empty cell with a comment saying why.
type xcell struct {
	kind xcellKind
	text string
	v    report.Value
	why  string // the comment of an n.d. value
}

func xtext(s string) xcell { return xcell{text: s} }

// xsheet is the single sheet of a workbook written on standard output.
type xsheet struct {
	name    string
	header  []string
	rows    [][]xcell
	lang    string
	title   string
	date    time.Time // the created and modified date of the document
	numbers map[string]int
}

// numFmt returns the number format of a known value of the cell, with the
// language's locale so that a program that honours it shows the Italian
// (1.234,5) or English (1,234.5) separators.
func numFmt(c xcell, lang string) string {
	locale := "[$-410]"
	if lang == "en" {
		locale = "[$-809]"
	}
	whole := func(n float64) bool { r := math.Round(n*10) / 10; return r == math.Trunc(r) }
	switch c.kind {
	case xYear:
		return "0"
	case xNumber:
		if whole(c.v.Num) {
			return locale + "#,##0"
		}
		return locale + "#,##0.0"
	case xShare:
		return locale + "0.0%"
	case xChange:
		if whole(c.v.Num) {
			return locale + "+#,##0;-#,##0;0"
		}
		return locale + "+#,##0.0;-#,##0.0;0.0"
	case xShareChange, xPercent:
		return locale + "+0.0%;-0.0%;0.0%"
	}
	return ""
}

// write writes the sheet as an .xlsx workbook: a bold frozen header row,
// numbers stored as numbers, n.d. as empty cells with a
// comment, columns as wide as their content. The same sheet gives the same
// bytes: the document's dates are s.date, never the clock.
func (s *xsheet) write(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", s.name); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	s.numbers = map[string]int{}
	style := func(code string) (int, error) {
		if id, ok := s.numbers[code]; ok {
			return id, nil
		}
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		s.numbers[code] = id
		return id, err
	}
	widths := make([]int, len(s.header))
	grow := func(col int, text string) {
		if n := utf8.RuneCountInString(text); n > widths[col] {
			widths[col] = n
		}
	}
	for i, h := range s.header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(s.name, cell, h); err != nil {
			return err
		}
		grow(i, h)
	}
	last, _ := excelize.CoordinatesToCellName(len(s.header), 1)
	if err := f.SetCellStyle(s.name, "A1", last, bold); err != nil {
		return err
	}
	for r, row := range s.rows {
		for i, c := range row {
			cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
			if c.kind == xText {
				if c.text != "" {
					if err := f.SetCellStr(s.name, cell, c.text); err != nil {
						return err
					}
					grow(i, c.text)
				}
				continue
			}
			if !c.v.Known {
				if c.why == "" {
					continue
				}
				if err := f.AddComment(s.name, excelize.Comment{Cell: cell, Author: "rendiconto",
					Paragraph: []excelize.RichTextRun{{Text: c.why}}}); err != nil {
					return err
				}
				continue
			}
			n := c.v.Num
			if c.kind == xPercent {
				n /= 100
			}
			if err := f.SetCellFloat(s.name, cell, n, -1, 64); err != nil {
				return err
			}
			id, err := style(numFmt(c, s.lang))
			if err != nil {
				return err
			}
			if err := f.SetCellStyle(s.name, cell, cell, id); err != nil {
				return err
			}
			grow(i, fmt.Sprintf("%.1f", n)+"   ")
		}
	}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s.name, col, col, float64(min(max(wd+2, 8), 60))); err != nil {
			return err
		}
	}
	if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	date := s.date.UTC().Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "rendiconto", LastModifiedBy: "rendiconto",
		Title: s.title, Language: s.lang, Created: date, Modified: date}); err != nil {
		return err
	}
	return f.Write(w)
}

// editionDate is the date of an edition's documents: its published date,
// else 31 December of its year.
func editionDate(ed *report.Edition) time.Time {
	if !ed.Published.IsZero() {
		return ed.Published
	}
	return time.Date(ed.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
}

// whyNA says why an indicator's value is n.d.: the files it misses, or
// its reason.
func whyNA(r *report.Result, lang string) string {
	switch {
	case r == nil:
		return words.For(lang).Xlsx.ND
	case r.Withheld:
		return words.For(lang).Xlsx.NP
	case len(r.Missing) > 0:
		return fmt.Sprintf(words.For(lang).Xlsx.Missing, strings.Join(r.Missing, ", "))
	case r.Reason != "":
		return words.For(lang).Xlsx.ND + ": " + r.Reason
	}
	return words.For(lang).Xlsx.ND
}

// rowWhy says why a breakdown row of the result is n.d.: the indicator's
// reason when the indicator is n.d., else the row's own.
func rowWhy(r *report.Result, lang string) string {
	if r == nil || !r.Value.Known {
		return whyNA(r, lang)
	}
	return words.For(lang).Xlsx.Row
}

// rowNA says why a row of a known value is n.d.
func rowNA(row report.Row, lang string) string {
	if row.Withheld {
		return words.For(lang).Xlsx.NP
	}
	return words.For(lang).Xlsx.Row
}

// writeIndicatorsXLSX writes the indicators as a workbook: one row per
// indicator and per breakdown row, the columns of the CSV.
func writeIndicatorsXLSX(w io.Writer, rs *report.Results, lang string) error {
	xw := &words.For(lang).Xlsx
	s := &xsheet{name: xw.Indicators, lang: lang, date: editionDate(rs.Edition),
		title: fmt.Sprintf(xw.TitleDoc, rs.Edition.Year)}
	s.header = []string{xw.Edition, xw.ID, xw.Title, xw.Unit, xw.Key, xw.Label, xw.Value}
	year := xcell{kind: xYear, v: report.Known(float64(rs.Edition.Year))}
	for _, r := range rs.List {
		ind := r.Indicator
		kind := xNumber
		if ind.IsShare() {
			kind = xShare
		}
		title, unit := xtext(ind.Title.In(lang)), xtext(ind.Unit.In(lang))
		s.rows = append(s.rows, []xcell{year, xtext(ind.ID), title, unit, {}, {},
			{kind: kind, v: r.Value, why: whyNA(r, lang)}})
		for _, row := range r.Breakdown {
			s.rows = append(s.rows, []xcell{year, xtext(ind.ID), title, unit, xtext(row.Key), xtext(row.Label.In(lang)),
				{kind: xNumber, v: r.RowValue(row), why: rowNA(row, lang)}})
		}
	}
	return s.write(w)
}

// compareXLSX writes a comparison as a workbook: one row per indicator and
// per breakdown row, the columns of the CSV.
func compareXLSX(w io.Writer, c *report.Comparison, lang string) error {
	xw := &words.For(lang).Xlsx
	y0, y1 := c.From.Edition.Year, c.To.Edition.Year
	s := &xsheet{name: xw.Comparison, lang: lang, date: editionDate(c.To.Edition),
		title: fmt.Sprintf(xw.TitleCmp, y0, y1)}
	s.header = []string{xw.ID, xw.Title, xw.Key, xw.Label}
	s.header = append(s.header, fmt.Sprintf("%s %d", xw.Value, y0), fmt.Sprintf("%s %d", xw.Value, y1),
		xw.Change, xw.ChangePct, xw.Note)
	for _, ch := range c.Indicators {
		ind := ch.Indicator
		value, change := xNumber, xChange
		if ind.IsShare() {
			value, change = xShare, xShareChange
		}
		rf, _ := c.From.Lookup(ind.ID)
		rt, _ := c.To.Lookup(ind.ID)
		id, title := xtext(ind.ID), xtext(ind.Title.In(lang))
		whyPct := xw.NDChange
		if ch.Change.Known {
			whyPct = xw.NDPct
		}
		s.rows = append(s.rows, []xcell{id, title, {}, {},
			{kind: value, v: ch.From, why: whyNA(rf, lang)},
			{kind: value, v: ch.To, why: whyNA(rt, lang)},
			{kind: change, v: ch.Change, why: cmpOrWhy(ch.FromWithheld || ch.ToWithheld, xw.NP, xw.NDChange)},
			{kind: xPercent, v: ch.ChangePct, why: whyPct},
			{}})
		for _, r := range ch.Breakdown {
			// A row is n.d. when its denominator is, or when the whole
			// indicator is in that edition.
			whyFrom, whyTo, whyChange := rowWhy(rf, lang), rowWhy(rt, lang), xw.NDChange
			switch r.Note {
			case report.NoteNew:
				whyFrom = fmt.Sprintf(xw.NDNew, y0)
				whyChange = whyFrom
			case report.NoteDropped:
				whyTo = fmt.Sprintf(xw.NDGone, y1)
				whyChange = whyTo
			case report.NoteSplit, report.NoteMerged:
				whyChange = fmt.Sprintf(xw.NDDef, r.Note)
			}
			if r.FromWithheld {
				whyFrom, whyChange = xw.NP, xw.NP
			}
			if r.ToWithheld {
				whyTo, whyChange = xw.NP, xw.NP
			}
			note := r.Note
			if len(r.Was) > 0 {
				note += ": " + strings.Join(r.Was, ", ")
			}
			s.rows = append(s.rows, []xcell{id, title, xtext(r.Key), xtext(r.Label.In(lang)),
				{kind: xNumber, v: r.From, why: whyFrom},
				{kind: xNumber, v: r.To, why: whyTo},
				{kind: xChange, v: r.Change, why: whyChange},
				{},
				xtext(note)})
		}
	}
	return s.write(w)
}

// cmpOrWhy is np when withheld, else why.
func cmpOrWhy(withheld bool, np, why string) string {
	if withheld {
		return np
	}
	return why
}
