package narrative

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/format"
)

var compareWords = map[string]map[string]string{
	"it": {
		"title":    "Confronto tra le edizioni %d e %d",
		"summary":  "Sintesi",
		"trends":   "Andamento nelle edizioni",
		"details":  "Le disaggregazioni a confronto",
		"intro":    "Ogni indicatore del catalogo nelle edizioni %d e %d: il valore in ciascuna, la variazione assoluta e percentuale. “n.d.” indica un valore non disponibile (un file mancante): non è mai letto come zero, e la variazione resta non calcolata. La variazione percentuale non è calcolata quando il valore di partenza è zero.",
		"notes":    "Quando una lista di codici cambia tra le edizioni, un codice che dichiara `was:` è confrontato con la somma dei codici che sostituisce; un codice soppresso senza successore o diviso in più codici segnala un cambio di definizione e non è confrontato.",
		"trendsIn": "Gli indicatori principali in tutte le edizioni disponibili (%s).",
		"change":   "Variazione", "changePct": "Var. %", "note": "Nota",
		"mapped": "da %s", "new": "codice nuovo", "dropped": "soppresso", "split": "diviso da %s", "merged": "unione di %s, non confrontabile",
		"redefined":  "La lista di codici è cambiata: alcune righe non sono confrontabili.",
		"omitted":    "Mostrate %d righe su %s: quelle con la variazione maggiore in valore assoluto, nell'ordine della lista di codici; le altre %s sono omesse (tutte con rendiconto compare --format csv).",
		"indicators": "Indicatori",
	},
	"en": {
		"title":    "Comparing the %d and %d editions",
		"summary":  "Summary",
		"trends":   "Trends across editions",
		"details":  "Breakdowns compared",
		"intro":    "Every indicator of the catalogue in the %d and %d editions: its value in each, the absolute and percentage change. “n.d.” (not available) marks a value that is not available (a missing file): it is never read as zero, and its change is not computed. The percentage change is not computed when the starting value is zero.",
		"notes":    "When a code list changes between editions, a code that declares `was:` is compared with the sum of the codes it replaces; a code dropped without a successor, or split into several, marks a change of definition and is not compared.",
		"trendsIn": "The main indicators in every available edition (%s).",
		"change":   "Change", "changePct": "Change %", "note": "Note",
		"mapped": "from %s", "new": "new code", "dropped": "dropped", "split": "split from %s", "merged": "merges %s, not comparable",
		"redefined":  "The code list changed: some rows are not comparable.",
		"omitted":    "%d rows of %s shown: those with the largest change in absolute value, in code-list order; the other %s are left out (all of them with rendiconto compare --format csv).",
		"indicators": "Indicators",
	},
}

