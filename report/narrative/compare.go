package narrative

import (
	"cmp"
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
		"trends":   "Andamento nelle edizioni",
		"intro":    "Ogni indicatore del catalogo nelle edizioni %d e %d: il valore in ciascuna, la variazione assoluta e percentuale, calcolate dai valori come sono stampati (arrotondati). “n.d.” indica un valore che non si può dare: il suo file manca, oppure la voce è nuova o ridefinita nell’edizione più recente. Non è mai letto come zero, e la variazione resta non calcolata. La variazione percentuale non è calcolata quando il valore di partenza è zero.",
		"notes":    "Quando una lista di codici cambia tra le edizioni, una voce che sostituisce voci precedenti è confrontata con la loro somma; una voce soppressa o suddivisa non è confrontata. Le soglie di riferimento, costanti, non sono confrontate.",
		"trendsIn": "Gli indicatori principali in tutte le edizioni disponibili (%s).",
		"change":   "Variazione", "changePct": "Var. %", "note": "Nota",
		"mapped": "da %s", "new": "voce nuova", "dropped": "voce soppressa", "split": "voce scorporata da %s", "merged": "voce che unisce %s, non confrontabile",
		"and": " e ", "q": "«%s»",
		"zeros": "Omesse %s righe pari a zero in entrambe le edizioni.", "zero1": "Omessa 1 riga pari a zero in entrambe le edizioni.",
		"redefined":   "La lista di codici è cambiata: alcune righe non sono confrontabili.",
		"omitted":     "Mostrate %d righe su %s: quelle con la variazione maggiore in valore assoluto, nell’ordine della lista di codici; le altre %s sono omesse (tutte con rendiconto compare --format csv).",
		"indicators":  "Indicatori",
		"sparkValues": "Andamento degli indicatori principali", "sparkShares": "Andamento degli indicatori principali: quote",
		"sparkNote": "Ogni linea ha una scala propria, dal valore minimo al massimo dell’indicatore; il punto più grande è l’ultimo valore",
		"sparkDash": "; – valore non disponibile o non pubblicato per tutelare le persone",
	},
	"en": {
		"title":    "Comparing the %d and %d editions",
		"trends":   "Trends across editions",
		"intro":    "Every indicator of the catalogue in the %d and %d editions: its value in each, the absolute and percentage change, computed from the values as printed (rounded). “n/a” marks a value that cannot be given: its file is missing, or the item is new or redefined in the later edition. It is never read as zero, and its change is not computed. The percentage change is not computed when the starting value is zero.",
		"notes":    "When a code list changes between editions, an item that replaces earlier ones is compared with their sum; an item dropped, or split into several, is not compared. Benchmark thresholds, which are constant, are not compared.",
		"trendsIn": "The main indicators in every available edition (%s).",
		"change":   "Change", "changePct": "Change %", "note": "Note",
		"mapped": "from %s", "new": "new item", "dropped": "item dropped", "split": "split from %s", "merged": "merges %s, not comparable",
		"and": " and ", "q": "“%s”",
		"zeros": "%s rows at zero in both editions omitted.", "zero1": "1 row at zero in both editions omitted.",
		"redefined":   "The code list changed: some rows are not comparable.",
		"omitted":     "%d rows of %s shown: those with the largest change in absolute value, in code-list order; the other %s are left out (all of them with rendiconto compare --format csv).",
		"indicators":  "Indicators",
		"sparkValues": "Trend of the main indicators", "sparkShares": "Trend of the main indicators: shares",
		"sparkNote": "Each line has a scale of its own, from the indicator’s lowest value to its highest; the larger dot is the last value",
		"sparkDash": "; – value not available, or not published to protect people",
	},
}

