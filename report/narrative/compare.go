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
	"rendiconto/report/words"
)

// Comparison is the comparison report: the main changes, the code lists
// changed, the changes by area; with three editions or more from the
// earlier to the later one, their trends; then, an appendix by area, a
// table of every indicator and the breakdowns side by side. history holds
// the editions up to the later one (those before the earlier are not
// shown).
func Comparison(c *report.Comparison, history []*report.Results, lang string) *document.Document {
	w := &words.For(lang).Compare
	from, to := c.From.Edition, c.To.Edition
	title := fmt.Sprintf(w.Title, from.Year, to.Year)
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
			add(&document.Heading{Level: 1, Text: w.Trends}, text(fmt.Sprintf(w.TrendsIn, strings.Join(years, ", "))))
			for _, t := range trends {
				add(t)
			}
		}
	}

	// the tables, an appendix grouped by area
	add(&document.Heading{Level: 1, Text: words.For(st.lang).Story.Appendix},
		text(fmt.Sprintf(w.Intro, from.Year, to.Year)), text(w.Notes))
	var areas []string
	for _, ch := range c.Indicators {
		if a := areaOf(ch.Indicator.ID); !slices.Contains(areas, a) {
			areas = append(areas, a)
		}
	}
	for _, area := range areas {
		add(&document.Heading{Level: 2, Text: areaName(area, st.lang)})
		summary := &document.Table{
			Caption: w.Indicators + " – " + areaName(area, st.lang),
			Header:  []string{"Id", words.For(lang).Indicator, fy, ty, w.Change, w.ChangePct},
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
	w := &words.For(lang).Compare
	var years []string
	for _, h := range span {
		years = append(years, strconv.Itoa(h.Edition.Year))
	}
	values := &document.Chart{Kind: document.ChartSpark, Caption: w.SparkValues, Labels: years}
	shares := &document.Chart{Kind: document.ChartSpark, Caption: w.SparkShares, Labels: years, Percent: true}
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
		t.Note = w.SparkNote
		if dashes[t] {
			t.Note += w.SparkDash
		}
		out = append(out, t)
	}
	return out
}

// compareTables are the breakdowns of the indicators of area side by side.
func compareTables(c *report.Comparison, area string, w *words.Compare, lang, fy, ty string) []document.Block {
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
			Header:  []string{dimensionHeader(ind, lang), fy, ty, w.Change},
			Widths:  []float64{3.6, 1, 1, 1.1},
			Numeric: []bool{false, true, true, true},
		}
		rows := largestChanges(compared, maxCompareRows)
		withNote := slices.ContainsFunc(rows, func(r report.RowChange) bool { return r.Note != report.NoteUnchanged })
		if withNote {
			t.Header = append(t.Header, w.Note)
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
			notes = append(notes, w.Redefined)
		}
		count := func(n int) string { return format.Number(float64(n), 0, lang) }
		switch {
		case zeros == 1:
			notes = append(notes, w.Zero1)
		case zeros > 1:
			notes = append(notes, fmt.Sprintf(w.Zeros, count(zeros)))
		}
		if left := len(compared) - len(rows); left > 0 {
			notes = append(notes, fmt.Sprintf(w.Omitted, len(rows), count(len(compared)), count(left)))
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
func rowNote(r report.RowChange, w *words.Compare, labels map[string]string) string {
	was := make([]string, len(r.Was))
	for i, code := range r.Was {
		l := labels[code]
		if l == "" {
			l = code // no label in the earlier edition's results
		}
		was[i] = fmt.Sprintf(w.Quote, l)
	}
	names := strings.Join(was, w.And)
	if len(was) > 2 {
		names = strings.Join(was[:len(was)-1], ", ") + w.And + was[len(was)-1]
	}
	switch r.Note {
	case report.NoteMapped:
		return fmt.Sprintf(w.Mapped, names)
	case report.NoteSplit:
		return fmt.Sprintf(w.Split, names)
	case report.NoteMerged:
		return fmt.Sprintf(w.Merged, names)
	case report.NoteNew:
		return w.New
	case report.NoteDropped:
		return w.Dropped
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
