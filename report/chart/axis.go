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
// turned (on up to the style's LabelLines lines) and shortened if still too long. In a strict
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
	n := max(1, min(c.th.lines, int(slot*0.9/lineH(cl.size))))
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

// newSymmetricAxis makes the axis of signed bars with a shared span: from
// −e to e, e the round number just past m (the larger of the span and the
// data's size), so that ±25% data on a span of 150% get ±150% in steps of
// 50%, not ±200% in steps of 200%. The step is the one that ends closest to
// m; of equally close ones, the finest whose labels all fit in length (fit
// labels, fitLabels), else the coarsest. When not every tick's label fits,
// every k-th is labelled (zero and both ends always) and the others keep
// their grid line without a label.
func (c *canvas) newSymmetricAxis(d Data, m float64, fit int) valueAxis {
	minStep := 0.0
	if d.counts() {
		minStep = 1
	}
	n, step := symmetricSteps(m, fit, minStep)
	sc := scale{lo: -float64(n) * step, hi: float64(n) * step, step: step}
	ax := valueAxis{sc: sc, ticks: sc.ticks()}
	k := labelStride(n, fit)
	for i, t := range ax.ticks {
		label := ""
		if (i-n)%k == 0 {
			label = formatTick(t, step, d.Percent, d.Lang)
		}
		ax.labels = append(ax.labels, label)
	}
	c.font(c.th.size, "")
	ax.width = c.maxWidth(ax.labels)
	return ax
}

// symmetricSteps returns the ticks on each side of zero (2 to 6) and the
// round step (1, 2, 2.5 or 5 times a power of ten, at least minStep) of an
// axis from −n·step to n·step just covering m; see newSymmetricAxis.
func symmetricSteps(m float64, fit int, minStep float64) (n int, step float64) {
	if !(m > 0) || math.IsInf(m, 0) {
		m = 1
	}
	bestEnd := math.Inf(1)
	for e := math.Floor(math.Log10(m/6)) - 1; e <= math.Ceil(math.Log10(m)); e++ {
		mag := math.Pow(10, e)
		for _, f := range []float64{1, 2, 2.5, 5} {
			s := f * mag
			if s < minStep || minStep >= 1 && s != math.Trunc(s) {
				continue
			}
			k := int(math.Ceil(m/s - 1e-9))
			if k < 2 || k > 6 {
				continue
			}
			end := float64(k) * s
			switch {
			case end < bestEnd*(1-1e-9):
			case end > bestEnd*(1+1e-9):
				continue
			case 2*k+1 <= fit && (2*n+1 > fit || k > n): // finer, and fits
			case 2*n+1 > fit && 2*k+1 > fit && k < n: // neither fits: coarser
			default:
				continue
			}
			bestEnd, n, step = end, k, s
		}
	}
	if n == 0 { // m below minStep: one step each side
		step = math.Max(minStep, m)
		n = 1
	}
	return n, step
}

// labelStride returns k such that labelling every k-th of n ticks each
// side of zero (from zero) gives at most fit labels, with both ends
// labelled: the smallest divisor of n that does; n at worst (three labels).
func labelStride(n, fit int) int {
	for k := 1; k < n; k++ {
		if n%k == 0 && 2*(n/k)+1 <= fit {
			return k
		}
	}
	return max(n, 1)
}
