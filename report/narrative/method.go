package narrative

import (
	"fmt"
	"slices"
	"strings"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/format"
	"rendiconto/report/words"
)

// indicators is the method part's table of the catalogue: every indicator
// with its definition and the sources it is computed from, as a reader
// names them.
func (e *env) indicators() markup {
	t := &document.Table{
		Caption: words.For(e.lang).IndicatorTable,
		Header:  []string{"Id", words.For(e.lang).Indicator, words.For(e.lang).Source},
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
	if ind.Replaces {
		return words.For(lang).OwnReplaces
	}
	return words.For(lang).OwnAdded
}

// coverage says which of the edition's data files (every one the loader
// looked for: report.Edition.Files) are there and how many records each
// holds, which are missing, and which indicators are n.d., grouped by
// cause. It names sources as a reader knows them, never by file, and
// claims completeness only when it is true.
func (e *env) coverage() markup {
	ed, lang := e.rs.Edition, e.lang
	w := &words.For(lang).Coverage
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
		item(w.Read, strings.Join(read, "; "))
	}
	if len(missing) > 0 {
		item(w.Missing, strings.Join(missing, "; "))
	}
	// The identity statement feeds no indicator: said apart, so that a
	// reader knows the Identità section gives only what the data say.
	if ed.IdentityIn(lang) == "" {
		if lang == "en" && ed.Identity != "" {
			item(w.Identity, w.IdentityItOnly)
		} else {
			item(w.Identity, w.IdentityNone)
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
		head := causeHead(w, cause)
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
			name = fmt.Sprintf(words.For(lang).Quote, r.Indicator.Title.In(lang))
		}
		g.ids = append(g.ids, name)
	}
	for _, g := range groups {
		item(g.head, strings.Join(g.ids, ", "))
	}
	switch {
	case len(groups) == 0 && len(missing) == 0 && !unnamedMissing:
		items = append(items, document.Paragraph{Spans: []document.Span{{Text: w.Complete}}})
	case len(groups) == 0:
		items = append(items, document.Paragraph{Spans: []document.Span{{Text: w.Computed}}})
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
	forms := words.For(lang).RecordNouns[noun]
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
			s += fmt.Sprintf(words.For(lang).Coverage.InTotals, format.Number(float64(in), 0, lang))
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
	forms := words.For(lang).RecordNouns["goal"]
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
	w := &words.For(lang).Coverage
	upd := w.Update
	if updates > 1 {
		upd = w.Updates
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

// causeHead is the heading of the indicators n.d. for a cause.
func causeHead(w *words.Coverage, c report.Cause) string {
	switch c {
	case report.CauseFileMissing:
		return w.NDFile
	case report.CauseCodeListMissing:
		return w.NDList
	case report.CauseCodeMissing:
		return w.NDCode
	case report.CauseNoFigure:
		return w.NDFigure
	case report.CauseNoRecords:
		return w.NDRecords
	case report.CauseZeroDenominator:
		return w.NDZero
	case report.CauseDepends:
		return w.NDDepends
	case report.CauseWithheld:
		return w.NDWithheld
	case report.CauseOther:
		return w.NDOther
	}
	return ""
}

// uncoded says, after the definition of an indicator that is n.d. because
// the edition lacks a code the definition names, which code of which list.
func uncoded(r *report.Result, lang string) string {
	n := r.Code
	if n == nil {
		return ""
	}
	return fmt.Sprintf(words.For(lang).Uncoded, n.Year, n.Code, n.Field, n.List)
}
