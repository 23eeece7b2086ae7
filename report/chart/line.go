package chart

import (
	"math"
	"sort"
)

// lines draws one line per series over the categories. A single series is
// labelled at its points when the labels fit; several series are labelled
// at their last point, on the right, and named in a legend below.
func (c *canvas) lines(top float64, d Data) {
	n := len(d.Labels)
	multi := len(d.Series) > 1
	bottom := c.h
	if multi {
		bottom = c.legend(c.seriesLegend(d)) - 8*pt
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range d.Series {
		lo, hi = math.Min(lo, minOf(known(s.Values))), math.Max(hi, maxOf(known(s.Values)))
	}
	ax := c.newValueAxis(d, lo, hi, (bottom-top)*0.7)
	left, right := ax.width+6*pt, c.w
	ends := make([]string, len(d.Series))
	for i, s := range d.Series {
		if !math.IsNaN(s.Values[n-1]) {
			ends[i] = ValueFormat(d)(s.Values[n-1])
		}
	}
	if multi {
		c.font(c.th.size, "")
		right -= c.maxWidth(ends) + 8*pt
	}
	slot := (right - left) / float64(n)
	cats := c.layoutCats(d.Labels, slot, (bottom-top)*0.35)

	var vals valueLabels
	if !multi {
		texts := make([]string, n)
		for i, v := range d.Series[0].Values {
			if !math.IsNaN(v) {
				texts[i] = ValueFormat(d)(v)
			}
		}
		if vals = c.layoutValues(texts, slot); vals.rotated {
			// Too many points to label: keep the last one only.
			c.l.turned--
			c.l.hidden++
			for i := range n - 1 {
				texts[i] = ""
			}
			vals = c.layoutValues(texts, slot)
		}
	}
	plotTop := top + math.Max(vals.room, capH(c.th.size))
	plotBottom := bottom - cats.height - 5*pt
	c.drawGrid(ax, left, right, plotTop, plotBottom)
	zero := ax.y(0, plotTop, plotBottom)
	c.line(left, zero, right, zero, 0.8, c.th.muted)

	x := func(i int) float64 { return left + (float64(i)+0.5)*slot }
	ys := make([]float64, len(d.Series))
	for s, series := range d.Series {
		gap := true
		for i, v := range series.Values {
			switch {
			case math.IsNaN(v):
				gap = true // the line breaks
			case gap:
				c.moveTo(x(i), ax.y(v, plotTop, plotBottom))
				gap = false
			default:
				c.lineTo(x(i), ax.y(v, plotTop, plotBottom))
			}
		}
		c.roundJoins()
		c.SetStrokeColor(c.th.color(s))
		c.SetStrokeWidth(1.6 * pt)
		c.Stroke()
		if n <= 24 {
			c.markers(series.Values, x, ax, plotTop, plotBottom, s)
		}
		ys[s] = ax.y(lastKnown(series.Values), plotTop, plotBottom)
	}
	if multi {
		c.endLabels(ends, ys, x(n-1)+6*pt, plotTop, plotBottom)
	} else {
		up := labelSides(d.Series[0].Values)
		for i, v := range d.Series[0].Values {
			if math.IsNaN(v) {
				continue
			}
			y := ax.y(v, plotTop, plotBottom)
			// No room below, over the axis: above after all.
			up[i] = up[i] || y+vals.room > plotBottom
			if up[i] {
				y -= 2 * pt
			} else {
				y += 2 * pt
			}
			c.drawValue(vals, i, x(i), y, up[i])
		}
	}
	c.drawCats(cats, left, slot, plotBottom+5*pt)
}

// labelSides says for each point whether its label goes above (true) or
// below: above peaks and rising ends, below troughs, away from the line.
func labelSides(v []float64) []bool {
	up := make([]bool, len(v))
	for i := range v {
		switch {
		case len(v) == 1:
			up[i] = true
		case i == 0:
			up[i] = v[0] >= v[1]
		case i == len(v)-1:
			up[i] = v[i] >= v[i-1]
		default:
			up[i] = 2*v[i] >= v[i-1]+v[i+1]
		}
	}
	return up
}

// markers draws a dot at each point of series s.
func (c *canvas) markers(values []float64, x func(int) float64, ax valueAxis, top, bottom float64, s int) {
	for i, v := range values {
		if math.IsNaN(v) {
			continue
		}
		c.moveTo(x(i)+2.4*pt, ax.y(v, top, bottom))
		c.arcTo(x(i), ax.y(v, top, bottom), 2.4*pt, 2.4*pt, 0, 2*math.Pi)
		c.Close()
		c.SetFillColor(c.th.color(s))
		c.SetStrokeColor(White)
		c.SetStrokeWidth(0.8 * pt)
		c.FillStroke()
	}
}

// endLabels writes each series' last value at x, near its line's end,
// pushed apart so that they do not overlap.
func (c *canvas) endLabels(texts []string, ys []float64, x, top, bottom float64) {
	size := c.th.size
	order := make([]int, len(ys))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ys[order[a]] < ys[order[b]] })
	pos := make([]float64, len(ys))
	gap := lineH(size)
	for k, i := range order {
		pos[i] = ys[i]
		if k > 0 {
			pos[i] = math.Max(pos[i], pos[order[k-1]]+gap)
		}
	}
	// Pushed below the plot: shift the whole column back up.
	if last := order[len(order)-1]; pos[last] > bottom {
		shift := pos[last] - bottom
		for i := range pos {
			pos[i] -= shift
		}
	}
	c.font(size, "B")
	for i, s := range texts {
		c.textAt(s, x, pos[i]+capH(size)/2, 'l', c.th.textIn(c.th.color(i)))
	}
}

// known returns the values that are not gaps (NaN).
func known(vs []float64) []float64 {
	out := make([]float64, 0, len(vs))
	for _, v := range vs {
		if !math.IsNaN(v) {
			out = append(out, v)
		}
	}
	return out
}

// lastKnown is the last value that is not a gap, 0 when all are.
func lastKnown(vs []float64) float64 {
	for i := len(vs) - 1; i >= 0; i-- {
		if !math.IsNaN(vs[i]) {
			return vs[i]
		}
	}
	return 0
}
