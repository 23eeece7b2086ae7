package narrative

import (
	"fmt"
	"slices"
	"strings"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/format"
)

// indicators is the method part's table of the catalogue: every indicator
// with its definition and the sources it is computed from, as a reader
// names them.
func (e *env) indicators() markup {
	t := &document.Table{
		Caption: map[string]string{"it": "Gli indicatori e le loro definizioni", "en": "The indicators and their definitions"}[e.lang],
		Header:  []string{"Id", word(e.lang, "indicator"), word(e.lang, "source")},
		Numeric: []bool{false, false, false},
		Widths:  []float64{1.5, 5, 2.7},
	}
	for _, r := range e.rs.List {
		ind := r.Indicator
		t.Rows = append(t.Rows, []string{publicID(ind.ID),
			ind.Title.In(e.lang) + ". " + ind.Definition.In(e.lang) + origin(ind, e.lang) + uncoded(r, e.lang),
			sourceCell(e.sources(ind))})
	}
	return e.aside(t)
}

// publicID is an indicator's id as a reader sees it: a numbered id
// ("A.1.1", "B.3.5") as it is, an internal one ("B.3.activities",
// "B.3.6_ets") as a dash: the title beside it names the indicator.
func publicID(id string) string {
	parts := strings.Split(id, ".")
	if len(parts) < 2 || parts[0] == "" {
		return "–"
	}
	for _, p := range parts[1:] {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return "–"
		}
	}
	return id
}

// origin says, after an own indicator's definition, that it is the
// user's: in place of the catalogue's indicator, or added. It names no
// file: a reader knows none.
func origin(ind *report.Indicator, lang string) string {
	if ind.Origin == "" {
		return ""
	}
	switch {
	case ind.Replaces && lang == "en":
		return " (Own indicator, replacing the catalogue's.)"
	case ind.Replaces:
		return " (Indicatore proprio, al posto di quello del catalogo.)"
	case lang == "en":
		return " (Own indicator, added to the catalogue.)"
	}
	return " (Indicatore proprio, aggiunto al catalogo.)"
}

// coverage says which of the edition's data files (every one the loader
// looked for: report.Edition.Files) are there and how many records each
// holds, which are missing, and which indicators are n.d., grouped by
// cause. It names sources as a reader knows them, never by file, and
// claims completeness only when it is true.
func (e *env) coverage() markup {
	ed, lang := e.rs.Edition, e.lang
	w := coverageWords[lang]
	files := ed.Files
	if len(files) == 0 { // an edition not read by the loader
		for _, s := range report.DataSources {
			files = append(files, s.File)
		}
	}
	var read, missing []string
	unnamedMissing := false
	for _, f := range files {
		if !slices.ContainsFunc(report.DataSources, func(s report.DataSource) bool { return s.File == f }) {
			// edition.yaml and vocabularies.yaml, required: the edition
			// would not load without them; a file without a reader's name
			// is left out rather than misnamed (TestEveryFileHasASource),
			// but its absence still rules out a claim of completeness
			unnamedMissing = unnamedMissing || !ed.Has(f)
			continue
		}
		name := ed.SourceName(f, lang)
		if !ed.Has(f) {
			missing = append(missing, name)
			continue
		}
		if n := e.records(f); n != "" {
			name += " (" + n + ")"
		}
		read = append(read, name)
	}
	var items []document.Paragraph
	item := func(head, text string) {
		items = append(items, document.Paragraph{Spans: []document.Span{{Text: head + ": ", Bold: true}, {Text: text + "."}}})
	}
	if len(read) > 0 {
		item(w["read"], strings.Join(read, "; "))
	}
	if len(missing) > 0 {
		item(w["missing"], strings.Join(missing, "; "))
	}
	// The identity statement feeds no indicator: said apart, so that a
	// reader knows the Identità section gives only what the data say.
	if ed.IdentityIn(lang) == "" {
		if lang == "en" && ed.Identity != "" {
			item(w["identity"], w["identity it only"])
		} else {
			item(w["identity"], w["identity none"])
		}
	}

	// The indicators n.d., grouped by cause and what it names, in the
	// order the causes first appear in the catalogue.
	type group struct {
		head string
		ids  []string
	}
	var groups []*group
	byHead := map[string]*group{}
	for _, r := range e.rs.List {
		cause, what := r.Cause(ed)
		if cause == report.CauseKnown {
			continue
		}
		head := w[causeKey[cause]]
		if strings.Contains(head, "%s") {
			head = fmt.Sprintf(head, e.causeNames(cause, what))
		}
		g := byHead[head]
		if g == nil {
			g = &group{head: head}
			byHead[head] = g
			groups = append(groups, g)
		}
		name := r.Indicator.ID // a reader finds a numbered id in the table; an internal one by its title
		if publicID(name) != name {
			name = "«" + r.Indicator.Title.In(lang) + "»"
			if lang == "en" {
				name = "“" + r.Indicator.Title.In(lang) + "”"
			}
		}
		g.ids = append(g.ids, name)
	}
	for _, g := range groups {
		item(g.head, strings.Join(g.ids, ", "))
	}
	switch {
	case len(groups) == 0 && len(missing) == 0 && !unnamedMissing:
		items = append(items, document.Paragraph{Spans: []document.Span{{Text: w["complete"]}}})
	case len(groups) == 0:
		items = append(items, document.Paragraph{Spans: []document.Span{{Text: w["computed"]}}})
	}
	return e.aside(&document.List{Items: items})
}