// Comparison is the comparison report: the main changes, the code lists
// changed, the changes by area; with three editions or more from the
// earlier to the later one, their trends; then, an appendix by area, a
// table of every indicator and the breakdowns side by side. history holds
// the editions up to the later one (those before the earlier are not
// shown).
func Comparison(c *report.Comparison, history []*report.Results, lang string) *document.Document {
	w := compareWords[lang]
	if w == nil {
		w = compareWords["it"]
	}
	from, to := c.From.Edition, c.To.Edition
	title := fmt.Sprintf(w["title"], from.Year, to.Year)
	doc := &document.Document{Front: front(c.To, lang), Header: title + " · " + to.Territory.Name}
	toTitle, _ := to.TitleIn(lang)
	doc.Title, doc.Subtitle = title, toTitle
	doc.Keywords = []string{to.Territory.Name, strconv.Itoa(from.Year), strconv.Itoa(to.Year)}
	doc.Sample = sampleNote(lang, from, to)
	add := func(b ...document.Block) { doc.Blocks = append(doc.Blocks, b...) }
	text := func(s string) *document.Paragraph {
		return &document.Paragraph{Spans: []document.Span{{Text: strings.ReplaceAll(s, "`", "")}}}
	}
	fy, ty := strconv.Itoa(from.Year), strconv.Itoa(to.Year)

	// the editions compared and those between them: the trends span them
	var span []*report.Results
	var between []*report.Edition
	for _, h := range history {
		if y := h.Edition.Year; y >= from.Year && y <= to.Year {
			span = append(span, h)
			if y > from.Year && y < to.Year {
				between = append(between, h.Edition)
			}
		}
	}
	st := newStory(c, between, lang)
	add(st.mainBlocks()...)
	add(st.listBlocks()...)
	add(st.areaBlocks()...)
	add(st.whereBlocks(maxWhereRows)...)

	if len(span) >= 3 {
		// a line through two points says no more than the two figures:
		// the trends only with three editions or more, as sparklines
		var years []string
		for _, h := range span {
			years = append(years, strconv.Itoa(h.Edition.Year))
		}
		if trends := trendSparks(c, span, lang); len(trends) > 0 {
			add(&document.Heading{Level: 1, Text: w["trends"]}, text(fmt.Sprintf(w["trendsIn"], strings.Join(years, ", "))))
			for _, t := range trends {
				add(t)
			}
		}
	}

	// the tables, an appendix grouped by area
	add(&document.Heading{Level: 1, Text: storyWords[st.lang]["appendix"]},
		text(fmt.Sprintf(w["intro"], from.Year, to.Year)), text(w["notes"]))
	var areas []string
	for _, ch := range c.Indicators {
		if a := areaOf(ch.Indicator.ID); !slices.Contains(areas, a) {
			areas = append(areas, a)
		}
	}
	for _, area := range areas {
		add(&document.Heading{Level: 2, Text: areaName(area, st.lang)})
		summary := &document.Table{
			Caption: w["indicators"] + " – " + areaName(area, st.lang),
			Header:  []string{"Id", word(lang, "indicator"), fy, ty, w["change"], w["changePct"]},
			Widths:  []float64{1.5, 4.6, 1.1, 1.1, 1.2, 1.1},
			Numeric: []bool{false, false, true, true, true, true},
		}
		np := 0 // cells n.p.
		for _, ch := range c.Indicators {
			if areaOf(ch.Indicator.ID) != area {
				continue
			}
			ind := ch.Indicator
			share, dec := ind.IsShare(), format.Decimals(ind)
			either := ch.FromWithheld || ch.ToWithheld
			pct := format.ChangePctFrom(ch.From, ch.To, dec, share, lang)
			summary.Rows = append(summary.Rows, []string{ind.ID, ind.Title.In(lang),
				npOr(ch.FromWithheld, format.IndValue(ch.From, ind, lang), &np), npOr(ch.ToWithheld, format.IndValue(ch.To, ind, lang), &np),
				npOr(either, format.ChangeFrom(ch.From, ch.To, dec, share, lang), &np), npOr(either, pct, &np)})
		}
		if np > 0 {
			summary.Note = npNote(lang, np)
		}
		add(summary)
		add(compareTables(c, area, w, lang, fy, ty)...)
	}
	return doc
}

// trendSparks are the main indicators (those without a breakdown by a code
// list or parts) in every edition of span, as sparkline tables: one of
// shares, one of the other figures. A figure withheld or not available is
// a dash, never a zero; an indicator with no figure at all is left out.
func trendSparks(c *report.Comparison, span []*report.Results, lang string) []*document.Chart {
	w := compareWords[lang]
	var years []string
	for _, h := range span {
		years = append(years, strconv.Itoa(h.Edition.Year))
	}
	values := &document.Chart{Kind: document.ChartSpark, Caption: w["sparkValues"], Labels: years}
	shares := &document.Chart{Kind: document.ChartSpark, Caption: w["sparkShares"], Labels: years, Percent: true}
	dashes := map[*document.Chart]bool{}
	for _, ch := range c.Indicators {
		ind := ch.Indicator
		if ind.By != "" || len(ind.Parts) > 0 {
			continue
		}
		into := values
		if ind.IsShare() {
			into = shares
		}
		vals := make([]float64, len(span))
		shown := false
		for i, h := range span {
			vals[i] = math.NaN()
			if r, ok := h.Lookup(ind.ID); ok && r.Value.Known && !r.Withheld {
				vals[i] = r.Value.Num
				shown = true
			} else {
				dashes[into] = true
			}
		}
		if !shown {
			continue
		}
		into.Series = append(into.Series, document.Series{Name: ind.Title.In(lang), Values: vals})
	}
	var out []*document.Chart
	for _, t := range []*document.Chart{values, shares} {
		if len(t.Series) == 0 {
			continue
		}
		t.Note = w["sparkNote"]
		if dashes[t] {
			t.Note += w["sparkDash"]
		}
		out = append(out, t)
	}
	return out
}

