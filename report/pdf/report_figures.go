package pdf

import (
	"rendiconto/report/chart"
	"rendiconto/report/document"
)

const (
	cellPad   = 1.8
	cellSize  = 9.0
	cellLead  = 4.4
	chartTop  = 2.0
	figureGap = 4.0
)

// tableSize is a table measured once, before it is placed: its column
// widths, the height of its caption, header, rows and note, and of the
// whole table.
type tableSize struct {
	cols    int
	widths  []float64
	caption float64 // the caption and the gap under it; 0 without a caption
	header  float64
	rows    []float64 // the last bold when it is a total
	note    float64   // the note and the gap above it; 0 without a note
	whole   float64
}

// measureTable measures a table once: the lead looks at it before it is
// drawn.
func (l *layout) measureTable(t *document.Table) *tableSize {
	if s, ok := l.tableSizes[t]; ok {
		return s
	}
	s := &tableSize{}
	if l.tableSizes == nil {
		l.tableSizes = map[*document.Table]*tableSize{}
	}
	l.tableSizes[t] = s
	s.cols = len(t.Header)
	for _, r := range t.Rows {
		s.cols = max(s.cols, len(r))
	}
	if s.cols == 0 {
		return s
	}
	s.widths = l.columnWidths(t, s.cols)
	s.header = l.rowHeight(t.Header, s.widths, "B")
	s.rows = make([]float64, len(t.Rows))
	s.whole = s.header
	for i, r := range t.Rows {
		style := ""
		if i == len(t.Rows)-1 && t.Total {
			style = "B" // the total is bold
		}
		s.rows[i] = l.rowHeight(r, s.widths, style)
		s.whole += s.rows[i]
	}
	if t.Caption != "" {
		s.caption = l.captionHeight(t.Caption, "") + 1.5
	}
	if t.Note != "" {
		s.note = 1.2 + l.plainText(t.Note, smallSize, smallLead, "").height(textW)
	}
	s.whole += s.caption + s.note
	return s
}

// start is the height a table needs where it begins: all of it when it
// fits on a page, which never splits it, else its caption, header and
// first two rows.
func (s *tableSize) start() float64 {
	if s.whole <= textH {
		return s.whole
	}
	return s.first()
}

// first is the height of a table's caption, header and first two rows.
func (s *tableSize) first() float64 {
	h := s.caption + s.header
	for i := range min(2, len(s.rows)) {
		h += s.rows[i]
	}
	return h
}

// minLastRows is how many body rows, the total among them, a table that
// breaks carries onto its last page: a total never stands alone, or with
// one or two rows, under the repeated header.
func minLastRows(total bool) int {
	if total {
		return 4 // three rows and the total
	}
	return 3
}

// tableBreaks is where a table longer than a page breaks, its first part
// from y: the rows that start a page. The note stays with the last row, and
// the last page carries at least minLastRows rows, taken from the page
// before it when needed.
func tableBreaks(y float64, s *tableSize, total bool) []int {
	bottom := pageH - marginBot
	n := len(s.rows)
	var breaks []int
	start := 0
	for i, h := range s.rows {
		need := h
		if i == n-1 {
			need += s.note
		}
		if y+need > bottom && i > start {
			breaks = append(breaks, i)
			start, y = i, marginTop+s.header
		}
		y += h
	}
	if len(breaks) == 0 {
		return nil
	}
	k := len(breaks) - 1
	want := min(minLastRows(total), n)
	if n-breaks[k] >= want {
		return breaks
	}
	prev := 0
	if k > 0 {
		prev = breaks[k-1]
	}
	at := n - want
	h := marginTop + s.header + s.note
	for _, r := range s.rows[at:] {
		h += r
	}
	if at > prev && h <= bottom {
		breaks[k] = at
	}
	return breaks
}