// records says how many records a present file holds, as "99 progetti,
// di cui 98 considerati nelle elaborazioni"; the goals set in the edition
// and the updates apart; "" for a file of aggregate figures or one that
// holds no records.
func (e *env) records(file string) string {
	ed, lang := e.rs.Edition, e.lang
	var n int
	var noun string
	switch file {
	case report.FileProjects:
		n, noun = len(ed.Projects), "project"
	case report.FileTables:
		n, noun = len(ed.Tables), "table"
	case report.FileGroups:
		n, noun = len(ed.Groups), "group"
	case report.FileOrganisations:
		n, noun = len(ed.Organisations), "organisation"
	case report.FileGoals:
		return e.goalRecords()
	default:
		// Staff and services are aggregate figures: how many tables of
		// figures a file holds means nothing to a reader.
		return ""
	}
	forms := recordNouns[lang][noun]
	s := forms[0] // none
	switch {
	case n == 1:
		s = "1 " + forms[1]
	case n > 1:
		s = format.Number(float64(n), 0, lang) + " " + forms[2]
	}
	if file == report.FileProjects && n > 0 {
		in := 0
		for _, p := range ed.Projects {
			if p.InAggregates {
				in++
			}
		}
		if in != n {
			s += fmt.Sprintf(coverageWords[lang]["in totals"], format.Number(float64(in), 0, lang))
		}
	}
	return s
}

// goalRecords says the goals of goals.yaml as a reader counts them: the
// goals set in this edition, and apart the updates on goals set earlier
// ("2 nuovi obiettivi e l'aggiornamento di 3 obiettivi del 2019").
func (e *env) goalRecords() string {
	ed, lang := e.rs.Edition, e.lang
	var fresh int
	var years []int
	updates := 0
	for _, g := range ed.Goals {
		if g.SetIn == 0 || g.SetIn == ed.Year {
			fresh++
			continue
		}
		updates++
		if !slices.Contains(years, g.SetIn) {
			years = append(years, g.SetIn)
		}
	}
	slices.Sort(years)
	forms := recordNouns[lang]["goal"]
	var s string
	switch fresh {
	case 0:
		s = forms[0]
	case 1:
		s = "1 " + forms[1]
	default:
		s = format.Number(float64(fresh), 0, lang) + " " + forms[2]
	}
	if updates == 0 {
		return s
	}
	ys := make([]string, len(years))
	for i, y := range years {
		ys[i] = fmt.Sprint(y)
	}
	w := coverageWords[lang]
	upd := w["update"]
	if updates > 1 {
		upd = w["updates"]
	}
	return s + fmt.Sprintf(upd, format.Number(float64(updates), 0, lang), joinWords(ys, lang, false))
}

