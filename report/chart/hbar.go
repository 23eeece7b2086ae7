package chart

import (
	"math"
)

// hbars draws horizontal bars: category labels wrapped on the left, the
// value after each bar, a light value axis below.
func (c *canvas) hbars(top float64, d Data) {
	n := len(d.Labels)
	values := d.Series[0].Values
	rowH, size, names, nameW := c.rows(d.Labels, top, c.h)

	texts := make([]string, n)
	for i, v := range values {
		texts[i] = ValueFormat(d)(v)
	}
	c.font(size, "")
	valW := c.maxWidth(texts) + 4*pt
	lo, hi := math.Min(minOf(values), -d.Span), math.Max(maxOf(values), d.Span)

	left, right := nameW+8*pt, c.w-valW
	if lo < 0 {
		left += valW
	}
	// Ticks are spaced by the width of their labels; the axis needs room for
	// its last tick label centred on the right end.
	tickW := c.measure(FormatValue(math.Max(math.Abs(lo), hi), d.Percent, d.Lang)) + 14*pt
	var ax valueAxis
	if d.Span > 0 {
		// A shared span (comparisons): symmetric, as many labels as fit.
		m := math.Max(-lo, hi)
		tickW = c.measure(formatTick(-m, m/10, d.Percent, d.Lang)) + 14*pt
		ax = c.newSymmetricAxis(d, m, int((c.w-left-valW)/tickW)+1)
	} else {
		ax = c.newValueAxis(d, lo, hi, (c.w-left-valW)*c.th.size*3.2*pt/tickW)
	}
	if hi <= 0 {
		right = c.w - math.Max(4*pt, ax.width/2)
	}
	right = math.Min(right, c.w-ax.width/2)

	plotTop, plotBottom := top, top+rowH*float64(n)
	c.drawHGrid(ax, left, right, plotTop, plotBottom)
	x := func(v float64) float64 { return left + ax.sc.pos(v, right-left) }
	barH := rowH * 0.62
	for i, v := range values {
		cy := plotTop + (float64(i)+0.5)*rowH
		x0, x1 := x(0), x(v)
		if math.Abs(x1-x0) >= 0.01 {
			c.box(math.Min(x0, x1), cy-barH/2, math.Abs(x1-x0), barH, c.th.color(0))
		}
		c.font(size, "")
		if v < 0 {
			c.textAt(texts[i], x1-3*pt, cy+capH(size)/2, 'r', c.th.text)
		} else {
			c.textAt(texts[i], x1+3*pt, cy+capH(size)/2, 'l', c.th.text)
		}
		c.rowLabel(names[i], size, nameW, cy)
	}
	c.line(x(0), plotTop, x(0), plotBottom, 0.8, c.th.muted)
}

// drawHGrid draws vertical grid lines at the ticks and their labels below.
func (c *canvas) drawHGrid(ax valueAxis, left, right, top, bottom float64) {
	size := c.th.size
	c.font(size, "")
	for i, t := range ax.ticks {
		x := left + ax.sc.pos(t, right-left)
		if t != 0 {
			c.line(x, top, x, bottom, 0.4, c.th.grid)
		}
		if ax.labels[i] != "" { // a tick left unlabelled (newSymmetricAxis)
			c.textAt(ax.labels[i], x, bottom+4*pt+capH(size), 'c', c.th.muted)
		}
	}
}

// rows lays out one row a label between top and bottom, the value axis's
// tick labels below them: the rows' height, their text size, the labels
// wrapped to fit (see fitRowLabels) and the width of their widest line.
// Horizontal bars and dumbbells share it.
func (c *canvas) rows(labels []string, top, bottom float64) (rowH, size float64, names [][]string, nameW float64) {
	size = c.th.size
	axisH := 4*pt + capH(size) + descentH(size) + 0.5*pt // the tick labels below
	rowH = math.Min((bottom-top-axisH)/float64(len(labels)), size*4.5*pt)
	size = c.rowSize(rowH)
	names = c.fitRowLabels(labels, c.w*0.4, rowH, size)
	c.font(size, "")
	for _, lines := range names {
		nameW = math.Max(nameW, c.maxWidth(lines))
	}
	return rowH, size, names, nameW
}

// rowSize is the text size in rows rowH high: in tight rows the text
// shrinks with them, unless the style is strict.
func (c *canvas) rowSize(rowH float64) float64 {
	size := c.th.size
	if rowH >= 1.1*size*pt {
		return size
	}
	if c.th.strict {
		c.l.crowded++
		return size
	}
	c.l.shrunk++
	return math.Max(c.th.min, math.Min(size, rowH/(1.1*pt)))
}

// fitRowLabels wraps labels into maxW wide lines that fit rows rowH high,
// at size: one long label does not make the others smaller. A label that
// does not fit is shortened with "…" on its last line; the others stay
// whole (the caption and the data table give every label in full).
func (c *canvas) fitRowLabels(labels []string, maxW, rowH, size float64) [][]string {
	c.font(size, "")
	most := max(1, int(rowH*0.95/lineH(size)))
	lines := make([][]string, len(labels))
	for i, l := range labels {
		lines[i] = c.wrap(l, maxW)
		if len(lines[i]) > most || !c.fits(lines[i], maxW) {
			lines[i] = c.fitLines(l, maxW, most)
		}
	}
	return lines
}

// rowLabel writes lines right-aligned at x, centred vertically on cy.
func (c *canvas) rowLabel(lines []string, size, x, cy float64) {
	c.font(size, "")
	lh := lineH(size) * 0.95
	first := cy - lh*float64(len(lines))/2 + lh/2 + capH(size)/2
	for j, l := range lines {
		c.textAt(l, x, first+float64(j)*lh, 'r', c.th.text)
	}
}
