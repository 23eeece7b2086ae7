package pdf

import (
	"fmt"
	"math"
	"strings"

	"github.com/go-pdf/fpdf"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"rendiconto/report/document"
)

// ChartKind is the kind of a chart, one of document.ChartKinds.
type ChartKind string

// The chart kinds, as package document names them.
const (
	Bar      ChartKind = document.ChartBar
	HBar     ChartKind = document.ChartHBar
	Stacked  ChartKind = document.ChartStacked
	Donut    ChartKind = document.ChartDonut
	Pie      ChartKind = document.ChartPie
	Line     ChartKind = document.ChartLine
	Spark    ChartKind = document.ChartSpark
	Dumbbell ChartKind = document.ChartDumbbell
)

// Kinds lists the chart kinds in a stable order: document.ChartKinds.
var Kinds = func() []ChartKind {
	var ks []ChartKind
	for _, k := range document.ChartKinds() {
		ks = append(ks, ChartKind(k))
	}
	return ks
}()

// ParseKind returns the chart kind named s.
func ParseKind(s string) (ChartKind, error) {
	if !document.ValidChartKind(s) {
		return "", fmt.Errorf("unknown chart kind %q (one of: %s)", s, strings.Join(document.ChartKinds(), ", "))
	}
	return ChartKind(s), nil
}

// Series is a named row of values, one per category.
type Series struct {
	Name   string
	Values []float64
}

// ChartData is what a chart shows, independent of its look.
type ChartData struct {
	Kind    ChartKind
	Title   string   // may be empty: the report prints captions itself
	Labels  []string // one per category: x axis, bar, slice or line point
	Series  []Series // one for bar, hbar, donut and pie; one or more for stacked and line
	Percent bool     // values are fractions 0..1 printed as "17%" or "17,2%"
	Lang    string   // number format: "it" (default) or "en"
	Signed  bool     // values are changes, their labels signed: "+2,1%", "−6,1%"
	Span    float64  // hbar: when positive, the axis runs at least from −Span to Span
}

// DrawChart draws d into the rectangle x, y, w, h (user units, normally mm)
// of the current page of f, as vector paths and text in st's font family,
// which the document must have registered (see RegisterFonts). Data without
// categories or series draws a "nessun dato" box. The document's colours,
// line width and font size are restored afterwards; the font family and
// style are left as the chart's.
func DrawChart(f *fpdf.Fpdf, x, y, w, h float64, d ChartData, st Style) (err error) {
	if err := f.Error(); err != nil {
		return err
	}
	if err := d.validate(); err != nil {
		return err
	}
	d = d.printable()
	if !(w > 0 && h > 0) {
		return fmt.Errorf("chart %s: empty rectangle %gx%g", d.Kind, w, h)
	}
	th, err := st.theme()
	if err != nil {
		return fmt.Errorf("chart %s: %w", d.Kind, err)
	}
	r := NewRenderer(f, x, y, w, h, th.family)
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("chart %s: %v", d.Kind, p)
		}
		if serr := r.Save(nil); err == nil && serr != nil {
			err = fmt.Errorf("chart %s: %w", d.Kind, serr)
		}
	}()
	c := &canvas{Renderer: r, th: th, w: float64(r.w), h: float64(r.h)}
	top := c.title(d.Title)
	if d.empty() {
		c.placeholder(top)
		return nil
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
	return nil
}

// printable returns a copy of d whose texts the font draws.
func (d ChartData) printable() ChartData {
	d.Title = printable(d.Title)
	d.Labels = printables(d.Labels)
	series := make([]Series, len(d.Series))
	for i, s := range d.Series {
		series[i] = Series{Name: printable(s.Name), Values: s.Values}
	}
	d.Series = series
	return d
}

// counts reports whether d holds whole numbers, not percentages.
func (d ChartData) counts() bool {
	if d.Percent {
		return false
	}
	for _, s := range d.Series {
		for _, v := range s.Values {
			if v != math.Trunc(v) && !math.IsNaN(v) {
				return false
			}
		}
	}
	return true
}

func (d ChartData) empty() bool {
	return len(d.Labels) == 0 || len(d.Series) == 0
}

