package chart

import "math"

// sparks draws a sparkline table: a header of the categories, then one row
// per series with its name, its value in each category ("–" where there is
// none) and, on the right, a small line of its values on a scale of its
// own, its last point marked. Each row's values have decimals of their own:
// a count beside a rate prints whole.
func (c *canvas) sparks(top float64, d Data) {
	n, rows := len(d.Labels), len(d.Series)
	size := c.th.size
	texts := make([][]string, rows)
	c.font(size, "")
	valW := c.maxWidth(d.Labels)
	for r, s := range d.Series {
		texts[r] = make([]string, n)
		format := SeriesFormat([][]float64{known(s.Values)}, d.Percent, d.Lang) // each row its own decimals
		for i, v := range s.Values {
			texts[r][i] = "–"
			if !math.IsNaN(v) {
				texts[r][i] = format(v)
			}
		}
		valW = math.Max(valW, c.maxWidth(texts[r]))
	}
	gap := 8 * pt
	lineW := math.Min(math.Max(c.w*0.16, 40*pt), 110*pt)
	nameW := c.w - float64(n)*(valW+gap) - lineW - gap
	if nameW < c.w*0.25 { // too many categories: the values shrink
		nameW = c.w * 0.25
		valW = (c.w-nameW-lineW-gap)/float64(n) - gap
	}
	rowH := math.Min((c.h-top)/float64(rows+1), 3*lineH(size)) // a tall rectangle: rows at the top
	if rowH < lineH(size)*1.1 {
		c.l.crowded++
	}
	headH := rowH
	col := func(i int) float64 { return nameW + gap + float64(i+1)*(valW+gap) - gap } // right edge
	base := func(y0, h float64) float64 { return y0 + h/2 + capH(size)/2 }

	// the header: the categories, right-aligned over their values
	c.font(size, "B")
	for i, l := range d.Labels {
		c.textAt(c.ellipsize(l, valW), col(i), base(top, headH), 'r', c.th.text)
	}
	y := top + headH
	c.line(0, y, c.w, y, 0.8, c.th.muted)
	lx0, lx1 := c.w-lineW, c.w-3*pt
	for r, s := range d.Series {
		y0 := y + float64(r)*rowH
		if r > 0 {
			c.line(0, y0, c.w, y0, 0.4, c.th.grid)
		}
		c.font(size, "")
		cut := c.l.shortened
		lines := c.fitLines(s.Name, nameW, 2)
		if lineH(size)*float64(len(lines)) > rowH {
			c.l.shortened = cut // laid out again
			lines = c.fitLines(s.Name, nameW, 1)
		}
		first := y0 + rowH/2 - lineH(size)*float64(len(lines))/2 + capH(size) + (lineH(size)-capH(size))/2
		for k, l := range lines {
			c.textAt(l, 0, first+float64(k)*lineH(size), 'l', c.th.text)
		}
		for i, t := range texts[r] {
			c.textAt(c.ellipsize(t, valW), col(i), base(y0, rowH), 'r', c.th.text)
		}
		// the line, on the row's own scale
		vs := known(s.Values)
		if len(vs) == 0 {
			continue
		}
		lo, hi := minOf(vs), maxOf(vs)
		ly0, ly1 := y0+rowH*0.22, y0+rowH*0.78
		yOf := func(v float64) float64 {
			if hi == lo {
				return (ly0 + ly1) / 2
			}
			return ly1 - (v-lo)/(hi-lo)*(ly1-ly0)
		}
		xOf := func(i int) float64 {
			if n == 1 {
				return (lx0 + lx1) / 2
			}
			return lx0 + float64(i)/float64(n-1)*(lx1-lx0)
		}
		pen := false
		for i, v := range s.Values {
			switch {
			case math.IsNaN(v):
				pen = false
			case !pen:
				c.moveTo(xOf(i), yOf(v))
				pen = true
			default:
				c.lineTo(xOf(i), yOf(v))
			}
		}
		c.roundJoins()
		c.SetStrokeColor(c.th.color(0))
		c.SetStrokeWidth(1.2 * pt)
		c.Stroke()
		for i, v := range s.Values {
			if math.IsNaN(v) {
				continue
			}
			rad := 1.3 * pt
			if i == lastIndex(s.Values) {
				rad = 2.2 * pt
			}
			c.moveTo(xOf(i)+rad, yOf(v))
			c.arcTo(xOf(i), yOf(v), rad, rad, 0, 2*math.Pi)
			c.Close()
			c.SetFillColor(c.th.color(0))
			c.Fill()
		}
	}
}

// lastIndex is the index of the last value that is not NaN, -1 if none.
func lastIndex(vs []float64) int {
	for i := len(vs) - 1; i >= 0; i-- {
		if !math.IsNaN(vs[i]) {
			return i
		}
	}
	return -1
}
