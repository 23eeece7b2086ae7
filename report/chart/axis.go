package chart

import "math"

// valueAxis is a vertical value axis: its scale and tick labels.
type valueAxis struct {
	sc     scale
	ticks  []float64
	labels []string
	width  float64 // widest tick label, points
}

// newValueAxis makes an axis for d's values from lo to hi, drawn length
//
//	long. Counts get whole ticks: no "0,5 progetti".
func (c *canvas) newValueAxis(d Data, lo, hi, length float64) valueAxis {
	minStep := 0.0
	if d.counts() {
		minStep = 1
	}
	sc := niceScale(lo, hi, tickCount(length, c.th.size*3.2*pt), minStep)
	ax := valueAxis{sc: sc, ticks: sc.ticks()}
	for _, t := range ax.ticks {
		ax.labels = append(ax.labels, formatTick(t, sc.step, d.Percent, d.Lang))
	}
	c.font(c.th.size, "")
	ax.width = c.maxWidth(ax.labels)
	return ax
}

// y returns the position of v on an axis from bottom up to top.
func (ax valueAxis) y(v, top, bottom float64) float64 {
	return bottom - ax.sc.pos(v, bottom-top)
}

// drawGrid draws a light line per tick from left to right with its label
// right-aligned before left.
func (c *canvas) drawGrid(ax valueAxis, left, right, top, bottom float64) {
	size := c.th.size
	for i, t := range ax.ticks {
		y := ax.y(t, top, bottom)
		if t != 0 {
			c.line(left, y, right, y, 0.4, c.th.grid)
		}
		c.font(size, "")
		c.textAt(ax.labels[i], left-4*pt, y+capH(size)/2, 'r', c.th.muted)
	}
}

// catLabels are category labels laid out under a row of slots: wrapped
// horizontally when they fit, else turned to read upwards.
type catLabels struct {
	lines   [][]string
	rotated bool
	size    float64
	height  float64 // points
}

// layoutCats lays labels out in slots slot wide, using at most maxH of
// height: wrapped on up to three lines, in a smaller font if need be, else
// turned (on up to two lines) and shortened if still too long. In a strict
// style they keep the style's size and stay upright, shortened to fit.
func (c *canvas) layoutCats(labels []string, slot, maxH float64) catLabels {
	maxW := slot * 0.92
	for size := c.th.size; size >= c.th.size-1.5 && size >= c.th.min; size -= 0.5 {
		if cl, ok := c.wrapCats(labels, maxW, maxH, size); ok {
			if size < c.th.size {
				c.l.shrunk++
			}
			return cl
		}
		if c.th.strict {
			return c.shortCats(labels, maxW, maxH)
		}
	}
	// Turned labels: the font small enough for the slot.
	c.l.turned++
	cl := catLabels{rotated: true, lines: make([][]string, len(labels))}
	cl.size = math.Max(c.th.min, math.Min(c.th.size, slot/(1.25*pt)))
	if cl.size < c.th.size {
		c.l.shrunk++
	}
	c.font(cl.size, "")
	n := max(1, min(2, int(slot*0.9/lineH(cl.size))))
	for i, l := range labels {
		cl.lines[i] = c.fitLines(l, maxH, n)
		cl.height = math.Max(cl.height, c.maxWidth(cl.lines[i]))
	}
	return cl
}

// shortCats sets labels upright at the style's size on as many lines as
// maxH holds, up to three, shortened with "…" where they are longer.
func (c *canvas) shortCats(labels []string, maxW, maxH float64) catLabels {
	size := c.th.size
	c.font(size, "")
	n := min(3, int(maxH/lineH(size)))
	if n < 1 {
		c.l.crowded++
		n = 1
	}
	cl := catLabels{size: size, lines: make([][]string, len(labels))}
	most := 1
	for i, l := range labels {
		cl.lines[i] = c.fitLines(l, maxW, n)
		most = max(most, len(cl.lines[i]))
	}
	cl.height = float64(most) * lineH(size)
	return cl
}

// wrapCats wraps labels horizontally at size points, if they fit.
func (c *canvas) wrapCats(labels []string, maxW, maxH, size float64) (catLabels, bool) {
	c.font(size, "")
	cl := catLabels{size: size, lines: make([][]string, len(labels))}
	most := 1
	for i, l := range labels {
		cl.lines[i] = c.wrap(l, maxW)
		if len(cl.lines[i]) > 3 || !c.fits(cl.lines[i], maxW) {
			return cl, false
		}
		most = max(most, len(cl.lines[i]))
	}
	cl.height = float64(most) * lineH(size)
	return cl, cl.height <= maxH
}

// drawCats draws the labels under slots starting at x0, from top down.
func (c *canvas) drawCats(cl catLabels, x0, slot, top float64) {
	c.font(cl.size, "")
	lh := lineH(cl.size)
	for i, lines := range cl.lines {
		cx := x0 + (float64(i)+0.5)*slot
		for j, l := range lines {
			if cl.rotated {
				// Lines side by side, the first on the left; each ends at top.
				x := cx + (float64(j)-float64(len(lines)-1)/2)*lh
				c.vtext(l, x, top+c.measure(l), c.th.text)
				continue
			}
			c.textAt(l, cx, top+capH(cl.size)+float64(j)*lh, 'c', c.th.text)
		}
	}
}

// valueLabels are the labels written at the end of vertical bars or above
// points: horizontal when they fit the slot, else turned and if need be
// smaller; left out when the slots are too narrow even for that.
type valueLabels struct {
	texts   []string
	size    float64
	rotated bool
	hidden  bool
	room    float64 // height they need above a bar, points
}

func (c *canvas) layoutValues(texts []string, slot float64) valueLabels {
	vl := valueLabels{texts: texts, size: c.th.size}
	c.font(vl.size, "")
	w := c.maxWidth(texts)
	if w <= slot*0.96 {
		vl.room = ascentH(vl.size) + valueGap
		return vl
	}
	vl.rotated = true
	vl.size = math.Min(vl.size, slot/(1.1*pt))
	if vl.size < c.th.min {
		vl.hidden = true
		c.l.hidden++
		return vl
	}
	c.l.turned++
	c.font(vl.size, "")
	vl.room = c.maxWidth(texts) + valueGap
	return vl
}

// valueGap is the room a value label keeps from its bar's end or its
// point, in points: 3 from the bar, 2 more from a point (see lines).
const valueGap = 5 * pt

// halo paints White behind a label centred on x with its baseline at y, so
// that grid and lines do not cross it.
func (c *canvas) halo(s string, x, y, size float64) {
	w := c.measure(s) + 2*pt
	c.box(x-w/2, y-capH(size)-1.5*pt, w, capH(size)+3*pt, White)
}

// drawValue writes label i centred on x, beyond the bar end y: above it
// when up, else below.
func (c *canvas) drawValue(vl valueLabels, i int, x, y float64, up bool) {
	s := vl.texts[i]
	if vl.hidden || s == "" {
		return
	}
	c.font(vl.size, "")
	gap := 3 * pt
	switch {
	case vl.rotated && up:
		c.vtext(s, x, y-gap, c.th.text)
	case vl.rotated:
		c.vtext(s, x, y+gap+c.measure(s), c.th.text)
	case up:
		c.halo(s, x, y-gap, vl.size)
		c.textAt(s, x, y-gap, 'c', c.th.text)
	default:
		c.halo(s, x, y+gap+capH(vl.size), vl.size)
		c.textAt(s, x, y+gap+capH(vl.size), 'c', c.th.text)
	}
}
