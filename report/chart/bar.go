package chart

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// bars draws vertical bars, stacked by series when stacked, with the value
// (the total for stacks) at the end of each bar.
func (c *canvas) bars(top float64, d Data, stacked bool) {
	n := len(d.Labels)
	bottom := c.h
	if stacked && len(d.Series) > 1 {
		bottom = c.legend(c.seriesLegend(d)) - 8*pt
	}
	pos, neg := stackSums(d, stacked)
	lo, hi := minOf(neg), maxOf(pos)
	ax := c.newValueAxis(d, lo, hi, (bottom-top)*0.7)
	left := ax.width + 6*pt
	slot := (c.w - left) / float64(n)
	cats := c.layoutCats(d.Labels, slot, (bottom-top)*0.35)

	totals := make([]string, n)
	for i := range totals {
		totals[i] = ValueFormat(d)(pos[i] + neg[i])
	}
	vals := c.layoutValues(totals, slot)
	foot := 0.0
	if lo < 0 {
		foot = vals.room
	}
	plotTop := top + math.Max(vals.room, capH(c.th.size))
	plotBottom := bottom - cats.height - 5*pt - foot
	c.drawGrid(ax, left, c.w, plotTop, plotBottom)

	barW := math.Min(slot*0.64, 56*pt)
	zero := ax.y(0, plotTop, plotBottom)
	for i := range n {
		cx := left + (float64(i)+0.5)*slot
		if stacked {
			c.stack(d, i, cx-barW/2, barW, ax, plotTop, plotBottom)
		} else {
			c.bar(cx-barW/2, barW, zero, ax.y(d.Series[0].Values[i], plotTop, plotBottom), c.th.color(0))
		}
		total := pos[i] + neg[i]
		end := ax.y(pos[i], plotTop, plotBottom)
		if total < 0 {
			end = ax.y(neg[i], plotTop, plotBottom)
		}
		c.drawValue(vals, i, cx, end, total >= 0)
	}
	c.line(left, zero, c.w, zero, 0.8, c.th.muted)
	c.drawCats(cats, left, slot, plotBottom+foot+5*pt)
}

// bar fills a vertical bar from y0 to y1.
func (c *canvas) bar(x, w, y0, y1 float64, col drawing.Color) {
	if math.Abs(y1-y0) < 0.01 {
		return
	}
	c.box(x, math.Min(y0, y1), w, math.Abs(y1-y0), col)
}

// stack draws category i's segments, positives up and negatives down from
// zero, each labelled inside when the label fits.
func (c *canvas) stack(d Data, i int, x, w float64, ax valueAxis, top, bottom float64) {
	var up, down float64
	for s, series := range d.Series {
		v := series.Values[i]
		base := up
		if v < 0 {
			base = down
		}
		y0, y1 := ax.y(base, top, bottom), ax.y(base+v, top, bottom)
		if v < 0 {
			down += v
		} else {
			up += v
		}
		col := c.th.color(s)
		if math.Abs(y1-y0) < 0.01 {
			continue
		}
		c.rect(x, math.Min(y0, y1), w, math.Abs(y1-y0))
		c.SetFillColor(col)
		c.SetStrokeColor(White)
		c.SetStrokeWidth(0.5 * pt)
		c.FillStroke()
		if len(d.Series) > 1 {
			c.segmentLabel(ValueFormat(d)(v), x+w/2, y0, y1, w, col)
		}
	}
}

// segmentLabel writes s centred in a segment from y0 to y1 if it fits.
func (c *canvas) segmentLabel(s string, cx, y0, y1, w float64, col drawing.Color) {
	size := math.Max(c.th.size*0.9, c.th.min)
	c.l.smallest = math.Min(c.l.smallest, size) // set smaller by design
	c.font(size, "")
	if math.Abs(y1-y0) < capH(size)+4*pt || c.measure(s) > w-3*pt {
		return
	}
	c.textBg = col
	c.textAt(s, cx, (y0+y1)/2+capH(size)/2, 'c', c.th.onColor(col))
	c.textBg = drawing.Color{}
}

// stackSums returns per category the sum of positive and of negative
// values (for plain bars, the value itself on its side).
func stackSums(d Data, stacked bool) (pos, neg []float64) {
	series := d.Series
	if !stacked {
		series = series[:1]
	}
	pos, neg = make([]float64, len(d.Labels)), make([]float64, len(d.Labels))
	for _, s := range series {
		for i, v := range s.Values {
			if v < 0 {
				neg[i] += v
			} else {
				pos[i] += v
			}
		}
	}
	return pos, neg
}

func minOf(vs []float64) float64 {
	m := math.Inf(1)
	for _, v := range vs {
		m = math.Min(m, v)
	}
	return m
}

func maxOf(vs []float64) float64 {
	m := math.Inf(-1)
	for _, v := range vs {
		m = math.Max(m, v)
	}
	return m
}
