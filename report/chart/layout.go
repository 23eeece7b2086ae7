package chart

import (
	"fmt"
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Layout is a chart laid out in a rectangle: every shape and every text at
// its place, in points from the top left corner, and what the layout had to
// do to the labels. Draw draws exactly what was measured.
type Layout struct {
	w, h float64
	ops  []op

	shortened int     // labels cut with "…"
	shrunk    int     // label groups set smaller than the style's size
	turned    int     // label groups turned to read upwards
	hidden    int     // value labels left out for want of room
	crowded   int     // rows or legends taller than their room
	smallest  float64 // the smallest text size set, points
}

// Fits reports whether every label is set whole at the style's size:
// nothing shortened, set smaller, turned, left out or crowded.
func (l *Layout) Fits() bool { return l.shortened == 0 && l.Legible() }

// Legible reports whether every label is at the style's size, upright and
// in its room: at most shortened with "…" (see Shortened).
func (l *Layout) Legible() bool {
	return l.shrunk == 0 && l.turned == 0 && l.hidden == 0 && l.crowded == 0
}

// Shortened returns how many labels are cut with "…" to fit.
func (l *Layout) Shortened() int { return l.shortened }

// Smallest returns the size of the smallest text set, in points (a stacked
// chart's segment values are set smaller than the rest by design).
func (l *Layout) Smallest() float64 { return l.smallest }

// Size returns the rectangle's size, in points.
func (l *Layout) Size() (w, h float64) { return l.w, l.h }

// Texts returns the texts the layout draws, in order.
func (l *Layout) Texts() []string {
	var ts []string
	for _, o := range l.ops {
		if o.text != "" {
			ts = append(ts, o.text)
		}
	}
	return ts
}

// op is a filled and/or stroked path, or a text.
type op struct {
	path         []seg
	fill, stroke drawing.Color // alpha 0: not drawn
	width        float64       // stroke width, points
	round        bool          // round joins and caps

	text   string
	x, y   float64 // the baseline's left end
	size   float64 // points
	style  string  // "", "B", "I" or "BI"
	color  drawing.Color
	bg     drawing.Color // what the text stands on; alpha 0: paper
	turned bool          // a quarter turn counter-clockwise, reading upwards
	align  byte          // 'l', 'c' or 'r': how the text sits on ax
	ax     float64       // the anchor: x, or the middle or right end at y
}

// seg is a path segment: 'm' move, 'l' line, 'a' arc (cx, cy, rx, ry,
// start, delta), 'h' close.
type seg struct {
	kind byte
	p    [6]float64
}

// Lay lays d out in a w × h point rectangle in style st. Data without
// categories or series is a "no data" box, in d.Lang.
func Lay(d Data, w, h float64, st Style) (l *Layout, err error) {
	if err := d.validate(); err != nil {
		return nil, err
	}
	d = d.printable()
	if !(w > 0 && h > 0) || math.IsInf(w, 0) || math.IsInf(h, 0) {
		return nil, fmt.Errorf("chart %s: empty rectangle %gx%g", d.Kind, w, h)
	}
	th, err := st.theme()
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", d.Kind, err)
	}
	c := &canvas{th: th, w: w, h: h, l: &Layout{w: w, h: h, smallest: math.Inf(1)}}
	defer func() {
		if p := recover(); p != nil {
			l, err = nil, fmt.Errorf("chart %s: %v", d.Kind, p)
		}
	}()
	top := c.title(d.Title)
	if d.Empty() {
		c.placeholder(top, d.Lang)
		return c.done(), nil
	}
	switch d.Kind {
	case Bar:
		c.bars(top, d, false)
	case Stacked:
		c.bars(top, d, true)
	case HBar:
		c.hbars(top, d)
	case Line:
		c.lines(top, d)
	case Spark:
		c.sparks(top, d)
	case Dumbbell:
		c.dumbbells(top, d)
	case Pie, Donut:
		c.pie(top, d, d.Kind == Donut)
	}
	return c.done(), nil
}

// canvas records a chart's layout, in points from the rectangle's top
// left corner, as the kinds' code sets its shapes and texts.
type canvas struct {
	th   theme
	w, h float64
	l    *Layout

	// the current font, colours and path, as on a renderer
	fontSize       float64
	fontStyle      string
	fontColor      drawing.Color
	fill, stroke   drawing.Color
	textBg         drawing.Color // what the next texts stand on; alpha 0: paper
	strokeWidth    float64
	round, rotated bool
	path           []seg
}

func (c *canvas) done() *Layout {
	if math.IsInf(c.l.smallest, 1) {
		c.l.smallest = c.th.size
	}
	return c.l
}

// pt is a typographic point in the canvas's units, which are points: the
// kinds' code writes sizes as points times pt.
const pt float64 = 1

// font sets the font for the next measure and text.
func (c *canvas) font(size float64, style string) {
	c.fontSize, c.fontStyle = size, style
}