// table draws a numbered table: caption above, header repeated on every
// page it runs onto, source note below. A table that fits on a page is
// kept on one; a longer one starts with its first rows under the caption
// and breaks so that its last page is not a total alone (tableBreaks).
func (l *layout) table(t *document.Table) {
	s := l.measureTable(t)
	if s.cols == 0 {
		return
	}
	widths := s.widths
	numeric := func(c int) bool {
		if t.Numeric != nil {
			return c < len(t.Numeric) && t.Numeric[c]
		}
		return c > 0
	}
	// A table that fits on a page goes whole onto one, unless it comes
	// right under headings that would not go with it there: then, like a
	// table longer than a page, it breaks under them.
	whole := s.whole <= textH
	if whole && l.y+s.whole > pageH-marginBot && l.chained()+s.whole > textH {
		whole = false
	}
	// Nor does it leave more than half a page empty to go whole: it breaks
	// there, like a longer table, its last page still carrying three rows
	// and the total.
	if whole && l.y+s.whole > pageH-marginBot && pageH-marginBot-l.y > textH/2 {
		whole = false
	}
	if whole {
		l.ensure(s.whole)
	} else {
		l.ensure(s.first())
	}
	var breaks []int
	if !whole {
		breaks = tableBreaks(l.y+s.caption+s.header, s, t.Total)
		if len(breaks) > 0 && breaks[0] < min(2, len(s.rows)) && l.y > marginTop+1 {
			l.newPage()
			breaks = tableBreaks(l.y+s.caption+s.header, s, t.Total)
		}
	}
	pages := []int{l.f.PageNo()} // the caption, each row, the note
	if t.Caption != "" {
		l.tables++ // only captioned tables are numbered
		l.caption(1, l.tables, t.Caption, "")
		l.y += 1.5
	}
	l.tableRow(t.Header, widths, numeric, "B", true, s.header)
	for i, r := range t.Rows {
		h := s.rows[i]
		if len(breaks) > 0 && breaks[0] == i {
			breaks = breaks[1:]
			l.newPage()
			l.tableRow(t.Header, widths, numeric, "B", true, s.header)
		}
		style := ""
		if i == len(t.Rows)-1 && t.Total {
			style = "B"
		}
		pages = append(pages, l.f.PageNo())
		l.tableRow(r, widths, numeric, style, false, h)
	}
	l.draw(accent)
	l.f.SetLineWidth(0.4)
	l.f.Line(marginL, l.y, marginL+textW, l.y)
	if t.Note != "" {
		l.y += 1.2
		l.color(muted)
		l.plainText(t.Note, smallSize, smallLead, "").draw(marginL, textW, "L", false)
		l.color(ink)
	}
	l.tablePages = append(l.tablePages, append(pages, l.f.PageNo()))
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

// chart draws a numbered figure: the chart, its caption and source below.
func (l *layout) chart(c *document.Chart) error {
	l.figures++
	h := chart.ReportHeight(c)
	l.ensure(chartTop + h + l.captionHeight(c.Caption, c.Note) + 3)
	l.y += chartTop
	if err := l.drawChart(c, h); err != nil {
		return err
	}
	l.curStyle = "?" // the chart set fonts of its own
	l.y += h + 2
	l.caption(0, l.figures, c.Caption, c.Note)
	l.y += figureGap + 2
	return nil
}

// laidChart is a chart of the document laid out ahead, on another core,
// while the text before it is laid out: chart.Lay depends only on the
// chart, its size and the style, not on the page. done is closed once lay,
// err or panic is set.
type laidChart struct {
	done  chan struct{}
	lay   *chart.Layout
	err   error
	panic any
}

// layChartsAhead starts laying out the document's charts, in their order,
// on a goroutine of their own.
func (l *layout) layChartsAhead() {
	var charts []*document.Chart
	for _, b := range l.doc.Blocks {
		if c, ok := b.(*document.Chart); ok && l.laid[c] == nil {
			charts = append(charts, c)
			if l.laid == nil {
				l.laid = map[*document.Chart]*laidChart{}
			}
			l.laid[c] = &laidChart{done: make(chan struct{})}
		}
	}
	k := l.f.GetConversionRatio() // points a user unit
	lang, st := l.doc.Lang, l.opt.Charts
	laid := l.laid
	go func() {
		for _, c := range charts {
			a := laid[c]
			func() {
				defer func() {
					a.panic = recover()
					close(a.done)
				}()
				a.lay, a.err = chart.Lay(chart.FromDocument(c, lang), textW*k, chart.ReportHeight(c)*k, st)
			}()
		}
	}()
}

// drawChart draws c, h high, at the current y: as DrawChart would, from
// its layout made ahead when there is one.
func (l *layout) drawChart(c *document.Chart, h float64) error {
	a := l.laid[c]
	if a == nil {
		return DrawChart(l.f, marginL, l.y, textW, h, chart.FromDocument(c, l.doc.Lang), l.opt.Charts)
	}
	<-a.done
	if a.panic != nil {
		panic(a.panic)
	}
	if err := l.f.Error(); err != nil {
		return err
	}
	if a.err != nil {
		return a.err
	}
	return drawLayout(l.f, marginL, l.y, a.lay)
}