// Comparison is the comparison report: a summary table of every indicator,
// trend charts of the totals over history (every edition up to the later
// one), and the breakdowns side by side.
func Comparison(c *report.Comparison, history []*report.Results) *document.Document {
	lang := c.To.Lang
	w := compareWords[lang]
	if w == nil {
		w = compareWords["it"]
	}
	from, to := c.From.Edition, c.To.Edition
	title := fmt.Sprintf(w["title"], from.Year, to.Year)
	doc := &document.Document{Front: front(c.To), Header: title + " · " + to.Territory.Name}
	doc.Title, doc.Subtitle = title, to.Title
	doc.Keywords = []string{to.Territory.Name, strconv.Itoa(from.Year), strconv.Itoa(to.Year)}
	doc.Sample = sampleNote(lang, from, to)
	add := func(b ...document.Block) { doc.Blocks = append(doc.Blocks, b...) }
	text := func(s string) *document.Paragraph {
		return &document.Paragraph{Spans: []document.Span{{Text: strings.ReplaceAll(s, "`", "")}}}
	}
	fy, ty := strconv.Itoa(from.Year), strconv.Itoa(to.Year)

	add(&document.Heading{Level: 1, Text: w["summary"]},
		text(fmt.Sprintf(w["intro"], from.Year, to.Year)), text(w["notes"]))
	summary := &document.Table{
		Caption: w["indicators"],
		Header:  []string{"Id", word(lang, "indicator"), fy, ty, w["change"], w["changePct"]},
		Widths:  []float64{1.5, 4.6, 1.1, 1.1, 1.2, 1.1},
		Numeric: []bool{false, false, true, true, true, true},
	}
	np := 0 // cells n.p.
	for _, ch := range c.Indicators {
		share := ch.Indicator.IsShare()
		either := ch.FromWithheld || ch.ToWithheld
		summary.Rows = append(summary.Rows, []string{ch.Indicator.ID, ch.Indicator.Title.In(lang),
			npOr(ch.FromWithheld, format.Value(ch.From, share, lang), &np), npOr(ch.ToWithheld, format.Value(ch.To, share, lang), &np),
			npOr(either, format.Change(ch.Change, share, lang), &np), npOr(either, format.ChangePct(ch.ChangePct, lang), &np)})
	}
	if np > 0 {
		summary.Note = npNote(lang, np)
	}
	add(summary)

	var years []string
	for _, h := range history {
		years = append(years, strconv.Itoa(h.Edition.Year))
	}
	add(&document.Heading{Level: 1, Text: w["trends"]}, text(fmt.Sprintf(w["trendsIn"], strings.Join(years, ", "))))
	e := newEnv(context.Background(), history, Limits{}, comparedChanges(c))
	e.rs, e.lang = c.To, lang
	for _, ch := range c.Indicators {
		if ch.Indicator.By != "" || len(ch.Indicator.Parts) > 0 {
			continue
		}
		e.trendchart(ch.Indicator.ID) // cannot fail: the id comes from the results
	}
	add(e.blocks...)

	add(&document.Heading{Level: 1, Text: w["details"]})
	for _, ch := range c.Indicators {
		if len(ch.Breakdown) == 0 {
			continue
		}
		t := &document.Table{
			Caption: ch.Indicator.ID + " – " + ch.Indicator.Title.In(lang),
			Header:  []string{word(lang, "item"), fy, ty, w["change"], w["note"]},
			Widths:  []float64{3.6, 1, 1, 1.1, 2.2},
			Numeric: []bool{false, true, true, true, false},
		}
		rows := largestChanges(ch.Breakdown, maxCompareRows)
		t.Rows = make([][]string, 0, len(rows))
		np := 0
		for _, r := range rows {
			t.Rows = append(t.Rows, []string{r.Label, npOr(r.FromWithheld, format.Value(r.From, false, lang), &np), npOr(r.ToWithheld, format.Value(r.To, false, lang), &np),
				npOr(r.FromWithheld || r.ToWithheld, format.Change(r.Change, false, lang), &np), rowNote(r, w)})
		}
		var notes []string
		if np > 0 {
			notes = append(notes, npNote(lang, np)+".")
		}
		if ch.DefinitionChange {
			notes = append(notes, w["redefined"])
		}
		if left := len(ch.Breakdown) - len(rows); left > 0 {
			count := func(n int) string { return format.Number(float64(n), 0, lang) }
			notes = append(notes, fmt.Sprintf(w["omitted"], len(rows), count(len(ch.Breakdown)), count(left)))
		}
		t.Note = strings.Join(notes, " ")
		add(t)
	}
	return doc
}

// maxCompareRows is the most rows a breakdown compared shows: about a
// page and a half. A longer code list (thousands of codes) would fill
// hundreds of pages no one reads; the table shows the largest changes and
// says how many rows it leaves out.
const maxCompareRows = 50

// largestChanges returns the rows, or when there are more than n of them
// the n with the largest change in absolute value (rows without a change,
// such as a new or dropped code, after all the others, in their order), in
// the order of rows.
func largestChanges(rows []report.RowChange, n int) []report.RowChange {
	if len(rows) <= n {
		return rows
	}
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	size := func(i int) float64 {
		if c := rows[i].Change; c.Known {
			return math.Abs(c.Num)
		}
		return -1
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(size(b), size(a)) })
	order = order[:n]
	slices.Sort(order)
	out := make([]report.RowChange, n)
	for k, i := range order {
		out[k] = rows[i]
	}
	return out
}

// comparedChanges are the changes of a comparison already made.
func comparedChanges(c *report.Comparison) *changes {
	cs := &changes{byID: make(map[string]*report.Change, len(c.Indicators))}
	for _, ch := range c.Indicators {
		if _, ok := cs.byID[ch.Indicator.ID]; !ok {
			cs.byID[ch.Indicator.ID] = ch
		}
	}
	return cs
}

func rowNote(r report.RowChange, w map[string]string) string {
	switch r.Note {
	case report.NoteMapped:
		return fmt.Sprintf(w["mapped"], strings.Join(r.Was, " + "))
	case report.NoteSplit:
		return fmt.Sprintf(w["split"], strings.Join(r.Was, ", "))
	case report.NoteMerged:
		return fmt.Sprintf(w["merged"], strings.Join(r.Was, " + "))
	case report.NoteNew, report.NoteDropped:
		return w[r.Note]
	}
	return ""
}

// npOr is n.p. when withheld (counted in np), else s.
func npOr(withheld bool, s string, np *int) string {
	if withheld {
		*np++
		return NP
	}
	return s
}
