package narrative

import (
	"fmt"
	"path/filepath"
	"strings"

	"rendiconto/report"
	"rendiconto/report/document"
)

// indicators is the method part's table of the catalogue: every indicator
// with its definition and the files it is computed from.
func (e *env) indicators() markup {
	t := &document.Table{
		Caption: map[string]string{"it": "Gli indicatori e le loro definizioni", "en": "The indicators and their definitions"}[e.lang],
		Header:  []string{"Id", word(e.lang, "indicator"), word(e.lang, "file")},
		Numeric: []bool{false, false, false},
		Widths:  []float64{1.3, 6, 1.9},
	}
	for _, r := range e.rs.List {
		ind := r.Indicator
		t.Rows = append(t.Rows, []string{ind.ID,
			ind.Title.In(e.lang) + ". " + ind.Definition.In(e.lang) + origin(ind, e.lang) + uncoded(r, e.lang),
			strings.Join(ind.Files(), ", ")})
	}
	return e.aside(t)
}

// origin says, after an own indicator's definition, that it is the user's
// and which file gives it: in place of the catalogue's indicator, or added.
func origin(ind *report.Indicator, lang string) string {
	if ind.Origin == "" {
		return ""
	}
	file := filepath.Base(ind.Origin)
	switch {
	case ind.Replaces && lang == "en":
		return " (Own indicator from " + file + ", replacing the catalogue's.)"
	case ind.Replaces:
		return " (Indicatore proprio, da " + file + ", al posto di quello del catalogo.)"
	case lang == "en":
		return " (Own indicator from " + file + ", added to the catalogue.)"
	}
	return " (Indicatore proprio, da " + file + ", aggiunto al catalogo.)"
}

// coverage says which files the edition has, how many records each holds,
// and which indicators are n.d. and why.
func (e *env) coverage() markup {
	ed, lang := e.rs.Edition, e.lang
	var items []document.Paragraph
	inTotals := 0
	for _, p := range ed.Projects {
		if p.InAggregates {
			inTotals++
		}
	}
	var counts []string
	add := func(file string, n int, what string) {
		if ed.Has(file) {
			counts = append(counts, fmt.Sprintf("%d %s", n, word(lang, what)))
		}
	}
	add(report.FileProjects, len(ed.Projects), "projects")
	if ed.Has(report.FileProjects) && inTotals != len(ed.Projects) {
		counts[len(counts)-1] += fmt.Sprintf(" (%s %d)", word(lang, "of which in totals"), inTotals)
	}
	add(report.FileTables, len(ed.Tables), "tables")
	add(report.FileGroups, len(ed.Groups), "groups")
	add(report.FileOrganisations, len(ed.Organisations), "organisations")
	items = append(items, document.Paragraph{Spans: []document.Span{
		{Text: word(lang, "read") + ": ", Bold: true}, {Text: strings.Join(counts, "; ") + "."}}})

	var missing []string
	for _, f := range []string{report.FileOrganisations, report.FileProjects, report.FileTables, report.FileGroups} {
		if !ed.Has(f) {
			missing = append(missing, f)
		}
	}
	if len(missing) == 0 {
		items = append(items, document.Paragraph{Spans: []document.Span{{Text: word(lang, "complete")}}})
		return e.aside(&document.List{Items: items})
	}
	items = append(items, document.Paragraph{Spans: []document.Span{
		{Text: word(lang, "missing") + ": ", Bold: true}, {Text: strings.Join(missing, ", ") + "."}}})
	// The indicators n.d., grouped by why: the files they miss.
	var reasons []string
	byReason := map[string][]string{}
	for _, r := range e.rs.List {
		if r.Value.Known {
			continue
		}
		why := word(lang, "no records")
		if len(r.Missing) > 0 {
			why = word(lang, "because") + " " + strings.Join(r.Missing, ", ")
		}
		if _, ok := byReason[why]; !ok {
			reasons = append(reasons, why)
		}
		byReason[why] = append(byReason[why], r.Indicator.ID)
	}
	for _, why := range reasons {
		items = append(items, document.Paragraph{Spans: []document.Span{
			{Text: fmt.Sprintf("%s, %s: ", word(lang, "nd"), why), Bold: true},
			{Text: strings.Join(byReason[why], ", ") + "."}}})
	}
	return e.aside(&document.List{Items: items})
}

// uncoded says, after the definition of an indicator that is n.d. because
// the edition lacks a code the definition names, which code of which list.
func uncoded(r *report.Result, lang string) string {
	n := r.Code
	if n == nil {
		return ""
	}
	if lang == "en" {
		return fmt.Sprintf(" (n.d. in %d: the code %s of %s is not in the edition's code list %s.)", n.Year, n.Code, n.Field, n.List)
	}
	return fmt.Sprintf(" (n.d. nel %d: il codice %s di %s non è nella lista %s dell'edizione.)", n.Year, n.Code, n.Field, n.List)
}
