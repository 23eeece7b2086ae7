package narrative

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"rendiconto/report"
)

// sources names the data files of an indicator as a reader knows them (the
// edition's own names, or the defaults of report.DataSources), joined with
// "e" / "and": never a file name.
func (e *env) sources(ind *report.Indicator) string {
	var names []string
	for _, f := range ind.Files() {
		n := e.rs.Edition.SourceName(f, e.lang)
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return joinSources(names, e.lang)
}

// sourceNote is a caption's source line: "Fonte: monitoraggio dei
// progetti inclusivi, 2019", with the years the figure covers (the first
// and the last when it spans several).
func (e *env) sourceNote(ind *report.Indicator, years ...string) string {
	s := word(e.lang, "source") + ": " + e.sources(ind)
	switch len(years) {
	case 0:
	case 1:
		s += ", " + years[0]
	default:
		s += ", " + years[0] + "–" + years[len(years)-1]
	}
	return s
}

// joinSources joins names as a sentence does: "a", "a e b", "a, b e c"; in
// Italian "ed" before a word starting with e ("… ed elenco …").
func joinSources(names []string, lang string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	and := " and "
	last := names[len(names)-1]
	if lang != "en" {
		and = " e "
		if r, _ := utf8.DecodeRuneInString(last); unicode.ToLower(r) == 'e' {
			and = " ed "
		}
	}
	return strings.Join(names[:len(names)-1], ", ") + and + last
}

// sourceCell is s with its first letter upper case, for a name that
// stands alone (a table cell).
func sourceCell(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