// measure returns the width of s in the current font.
func (c *canvas) measure(s string) float64 { return Width(s, c.fontStyle, c.fontSize) }

// capH returns the height of capitals at size points.
func capH(size float64) float64 { return size * capHeight * pt }

// ascentH returns the height above the baseline of a text at size points.
func ascentH(size float64) float64 { return size * ascent * pt }

// descentH returns the depth below the baseline of a text at size points.
func descentH(size float64) float64 { return size * descent * pt }

// lineH returns the line height at size points.
func lineH(size float64) float64 { return size * 1.2 * pt }

// text sets s with its baseline's left end at (x, y).
func (c *canvas) text(s string, x, y float64) {
	c.alignedText(s, x, y, 'l', x)
}

// alignedText sets s with its baseline's left end at (x, y), aligned
// align on ax.
func (c *canvas) alignedText(s string, x, y float64, align byte, ax float64) {
	if s == "" || c.fontColor.A == 0 {
		return
	}
	c.l.ops = append(c.l.ops, op{text: s, x: x, y: y, size: c.fontSize, style: c.fontStyle, color: c.fontColor, bg: c.textBg,
		turned: c.rotated, align: align, ax: ax})
	c.l.smallest = math.Min(c.l.smallest, c.fontSize)
}

// textAt writes s in colour col with its baseline at y, left-aligned at x
// (align 'l'), centred on x ('c') or right-aligned at x ('r').
func (c *canvas) textAt(s string, x, y float64, align byte, col drawing.Color) {
	ax := x
	switch align {
	case 'c':
		x -= c.measure(s) / 2
	case 'r':
		x -= c.measure(s)
	}
	c.fontColor = col
	c.alignedText(s, x, y, align, ax)
}

// vtext writes s turned a quarter turn counter-clockwise, reading upwards,
// centred on x and starting at y (its bottom end).
func (c *canvas) vtext(s string, x, y float64, col drawing.Color) {
	c.rotated = true
	c.fontColor = col
	c.text(s, x+capH(c.fontSize)/2, y)
	c.rotated = false
}

// The path calls, as on a renderer.

func (c *canvas) moveTo(x, y float64) { c.path = append(c.path, seg{kind: 'm', p: [6]float64{x, y}}) }
func (c *canvas) lineTo(x, y float64) { c.path = append(c.path, seg{kind: 'l', p: [6]float64{x, y}}) }

// arcTo adds an arc around (cx, cy) from angle start sweeping delta
// (clockwise on the page when positive, y down).
func (c *canvas) arcTo(cx, cy, rx, ry, start, delta float64) {
	c.path = append(c.path, seg{kind: 'a', p: [6]float64{cx, cy, rx, ry, start, delta}})
}

// Close closes the current subpath.
func (c *canvas) Close() { c.path = append(c.path, seg{kind: 'h'}) }

// rect adds a closed rectangle to the path.
func (c *canvas) rect(x, y, w, h float64) {
	c.moveTo(x, y)
	c.lineTo(x+w, y)
	c.lineTo(x+w, y+h)
	c.lineTo(x, y+h)
	c.Close()
}

func (c *canvas) SetFillColor(col drawing.Color)   { c.fill = col }
func (c *canvas) SetStrokeColor(col drawing.Color) { c.stroke = col }

// SetStrokeWidth sets the stroke width, in points.
func (c *canvas) SetStrokeWidth(w float64) { c.strokeWidth = w }

// roundJoins makes the strokes from here on round at joins and ends.
func (c *canvas) roundJoins() { c.round = true }

func (c *canvas) Fill()       { c.draw(true, false) }
func (c *canvas) Stroke()     { c.draw(false, true) }
func (c *canvas) FillStroke() { c.draw(true, true) }

// draw records the path filled and/or stroked and starts a new one.
func (c *canvas) draw(fill, stroke bool) {
	o := op{path: c.path, round: c.round}
	c.path = nil
	if fill {
		o.fill = c.fill
	}
	if stroke && c.strokeWidth > 0 {
		o.stroke, o.width = c.stroke, c.strokeWidth
	}
	if len(o.path) == 0 || o.fill.A == 0 && o.stroke.A == 0 {
		return
	}
	c.l.ops = append(c.l.ops, o)
}

// box fills a rectangle.
func (c *canvas) box(x, y, w, h float64, col drawing.Color) {
	c.rect(x, y, w, h)
	c.SetFillColor(col)
	c.Fill()
}

// line strokes a segment width points wide.
func (c *canvas) line(x1, y1, x2, y2, width float64, col drawing.Color) {
	c.moveTo(x1, y1)
	c.lineTo(x2, y2)
	c.SetStrokeColor(col)
	c.SetStrokeWidth(width * pt)
	c.Stroke()
}

