package narrative

import (
	"fmt"
	"math"
	"strings"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/format"
	"rendiconto/report/words"
)

// NP is how a figure withheld to protect people (report.Withhold) is
// printed in tables and sentences: "not published", never n.d.
const NP = "n.p."

// npNote is the note under a table with n withheld cells.
func npNote(lang string, n int) string {
	w := words.For(lang)
	return fmt.Sprintf(w.NPNote, NP, n, pluralOf(n, w.NPCell, w.NPCells))
}

// npChartNote is the part of a chart's caption note that says how many of
// its items are not drawn because they are withheld.
func npChartNote(lang string, n int) string {
	if n == 1 {
		return words.For(lang).NPChart1
	}
	return fmt.Sprintf(words.For(lang).NPChartN, n)
}

// npChart is the sentence in place of a chart whose every item is
// withheld.
func npChart(lang, caption string) *document.Paragraph {
	return &document.Paragraph{Spans: []document.Span{{Text: caption + words.For(lang).NPChartTail, Italic: true}}}
}

// isNPChart reports whether b is the sentence of npChart: a slide laid
// out for a chart takes it in the chart's place.
func isNPChart(b document.Block) bool {
	p, ok := b.(*document.Paragraph)
	if !ok || len(p.Spans) != 1 || !p.Spans[0].Italic {
		return false
	}
	for _, tail := range []string{words.For("it").NPChartTail, words.For("en").NPChartTail} {
		if strings.HasSuffix(p.Spans[0].Text, tail) {
			return true
		}
	}
	return false
}

// rowText is a breakdown row's value as printed: n.p. when withheld, n.d.
// when not available.
func rowText(row report.Row, lang string) string {
	switch {
	case row.Withheld:
		return NP
	case row.NA:
		return format.NAIn(lang)
	}
	return format.Auto(row.Value, lang)
}

// withheldCells counts the figures withheld in the results: values and
// breakdown rows.
func withheldCells(rs *report.Results) int {
	n := 0
	for _, r := range rs.List {
		if r.Withheld {
			n++
		}
		for _, row := range r.Breakdown {
			if row.Withheld {
				n++
			}
		}
	}
	return n
}

// privacy is the method part's sentence on the counts of people not
// published: the rule, its threshold and how many figures this edition
// withholds; for internal use, that nothing is withheld. Empty when the
// rule withholds nothing (or was not applied, as in tests), so that an
// edition without small counts reads as before.
func (e *env) privacy() string {
	w := words.For(e.lang)
	if e.rs.Internal {
		return w.PrivacyInternal
	}
	n := withheldCells(e.rs)
	if n == 0 || e.rs.Threshold == 0 {
		return ""
	}
	cells := fmt.Sprintf(w.PrivacyWithheldN, n)
	if n == 1 {
		cells = w.PrivacyWithheld1
	}
	return fmt.Sprintf(w.PrivacyRule, e.rs.Threshold-1, NP, cells)
}

// npChartWhy says what n.p. means in a trend chart's note.
func npChartWhy(lang string) string {
	return words.For(lang).NPChartWhy
}

// withheldBound is a value no withheld row of r's breakdown can exceed,
// so that a row larger than it is surely larger than every withheld one:
// −1 when no row is withheld; the total less the published rows when the
// rows add up to the total (the withheld rows share what is left); +Inf
// when nothing bounds them (a rate, a two-way or multiple-answer
// breakdown, a withheld total). top names no row at or below it: a
// sentence never calls a row the largest when a withheld one may be.
func withheldBound(r *report.Result) float64 {
	withheld := false
	sum := 0.0
	for _, row := range r.Breakdown {
		withheld = withheld || row.Withheld
		if !row.NA {
			sum += row.Value
		}
	}
	if !withheld {
		return -1
	}
	ind := r.Indicator
	f, coded := report.Schema[ind.Source][ind.By]
	multi := coded && (f.Kind == report.KindCodes || f.Kind == report.KindRefs)
	if !r.Value.Known || !ind.Additive() || ind.Across != "" || len(ind.Parts) > 0 || ind.By == "" || multi {
		return math.Inf(1)
	}
	return r.Value.Num - sum
}

// noShift is what change and trend print when there is no change to
// show: n.p. when either edition's value is withheld, n.d. otherwise.
func (e *env) noShift(id string) string {
	if r, ok := e.rs.Lookup(id); ok && r.Withheld {
		return NP
	}
	if e.prev != nil {
		if p, ok := e.prev.Lookup(id); ok && p.Withheld {
			return NP
		}
	}
	return e.nd()
}

// internalStamp is the stamp of every page of a version for internal use.
func internalStamp(rs *report.Results, lang string) string {
	if !rs.Internal {
		return ""
	}
	return words.For(lang).InternalStamp
}

// npCells counts the cells of a table that print n.p.
func npCells(rows [][]string) int {
	n := 0
	for _, r := range rows {
		for _, c := range r {
			if c == NP {
				n++
			}
		}
	}
	return n
}
