package chart

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// dumbbells draws a dot per series on each category's row, joined by a
// line from the first series' dot to the last's: two editions' figures
// side by side, the line the change. The series are named in a legend
// below; each row's first and last values are written outside their dots.
func (c *canvas) dumbbells(top float64, d Data) {
	n, last := len(d.Labels), len(d.Series)-1
	items := make([]legendItem, len(d.Series))
	for i, s := range d.Series {
		items[i] = legendItem{name: c.ellipsize(s.Name, c.w-11*pt), col: c.dumbbellColor(i, last)}
	}
	bottom := c.legend(items) - 8*pt
	rowH, size, names, nameW := c.rows(d.Labels, top, bottom)
	format := ValueFormat(d)
	lo, hi := 0.0, 0.0
	c.font(size, "")
	valW := 0.0
	for _, s := range d.Series {
		lo, hi = math.Min(lo, minOf(s.Values)), math.Max(hi, maxOf(s.Values))
		for _, v := range s.Values {
			valW = math.Max(valW, c.measure(format(v)))
		}
	}
	rad := math.Min(3.2*pt, rowH*0.3)
	valW += rad + 4*pt // a value is written 3 points beyond its dot
	left, right := nameW+8*pt+valW, c.w-valW
	tickW := c.measure(FormatValue(math.Max(math.Abs(lo), hi), d.Percent, d.Lang)) + 14*pt
	ax := c.newValueAxis(d, lo, hi, (right-left)*c.th.size*3.2*pt/tickW)
	right = math.Min(right, c.w-ax.width/2)
	plotTop, plotBottom := top, top+rowH*float64(n)
	c.drawHGrid(ax, left, right, plotTop, plotBottom)
	x := func(v float64) float64 { return left + ax.sc.pos(v, right-left) }
	for i := range d.Labels {
		cy := plotTop + (float64(i)+0.5)*rowH
		a, b := d.Series[0].Values[i], d.Series[last].Values[i]
		c.line(x(a), cy, x(b), cy, 2.2, c.th.mark(Mix(c.th.grid, c.th.muted, 0.5)))
		for s := range d.Series {
			v := d.Series[s].Values[i]
			c.moveTo(x(v)+rad, cy)
			c.arcTo(x(v), cy, rad, rad, 0, 2*math.Pi)
			c.Close()
			c.SetFillColor(c.dumbbellColor(s, last))
			c.SetStrokeColor(White)
			c.SetStrokeWidth(0.6 * pt)
			c.FillStroke()
		}
		// the first and the last value, each outside its dot
		c.font(size, "")
		base := cy + capH(size)/2
		switch {
		case format(a) == format(b):
			c.textAt(format(b), math.Max(x(a), x(b))+rad+3*pt, base, 'l', c.th.text)
		case b > a:
			c.textAt(format(a), x(a)-rad-3*pt, base, 'r', c.th.muted)
			c.textAt(format(b), x(b)+rad+3*pt, base, 'l', c.th.text)
		default:
			c.textAt(format(b), x(b)-rad-3*pt, base, 'r', c.th.text)
			c.textAt(format(a), x(a)+rad+3*pt, base, 'l', c.th.muted)
		}
		c.rowLabel(names[i], size, nameW, cy)
	}
}

// dumbbellColor is the colour of series s of last+1: the last one the
// palette's first colour, the earlier ones lighter.
func (c *canvas) dumbbellColor(s, last int) drawing.Color {
	if s == last {
		return c.th.color(0)
	}
	return c.th.mark(Mix(c.th.color(0), White, 0.55-0.3*float64(s)/float64(max(1, last))))
}