// title writes the chart's title, bold and wrapped on at most two lines,
// and returns where the chart's body starts.
func (c *canvas) title(s string) float64 {
	if strings.TrimSpace(s) == "" {
		return 0
	}
	size := c.th.size * 1.2
	c.font(size, "B")
	lines := c.fitLines(s, c.w, 2)
	for i, l := range lines {
		c.textAt(l, 0, ascentH(size)+float64(i)*lineH(size), 'l', c.th.text)
	}
	return float64(len(lines))*lineH(size) + 6*pt
}

// placeholder draws a quiet box saying there is no data, in lang.
func (c *canvas) placeholder(top float64, lang string) {
	h := c.h - top
	c.rect(0, top, c.w, h)
	c.SetFillColor(Mix(c.th.grid, White, 0.75))
	c.SetStrokeColor(c.th.grid)
	c.SetStrokeWidth(0.5 * pt)
	c.FillStroke()
	size := c.th.size * 1.1
	c.font(size, "I")
	c.textBg = Mix(c.th.grid, White, 0.75)
	c.textAt(noData(lang), c.w/2, top+h/2+capH(size)/2, 'c', Darken(c.th.muted, MinTextContrast, c.textBg))
	c.textBg = drawing.Color{}
}

// wrap breaks s into lines no wider than maxW at the current font. A word
// wider than maxW stays whole on its own line.
func (c *canvas) wrap(s string, maxW float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && c.measure(try) > maxW {
			lines = append(lines, line)
			try = word
		}
		line = try
	}
	return append(lines, line)
}

// fits reports whether every line is at most maxW wide.
func (c *canvas) fits(lines []string, maxW float64) bool {
	for _, l := range lines {
		if c.measure(l) > maxW {
			return false
		}
	}
	return true
}

// fitLines wraps s into at most n lines of maxW, shortening the last one
// with an ellipsis when the text is longer; a shortened label is counted.
func (c *canvas) fitLines(s string, maxW float64, n int) []string {
	lines := c.wrap(s, maxW)
	cut := false
	if len(lines) > n {
		lines[n-1] = strings.Join(lines[n-1:], " ")
		lines = lines[:n]
	}
	for i, l := range lines {
		lines[i] = c.cut(l, maxW)
		cut = cut || lines[i] != l
	}
	if cut {
		c.l.shortened++
	}
	return lines
}

// ellipsize shortens s with "…" until it is at most maxW wide, and counts
// it when it does.
func (c *canvas) ellipsize(s string, maxW float64) string {
	out := c.cut(s, maxW)
	if out != s {
		c.l.shortened++
	}
	return out
}

// cut shortens s with "…" to maxW. A label cut to nothing ("…" alone) or
// wider than maxW even so is no label: the layout counts it crowded.
func (c *canvas) cut(s string, maxW float64) string {
	out := Ellipsize(s, maxW, c.measure)
	if out != s && (out == "…" || c.measure(out) > maxW) {
		c.l.crowded++
	}
	return out
}

// maxWidth returns the width of the widest string at the current font.
func (c *canvas) maxWidth(ss []string) float64 {
	w := 0.0
	for _, s := range ss {
		w = math.Max(w, c.measure(s))
	}
	return w
}

// legendItem is a swatch and a series name.
type legendItem struct {
	name string
	col  drawing.Color
}

// legendLayout places legend items left to right in rows of width w and
// returns each item's position and the legend's height.
func (c *canvas) legendLayout(items []legendItem) (xs, ys []float64, height float64) {
	size := c.th.size
	c.font(size, "")
	sw, gap := 7*pt, 14*pt
	x, y := 0.0, 0.0
	for _, it := range items {
		iw := sw + 4*pt + c.measure(it.name)
		if x > 0 && x+iw > c.w {
			x, y = 0, y+lineH(size)*1.25
		}
		xs, ys = append(xs, x), append(ys, y)
		x += iw + gap
	}
	return xs, ys, y + lineH(size)
}

// legend draws items at the bottom of the canvas and returns its top.
func (c *canvas) legend(items []legendItem) float64 {
	xs, ys, height := c.legendLayout(items)
	top := c.h - height
	size := c.th.size
	sw := 7 * pt
	for i, it := range items {
		base := top + ys[i] + capH(size) + (lineH(size)-capH(size))/2
		c.box(xs[i], base-capH(size)/2-sw/2, sw, sw, it.col)
		c.font(size, "")
		c.textAt(it.name, xs[i]+sw+4*pt, base, 'l', c.th.text)
	}
	return top
}

// seriesLegend returns the legend items of d's series.
func (c *canvas) seriesLegend(d Data) []legendItem {
	items := make([]legendItem, len(d.Series))
	c.font(c.th.size, "")
	for i, s := range d.Series {
		// a name wider than the chart is shortened, as the legend sets it
		name := c.ellipsize(s.Name, c.w-11*pt)
		items[i] = legendItem{name: name, col: c.th.color(i)}
	}
	return items
}

// tickCount returns how many ticks suit an axis length long.
func tickCount(length, spacing float64) int {
	n := int(length/spacing) + 1
	return max(3, min(n, 6))
}