// causeNames names what a cause is about: sources by their reader's name,
// code lists and indicators by their code.
func (e *env) causeNames(cause report.Cause, what []string) string {
	if cause == report.CauseFileMissing || cause == report.CauseNoFigure {
		var names []string
		for _, f := range what {
			n := e.rs.Edition.SourceName(f, e.lang)
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		return joinSources(names, e.lang)
	}
	if cause == report.CauseDepends {
		names := make([]string, len(what))
		for i, id := range what {
			names[i] = id
			if r, ok := e.rs.Lookup(id); ok && publicID(id) != id {
				names[i] = r.Indicator.Title.In(e.lang)
			}
		}
		return joinSources(names, e.lang)
	}
	return joinSources(what, e.lang)
}

// causeKey is the key of each cause's heading in coverageWords.
var causeKey = map[report.Cause]string{
	report.CauseFileMissing:     "nd file",
	report.CauseCodeListMissing: "nd list",
	report.CauseCodeMissing:     "nd code",
	report.CauseNoFigure:        "nd figure",
	report.CauseNoRecords:       "nd records",
	report.CauseZeroDenominator: "nd zero",
	report.CauseDepends:         "nd depends",
	report.CauseWithheld:        "nd withheld",
	report.CauseOther:           "nd other",
}

// coverageWords are the coverage's sentences. The headings begin with
// "n.d.", which agrees with one indicator and with many.
var coverageWords = map[string]map[string]string{
	"it": {
		"read":             "Fonti lette",
		"missing":          "Fonti assenti in questa edizione",
		"in totals":        ", di cui %s considerati nelle elaborazioni",
		"update":           " e l’aggiornamento di %s obiettivo del %s",
		"updates":          " e l’aggiornamento di %s obiettivi del %s",
		"nd file":          "n.d. per fonte assente (%s)",
		"nd list":          "n.d. per lista di codici assente dall'edizione (%s)",
		"nd code":          "n.d. perché la lista %s dell'edizione non ha un codice della definizione",
		"nd figure":        "n.d. perché la fonte non dà il dato richiesto (%s)",
		"nd records":       "n.d. per assenza di record",
		"nd zero":          "n.d. per denominatore pari a zero",
		"nd depends":       "n.d. per dipendenza da un indicatore n.d. (%s)",
		"nd withheld":      "n.p., non pubblicati per tutela della riservatezza (conteggi di persone troppo piccoli o dati che li rivelerebbero)",
		"nd other":         "n.d. perché il valore non è calcolabile",
		"identity":         "Identità",
		"identity none":    "l'ente non ha fornito un proprio testo su missione, valori e assetto di governo; la sezione riporta solo ciò che dicono i dati",
		"identity it only": "",
		"complete":         "Tutte le fonti dell'edizione sono presenti e ogni indicatore è calcolato.",
		"computed":         "Ogni indicatore è calcolato.",
	},
	"en": {
		"read":             "Sources read",
		"missing":          "Sources missing from this edition",
		"in totals":        ", %s of them counted in the figures",
		"update":           " and an update on %s goal set in %s",
		"updates":          " and updates on %s goals set in %s",
		"nd file":          "n/a, source missing (%s)",
		"nd list":          "n/a, code list missing from the edition (%s)",
		"nd code":          "n/a, the edition's code list %s lacks a code of the definition",
		"nd figure":        "n/a, the source does not give the figure (%s)",
		"nd records":       "n/a, no records",
		"nd zero":          "n/a, zero denominator",
		"nd depends":       "n/a, computed from an indicator that is n/a (%s)",
		"nd withheld":      "n.p., not published to protect people's privacy (counts of people too small, or figures that would reveal them)",
		"nd other":         "n/a, the value cannot be computed",
		"identity":         "Identity",
		"identity none":    "the organisation gave no statement of its mission, values and governance; the section gives only what the data say",
		"identity it only": "the organisation's statement of its mission, values and governance is in Italian only; the section gives what the data say",
		"complete":         "Every source of the edition is present and every indicator is computed.",
		"computed":         "Every indicator is computed.",
	},
}

// recordNouns are the nouns records are counted in: none, one, several.
var recordNouns = map[string]map[string][3]string{
	"it": {
		"project":      {"nessun progetto", "progetto", "progetti"},
		"table":        {"nessun tavolo", "tavolo", "tavoli"},
		"group":        {"nessun gruppo", "gruppo", "gruppi"},
		"organisation": {"nessuna organizzazione", "organizzazione", "organizzazioni"},
		"goal":         {"nessun nuovo obiettivo", "nuovo obiettivo", "nuovi obiettivi"},
	},
	"en": {
		"project":      {"no projects", "project", "projects"},
		"table":        {"no tables", "table", "tables"},
		"group":        {"no groups", "group", "groups"},
		"organisation": {"no organisations", "organisation", "organisations"},
		"goal":         {"no new goals", "new goal", "new goals"},
	},
}

// uncoded says, after the definition of an indicator that is n.d. because
// the edition lacks a code the definition names, which code of which list.
func uncoded(r *report.Result, lang string) string {
	n := r.Code
	if n == nil {
		return ""
	}
	if lang == "en" {
		return fmt.Sprintf(" (n/a in %d: the code %s of %s is not in the edition's code list %s.)", n.Year, n.Code, n.Field, n.List)
	}
	return fmt.Sprintf(" (n.d. nel %d: il codice %s di %s non è nella lista %s dell'edizione.)", n.Year, n.Code, n.Field, n.List)
}
