package pdf

import (
	"rendiconto/report/document"
)

const (
	cellPad   = 1.8
	cellSize  = 9.0
	cellLead  = 4.4
	chartTop  = 2.0
	figureGap = 4.0
)

// table draws a numbered table: caption above, header repeated on every
// page it runs onto, source note below.
func (l *layout) table(t *document.Table) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	widths := l.columnWidths(t, cols)
	numeric := func(c int) bool {
		if t.Numeric != nil {
			return c < len(t.Numeric) && t.Numeric[c]
		}
		return c > 0
	}
	headerH := l.rowHeight(t.Header, widths, "B")
	// A short table is kept whole; a long one needs its first rows with
	// its caption and header. Each row's height is measured once, here.
	heights := make([]float64, len(t.Rows))
	firstRows, all := 0.0, 0.0
	for i, r := range t.Rows {
		h := l.rowHeight(r, widths, "")
		heights[i] = h
		if i < 2 {
			firstRows += h
		}
		all += h
	}
	if all < 70 {
		firstRows = all
	}
	if t.Caption != "" {
		l.tables++ // only captioned tables are numbered
		l.ensure(l.captionHeight(t.Caption, "") + headerH + firstRows + 2)
		l.caption(1, l.tables, t.Caption, "")
		l.y += 1.5
	} else {
		l.ensure(headerH + firstRows)
	}
	l.tableRow(t.Header, widths, numeric, "B", true, headerH)
	for i, r := range t.Rows {
		h := heights[i]
		if l.y+h > pageH-marginBot {
			l.newPage()
			l.tableRow(t.Header, widths, numeric, "B", true, headerH)
		}
		style := ""
		if i == len(t.Rows)-1 && t.Total {
			style, h = "B", -1 // the total is bold: measured again
		}
		l.tableRow(r, widths, numeric, style, false, h)
	}
	l.draw(accent)
	l.f.SetLineWidth(0.4)
	l.f.Line(marginL, l.y, marginL+textW, l.y)
	if t.Note != "" {
		l.y += 1.2
		l.color(muted)
		l.plainText(t.Note, smallSize, smallLead, "").draw(marginL, textW, "L", true)
		l.color(ink)
	}
	l.y += blockGap
}

// columnWidths shares the text width among the columns in the table's
// proportions, then widens any column whose longest word would not fit,
// taking the room from the widest column.
func (l *layout) columnWidths(t *document.Table, cols int) []float64 {
	ws := make([]float64, cols)
	sum := 0.0
	for i := range ws {
		ws[i] = 1
		if i < len(t.Widths) && t.Widths[i] > 0 {
			ws[i] = t.Widths[i]
		}
		sum += ws[i]
	}
	for i := range ws {
		ws[i] *= textW / sum
	}
	need := make([]float64, cols)
	measure := func(cells []string, style string) {
		for c, s := range cells {
			if c >= cols {
				continue
			}
			for _, w := range l.plainText(s, cellSize, cellLead, style).words {
				need[c] = max(need[c], w.w+2*cellPad+0.5)
			}
		}
	}
	measure(t.Header, "B")
	for _, r := range t.Rows {
		measure(r, "")
	}
	widest := 0
	for i := range ws {
		if ws[i] > ws[widest] {
			widest = i
		}
	}
	for i := range ws {
		if i != widest && need[i] > ws[i] && ws[widest]-(need[i]-ws[i]) > need[widest] {
			ws[widest] -= need[i] - ws[i]
			ws[i] = need[i]
		}
	}
	return ws
}

func (l *layout) rowHeight(cells []string, widths []float64, style string) float64 {
	return rowHeightOf(l.cellTexts(cells, widths, style), widths)
}

// cellTexts are the texts of a row's cells that have a column.
func (l *layout) cellTexts(cells []string, widths []float64, style string) []*text {
	texts := make([]*text, min(len(cells), len(widths)))
	for c := range texts {
		texts[c] = l.plainText(cells[c], cellSize, cellLead, style).atMost(cellLines)
	}
	return texts
}

// rowHeightOf is the height of a row of the cells' texts.
func rowHeightOf(texts []*text, widths []float64) float64 {
	h := cellLead
	for c, t := range texts {
		h = max(h, t.height(widths[c]-2*cellPad))
	}
	return h + 2*cellPad
}

// tableRow draws a row of h millimetres, or of the height of its cells
// when h < 0.
func (l *layout) tableRow(cells []string, widths []float64, numeric func(int) bool, style string, header bool, h float64) {
	texts := l.cellTexts(cells, widths, style)
	if h < 0 {
		h = rowHeightOf(texts, widths)
	}
	f := l.f
	if header {
		l.fill(tint)
		f.Rect(marginL, l.y, textW, h, "F")
		l.draw(accent)
		f.SetLineWidth(0.4)
		f.Line(marginL, l.y, marginL+textW, l.y)
	}
	top, x := l.y, marginL
	for c, w := range widths {
		if c < len(texts) {
			align := "L"
			if numeric(c) {
				align = "R"
			}
			l.y = top + cellPad
			l.color(ink)
			if header {
				l.color(accent)
			}
			texts[c].draw(x+cellPad, w-2*cellPad, align, false)
		}
		x += w
	}
	l.y = top + h
	l.draw(rule)
	f.SetLineWidth(0.15)
	f.Line(marginL, l.y, marginL+textW, l.y)
	l.color(ink)
}

// chartHeight is the height a chart needs, from its kind and its number of
// categories.
func (l *layout) chartHeight(c *document.Chart) float64 {
	n := float64(len(c.Labels))
	switch c.Kind {
	case document.ChartHBar:
		return min(max(28, 9+n*7.2), 190)
	case document.ChartDonut, document.ChartPie:
		return max(62, 16+n*5.2)
	case document.ChartLine:
		return 58
	}
	return 72
}

// chart draws a numbered figure: the chart, its caption and source below.
func (l *layout) chart(c *document.Chart) error {
	l.figures++
	h := l.chartHeight(c)
	l.ensure(chartTop + h + l.captionHeight(c.Caption, c.Note) + 3)
	l.y += chartTop
	d := ChartData{Kind: ChartKind(c.Kind), Labels: c.Labels, Percent: c.Percent, Lang: l.doc.Lang}
	for _, s := range c.Series {
		d.Series = append(d.Series, Series{Name: s.Name, Values: s.Values})
	}
	if err := DrawChart(l.f, marginL, l.y, textW, h, d, l.opt.Charts); err != nil {
		return err
	}
	l.curStyle = "?" // the chart set fonts of its own
	l.y += h + 2
	l.caption(0, l.figures, c.Caption, c.Note)
	l.y += figureGap + 2
	return nil
}