// compareTables are the breakdowns of the indicators of area side by side.
func compareTables(c *report.Comparison, area string, w map[string]string, lang, fy, ty string) []document.Block {
	var out []document.Block
	add := func(b ...document.Block) { out = append(out, b...) }
	for _, ch := range c.Indicators {
		if len(ch.Breakdown) == 0 || areaOf(ch.Indicator.ID) != area {
			continue
		}
		ind := ch.Indicator
		compared, zeros := comparedRows(ch)
		if len(compared) == 0 {
			continue
		}
		t := &document.Table{
			Caption: ind.ID + " – " + ind.Title.In(lang),
			Header:  []string{dimensionHeader(ind, lang), fy, ty, w["change"]},
			Widths:  []float64{3.6, 1, 1, 1.1},
			Numeric: []bool{false, true, true, true},
		}
		rows := largestChanges(compared, maxCompareRows)
		withNote := slices.ContainsFunc(rows, func(r report.RowChange) bool { return r.Note != report.NoteUnchanged })
		if withNote {
			t.Header = append(t.Header, w["note"])
			t.Widths = append(t.Widths, 2.2)
			t.Numeric = append(t.Numeric, false)
		}
		fromLabels := labelsOf(c.From, ind.ID, lang)
		t.Rows = make([][]string, 0, len(rows))
		np := 0
		for _, r := range rows {
			v := r.To.Num // a field's sum: whole when both values are
			if format.AutoDecimals(r.From.Num) == 1 {
				v = r.From.Num
			}
			dec := rowDecimals(ind, r.Key, v)
			change := format.NAIn(lang)
			if r.Change.Known {
				change = format.ChangeFrom(r.From, r.To, dec, false, lang)
			}
			cells := []string{r.Label.In(lang), npOr(r.FromWithheld, rowValue(r.From, dec, lang), &np), npOr(r.ToWithheld, rowValue(r.To, dec, lang), &np),
				npOr(r.FromWithheld || r.ToWithheld, change, &np)}
			if withNote {
				cells = append(cells, rowNote(r, w, fromLabels))
			}
			t.Rows = append(t.Rows, cells)
		}
		var notes []string
		if np > 0 {
			notes = append(notes, npNote(lang, np)+".")
		}
		if ch.DefinitionChange {
			notes = append(notes, w["redefined"])
		}
		count := func(n int) string { return format.Number(float64(n), 0, lang) }
		switch {
		case zeros == 1:
			notes = append(notes, w["zero1"])
		case zeros > 1:
			notes = append(notes, fmt.Sprintf(w["zeros"], count(zeros)))
		}
		if left := len(compared) - len(rows); left > 0 {
			notes = append(notes, fmt.Sprintf(w["omitted"], len(rows), count(len(compared)), count(left)))
		}
		t.Note = strings.Join(notes, " ")
		add(t)
	}
	return out
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

// comparedRows are the breakdown rows the comparison shows: not a
// benchmark threshold (a constant), not a row at zero in both editions
// (their number is zeros).
func comparedRows(ch *report.Change) (rows []report.RowChange, zeros int) {
	thresholds := map[string]bool{}
	for _, p := range ch.Indicator.Parts {
		if p.IsThreshold() {
			thresholds[p.RowKey()] = true
		}
	}
	for _, r := range ch.Breakdown {
		switch {
		case thresholds[r.Key]:
			continue
		case r.Note == report.NoteUnchanged && !r.FromWithheld && !r.ToWithheld &&
			r.From.Known && r.To.Known && r.From.Num == 0 && r.To.Num == 0:
			zeros++
			continue
		}
		rows = append(rows, r)
	}
	return rows, zeros
}

// rowValue prints a compared row's value with dec decimals, n/a (n.d.)
// when not available.
func rowValue(v report.Value, dec int, lang string) string {
	if !v.Known {
		return format.NAIn(lang)
	}
	return format.Fixed(v.Num, dec, lang)
}

// labelsOf are the labels of the breakdown rows of indicator id in rs, by
// code: the earlier edition's names of the codes a row was.
func labelsOf(rs *report.Results, id, lang string) map[string]string {
	m := map[string]string{}
	if r, ok := rs.Lookup(id); ok {
		for _, row := range r.Breakdown {
			m[row.Key] = row.Label.In(lang)
		}
	}
	return m
}

// rowNote says how a row was compared, naming the earlier codes by their
// labels: "scorporato da «Famiglie e minori»", "split from “Families…”".
func rowNote(r report.RowChange, w map[string]string, labels map[string]string) string {
	was := make([]string, len(r.Was))
	for i, code := range r.Was {
		l := labels[code]
		if l == "" {
			l = code // no label in the earlier edition's results
		}
		was[i] = fmt.Sprintf(w["q"], l)
	}
	names := strings.Join(was, w["and"])
	if len(was) > 2 {
		names = strings.Join(was[:len(was)-1], ", ") + w["and"] + was[len(was)-1]
	}
	switch r.Note {
	case report.NoteMapped:
		return fmt.Sprintf(w["mapped"], names)
	case report.NoteSplit:
		return fmt.Sprintf(w["split"], names)
	case report.NoteMerged:
		return fmt.Sprintf(w["merged"], names)
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