// validate checks the data against its kind.
func (d ChartData) validate() error {
	if _, err := ParseKind(string(d.Kind)); err != nil {
		return err
	}
	if d.empty() {
		return nil
	}
	switch d.Kind {
	case Bar, HBar, Pie, Donut:
		if len(d.Series) != 1 {
			return fmt.Errorf("chart %s: %d series, want 1", d.Kind, len(d.Series))
		}
	}
	for _, s := range d.Series {
		if len(s.Values) != len(d.Labels) {
			return fmt.Errorf("chart %s: series %q has %d values for %d labels", d.Kind, s.Name, len(s.Values), len(d.Labels))
		}
		for i, v := range s.Values {
			if math.IsNaN(v) && (d.Kind == Line || d.Kind == Spark) {
				continue // a gap in the line
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("chart %s: series %q: value %v for %q", d.Kind, s.Name, v, d.Labels[i])
			}
			if v < 0 && (d.Kind == Pie || d.Kind == Donut) {
				return fmt.Errorf("chart %s: negative value %v for %q", d.Kind, v, d.Labels[i])
			}
		}
	}
	return nil
}

// canvas lays charts out on a Renderer, in pixels from the rectangle's
// top left corner; sizes are written as points times pt.
type canvas struct {
	*Renderer
	th   theme
	w, h float64
}

// pt is a typographic point in renderer pixels.
const pt float64 = pxPerPt

// minFontSize is the smallest text a chart writes, in points: below it
// labels are shortened or left out.
const minFontSize = 4.5

// font sets the font for the next measure and text.
func (c *canvas) font(size float64, style string) {
	c.fontSize, c.fontStyle = size, style
}

// capH returns the height of capitals at size points, in pixels.
func capH(size float64) float64 { return size * capHeight * pt }

// lineH returns the line height at size points, in pixels.
func lineH(size float64) float64 { return size * 1.2 * pt }

// textAt writes s in colour col with its baseline at y, left-aligned at x
// (align 'l'), centred on x ('c') or right-aligned at x ('r').
func (c *canvas) textAt(s string, x, y float64, align byte, col drawing.Color) {
	switch align {
	case 'c':
		x -= c.measure(s) / 2
	case 'r':
		x -= c.measure(s)
	}
	c.fontColor = col
	c.text(s, x, y)
}

// vtext writes s turned a quarter turn counter-clockwise, reading upwards,
// centred on x and starting at y (its bottom end).
func (c *canvas) vtext(s string, x, y float64, col drawing.Color) {
	c.SetTextRotation(-math.Pi / 2)
	c.fontColor = col
	c.text(s, x+capH(c.fontSize)/2, y)
	c.ClearTextRotation()
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
	c.SetStrokeDashArray(nil)
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
		c.textAt(l, 0, capH(size)+float64(i)*lineH(size), 'l', c.th.text)
	}
	return float64(len(lines))*lineH(size) + 6*pt
}

// placeholder draws a quiet box saying there is no data.
func (c *canvas) placeholder(top float64) {
	h := c.h - top
	c.rect(0, top, c.w, h)
	c.SetFillColor(mix(c.th.grid, white, 0.75))
	c.SetStrokeColor(c.th.grid)
	c.SetStrokeWidth(0.5 * pt)
	c.SetStrokeDashArray(nil)
	c.FillStroke()
	size := c.th.size * 1.1
	c.font(size, "I")
	c.textAt("nessun dato", c.w/2, top+h/2+capH(size)/2, 'c', c.th.muted)
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
// with an ellipsis when the text is longer.
func (c *canvas) fitLines(s string, maxW float64, n int) []string {
	lines := c.wrap(s, maxW)
	if len(lines) > n {
		lines[n-1] = strings.Join(lines[n-1:], " ")
		lines = lines[:n]
	}
	for i, l := range lines {
		lines[i] = c.ellipsize(l, maxW)
	}
	return lines
}

// ellipsize shortens s with "…" until it is at most maxW wide.
func (c *canvas) ellipsize(s string, maxW float64) string {
	return ellipsize(s, maxW, c.measure)
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
func (c *canvas) seriesLegend(d ChartData) []legendItem {
	items := make([]legendItem, len(d.Series))
	c.font(c.th.size, "")
	for i, s := range d.Series {
		// a name wider than the chart is shortened, as the legend sets it
		name := c.ellipsize(s.Name, c.w-11*pt)
		items[i] = legendItem{name: name, col: c.th.color(i)}
	}
	return items
}

// tickCount returns how many ticks suit an axis length pixels long.
func tickCount(length, spacing float64) int {
	n := int(length/spacing) + 1
	return max(3, min(n, 6))
}
