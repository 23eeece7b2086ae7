package narrative

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"rendiconto/report"
	"rendiconto/report/words"
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
	s := words.For(e.lang).Source + ": " + e.sources(ind)
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
// Italian "ed" before a word starting with e ("… ed elenco …"). Names that
// begin with the same words say them once: "schede di monitoraggio dei
// progetti inclusivi, dei tavoli permanenti e dei gruppi di cittadini";
// the list then separates its items with semicolons when one holds a comma.
func joinSources(names []string, lang string) string {
	items := factorSources(names, lang)
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return joinWords(items, lang, true)
}

// joinWords joins words with commas and the conjunction; with semicolons
// when semi is set and an item holds a comma.
func joinWords(items []string, lang string, semi bool) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	sep := ", "
	if semi && len(items) > 2 {
		for _, it := range items {
			if strings.Contains(it, ",") {
				sep = "; "
			}
		}
	}
	and := " and "
	last := items[len(items)-1]
	if lang != "en" {
		and = " e "
		if r, _ := utf8.DecodeRuneInString(last); unicode.ToLower(r) == 'e' {
			and = " ed "
		}
	}
	return strings.Join(items[:len(items)-1], sep) + and + last
}

// factorSources groups the names that share their first words (a name
// and the first later one with the longest such prefix, then every other
// name with that prefix), in the order of each group's first name. An
// Italian articulated preposition at the end of the prefix stays with
// each name ("dei progetti…, dei tavoli…").
func factorSources(names []string, lang string) []string {
	var out []string
	used := make([]bool, len(names))
	for i, n := range names {
		if used[i] {
			continue
		}
		used[i] = true
		words := strings.Fields(n)
		best := 0
		for j := i + 1; j < len(names); j++ {
			if !used[j] {
				best = max(best, commonWords(words, strings.Fields(names[j])))
			}
		}
		k := best
		if k > 0 && lang != "en" && articled[strings.ToLower(words[k-1])] {
			k--
		}
		if k == 0 {
			out = append(out, n)
			continue
		}
		prefix := strings.Join(words[:k], " ")
		tails := []string{strings.Join(words[k:], " ")}
		for j := i + 1; j < len(names); j++ {
			w := strings.Fields(names[j])
			if !used[j] && commonWords(words, w) >= best {
				used[j] = true
				tails = append(tails, strings.Join(w[k:], " "))
			}
		}
		out = append(out, prefix+" "+joinWords(tails, lang, false))
	}
	return out
}

// commonWords is how many first words a and b share, leaving each at
// least one word of its own.
func commonWords(a, b []string) int {
	n := 0
	for n < len(a)-1 && n < len(b)-1 && strings.EqualFold(a[n], b[n]) {
		n++
	}
	return n
}

// articled are the Italian articulated prepositions a shared prefix gives
// back to each name.
var articled = map[string]bool{"del": true, "dello": true, "della": true, "dei": true, "degli": true, "delle": true,
	"al": true, "allo": true, "alla": true, "ai": true, "agli": true, "alle": true,
	"sul": true, "sullo": true, "sulla": true, "sui": true, "sugli": true, "sulle": true}

// sourceCell is s with its first letter upper case, for a name that
// stands alone (a table cell).
func sourceCell(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
