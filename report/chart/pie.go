package chart

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// pie draws slices clockwise from twelve o'clock (a ring when donut) with a
// legend on the right giving each label, value and share; the two are
// centred together in the rectangle.
func (c *canvas) pie(top float64, d Data, donut bool) {
	values := d.Series[0].Values
	total := 0.0
	for _, v := range values {
		total += v
	}
	availH := c.h - top
	diam := math.Min(availH, c.w*0.42)
	gap := 14 * pt
	lg := c.pieLegend(d, total, c.w-diam-gap, availH)
	x0 := (c.w - diam - gap - lg.width) / 2
	cy := top + availH/2
	c.slices(values, total, x0+diam/2, cy, diam/2, donut)
	c.drawPieLegend(lg, x0+diam+gap, math.Max(top, cy-lg.height/2))
}

// slices fills one slice per non-zero value, separated by thin White
// lines; with nothing to show it draws a grey disc or ring.
func (c *canvas) slices(values []float64, total, cx, cy, r float64, donut bool) {
	inner := 0.0
	if donut {
		inner = r * 0.58
	}
	nonZero := 0
	for _, v := range values {
		if v > 0 {
			nonZero++
		}
	}
	if nonZero == 0 {
		c.slice(cx, cy, r, inner, 0, 2*math.Pi, Mix(c.th.grid, White, 0.4), false)
		return
	}
	a := -math.Pi / 2
	for i, v := range values {
		if v <= 0 {
			continue
		}
		delta := v / total * 2 * math.Pi
		c.slice(cx, cy, r, inner, a, delta, c.th.color(i), nonZero > 1)
		a += delta
	}
}

// slice fills the sector (or ring sector, with inner > 0) from angle a
// sweeping delta clockwise.
func (c *canvas) slice(cx, cy, r, inner, a, delta float64, col drawing.Color, outline bool) {
	if inner > 0 {
		c.arcTo(cx, cy, r, r, a, delta)
		c.arcTo(cx, cy, inner, inner, a+delta, -delta)
	} else {
		if delta < 2*math.Pi-1e-9 {
			c.moveTo(cx, cy)
		}
		c.arcTo(cx, cy, r, r, a, delta)
	}
	c.Close()
	c.SetFillColor(col)
	if !outline {
		c.Fill()
		return
	}
	c.SetStrokeColor(White)
	c.SetStrokeWidth(0.8 * pt)
	c.FillStroke()
}

// pieItem is a legend row: wrapped label, value and share of the total.
type pieItem struct {
	lines        []string
	value, share string
}

// pieLegendLayout is the legend of a pie. Values are in a column on the
// right of the labels, or under each label (below) when the legend is too
// narrow for both.
type pieLegendLayout struct {
	items                []pieItem
	size                 float64
	width, height, value float64 // legend and value column widths, points
	gap                  float64 // between rows, points
	below                bool
}

const pieSwatch = 7 * pt

// pieLegend lays the legend out at most w wide and maxH high, shrinking
// the font when the rows do not fit.
func (c *canvas) pieLegend(d Data, total, w, maxH float64) pieLegendLayout {
	values := d.Series[0].Values
	lg := pieLegendLayout{items: make([]pieItem, len(values))}
	cut := c.l.shortened
	for i, v := range values {
		lg.items[i].value = ValueFormat(d)(v)
		if !d.Percent && total > 0 {
			lg.items[i].share = FormatValue(v/total, true, d.Lang)
		}
	}
	for size := c.th.size; ; size -= 0.5 {
		last := size-0.5 < c.th.min || c.th.strict
		c.font(size, "")
		lg.size = size
		c.layoutPieLegend(&lg, d.Labels, w, last)
		if lg.height <= maxH || last {
			if size < c.th.size {
				c.l.shrunk++
			}
			if lg.height > maxH {
				c.l.crowded++
			}
			return lg
		}
		c.l.shortened = cut // the labels are laid out again
	}
}

// layoutPieLegend wraps the labels at the current font and measures the
// legend: labels on up to the style's LabelLines lines; with short, cut
// to one line.
func (c *canvas) layoutPieLegend(lg *pieLegendLayout, labels []string, w float64, short bool) {
	lg.value = 0
	for _, it := range lg.items {
		lg.value = math.Max(lg.value, c.measure(it.value))
	}
	if lg.items[0].share != "" {
		lg.value += c.shareW()
	}
	indent := pieSwatch + 5*pt
	natural := c.maxWidth(labels)
	labelW := math.Min(natural, w-indent-10*pt-lg.value)
	lg.below = labelW < natural && labelW < 0.5*(w-indent)
	if lg.below {
		labelW = math.Min(natural, w-indent)
		lg.width = indent + math.Max(labelW, lg.value)
	} else {
		lg.width = indent + labelW + 10*pt + lg.value
	}
	lg.height = 0
	lg.gap = rowGap(lg.size)
	if short {
		lg.gap = 0
	}
	for i, l := range labels {
		n := c.th.lines
		if short {
			n = 1
		}
		lg.items[i].lines = c.fitLines(l, labelW, n)
		rows := len(lg.items[i].lines) + boolInt(lg.below)
		lg.height += float64(rows)*lineH(lg.size) + lg.gap
	}
	lg.height -= lg.gap
}

func rowGap(size float64) float64 { return size * 0.45 * pt }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// shareW is the width of the share column and the gap before it.
func (c *canvas) shareW() float64 { return c.measure("100,0%") + 6*pt }

// drawPieLegend draws the legend from (x, y): swatch, label and value.
func (c *canvas) drawPieLegend(lg pieLegendLayout, x, y float64) {
	size := lg.size
	c.font(size, "")
	for i, it := range lg.items {
		base := y + capH(size) + (lineH(size)-capH(size))/2
		sw := math.Min(pieSwatch, lineH(size)*0.8)
		c.box(x+pieSwatch-sw, base-capH(size)/2-sw/2, sw, sw, c.th.color(i))
		for j, l := range it.lines {
			c.textAt(l, x+pieSwatch+5*pt, base+float64(j)*lineH(size), 'l', c.th.text)
		}
		rows := len(it.lines)
		if lg.below {
			c.pieValue(it, x+pieSwatch+5*pt+lg.value, base+float64(rows)*lineH(size))
			rows++
		} else {
			c.pieValue(it, x+lg.width, base)
		}
		y += float64(rows)*lineH(size) + lg.gap
	}
}

// pieValue writes an item's value and share right-aligned at x, the share
// in its own column.
func (c *canvas) pieValue(it pieItem, x, base float64) {
	if it.share != "" {
		c.textAt(it.share, x, base, 'r', c.th.muted)
		x -= c.shareW()
	}
	c.textAt(it.value, x, base, 'r', c.th.text)
}
