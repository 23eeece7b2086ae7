package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// SVGFontFamily is the font list the SVG's text is set in: the layout's own
// font first, then fonts of the same metrics, so that the text measured
// by the layout takes the same room on screen. A reader with none of them
// (Android's Roboto, Linux's DejaVu Sans) still gets the measured room:
// every text carries its measured width as textLength.
const SVGFontFamily = "'Liberation Sans',Arial,Helvetica,sans-serif"

// SVG lays d out in a w × h point box and returns it as an <svg> element
// ready to inline in HTML: role="img" with name as its accessible name
// (aria-label and <title>), a viewBox of w × h and no width or height, so
// that CSS sizes it (it keeps its proportions; every text is laid out
// inside the box, nothing overflows it), text as real text in
// SVGFontFamily, bold and italic by font-weight and font-style, each text
// fixed to the width the layout measured (textLength, lengthAdjust=
// "spacingAndGlyphs": a substitute font is squeezed or stretched into its
// box; with Liberation Sans or Arial nothing changes). No external
// reference; the same input gives the same bytes. Give the chart's data
// beside it (a table) for those who cannot see it.
func SVG(d Data, w, h float64, st Style, name string) ([]byte, error) {
	l, err := Lay(d, w, h, st)
	if err != nil {
		return nil, err
	}
	return l.SVG(name)
}

// SVG draws the layout as an <svg> element named name (see SVG).
func (l *Layout) SVG(name string) ([]byte, error) {
	r := newSVGRenderer()
	if err := l.Draw(r); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	// overflow="visible": a substitute font's glyph may ink a fraction of a
	// point past its advance (Roboto's "%", DejaVu's "T") at the box's edge;
	// textLength keeps the advance, this keeps the ink unclipped.
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" role="img" aria-label="%s" font-family="%s" overflow="visible">`,
		num(l.w), num(l.h), escape(name), SVGFontFamily)
	fmt.Fprintf(&b, "\n<title>%s</title>\n", escape(name))
	if err := r.Save(&b); err != nil {
		return nil, err
	}
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

// escape escapes s for XML text and attributes.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// num writes a length in points, from renderer units or points: at most
// two decimals, no trailing zeros.
func num(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// svgRenderer implements go-chart's Renderer (and FontStyler, LineJoiner
// and TextAnchorer) writing SVG elements, in points: it takes Draw's
// units and divides them by Units.
type svgRenderer struct {
	body bytes.Buffer

	fill, stroke, fontColor drawing.Color
	width                   float64 // units
	dash                    []float64
	size                    float64 // points
	bold, italic, round     bool
	anchor                  string
	rotation                float64
	rotated                 bool
	dpi                     float64

	path       strings.Builder
	curX, curY float64 // units
	hasCur     bool
}

var (
	_ gochart.Renderer = (*svgRenderer)(nil)
	_ FontStyler       = (*svgRenderer)(nil)
	_ LineJoiner       = (*svgRenderer)(nil)
	_ TextAnchorer     = (*svgRenderer)(nil)
)

func newSVGRenderer() *svgRenderer {
	r := &svgRenderer{dpi: DPI}
	r.ResetStyle()
	return r
}

// p writes a coordinate in units as points.
func p(v float64) string { return num(v / Units) }

func (r *svgRenderer) ResetStyle() {
	r.fill, r.stroke, r.fontColor = drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.width, r.dash, r.size = 0, nil, 10
	r.bold, r.italic, r.round, r.anchor = false, false, false, ""
	r.rotation, r.rotated = 0, false
}
func (r *svgRenderer) GetDPI() float64                 { return r.dpi }
func (r *svgRenderer) SetDPI(dpi float64)              { r.dpi = dpi }
func (r *svgRenderer) SetClassName(string)             {}
func (r *svgRenderer) SetStrokeColor(c drawing.Color)  { r.stroke = c }
func (r *svgRenderer) SetFillColor(c drawing.Color)    { r.fill = c }
func (r *svgRenderer) SetStrokeWidth(w float64)        { r.width = w }
func (r *svgRenderer) SetStrokeDashArray(d []float64)  { r.dash = d }
func (r *svgRenderer) SetFont(*truetype.Font)          {}
func (r *svgRenderer) SetFontColor(c drawing.Color)    { r.fontColor = c }
func (r *svgRenderer) SetFontSize(size float64)        { r.size = size }
func (r *svgRenderer) SetTextRotation(radians float64) { r.rotation, r.rotated = radians, true }
func (r *svgRenderer) ClearTextRotation()              { r.rotation, r.rotated = 0, false }
func (r *svgRenderer) SetFontStyle(bold, italic bool)  { r.bold, r.italic = bold, italic }
func (r *svgRenderer) SetLineJoin(round bool)          { r.round = round }
func (r *svgRenderer) SetTextAnchor(anchor string)     { r.anchor = anchor }

func (r *svgRenderer) moveTo(x, y float64) {
	fmt.Fprintf(&r.path, "M%s %s", p(x), p(y))
	r.curX, r.curY, r.hasCur = x, y, true
}

func (r *svgRenderer) lineTo(x, y float64) {
	if !r.hasCur {
		r.moveTo(x, y)
		return
	}
	fmt.Fprintf(&r.path, "L%s %s", p(x), p(y))
	r.curX, r.curY = x, y
}

func (r *svgRenderer) MoveTo(x, y int) { r.moveTo(float64(x), float64(y)) }
func (r *svgRenderer) LineTo(x, y int) { r.lineTo(float64(x), float64(y)) }

func (r *svgRenderer) QuadCurveTo(cx, cy, x, y int) {
	if !r.hasCur {
		r.moveTo(float64(cx), float64(cy))
	}
	fmt.Fprintf(&r.path, "Q%s %s %s %s", p(float64(cx)), p(float64(cy)), p(float64(x)), p(float64(y)))
	r.curX, r.curY = float64(x), float64(y)
}

// ArcTo adds an elliptic arc around (cx, cy) from angle start sweeping
// delta (clockwise on screen when positive, y down), joined to the current
// point by a line; in pieces of at most half a turn, so that a whole
// circle draws.
func (r *svgRenderer) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	x0, y0 := float64(cx), float64(cy)
	at := func(a float64) (float64, float64) { return x0 + rx*math.Cos(a), y0 + ry*math.Sin(a) }
	sx, sy := at(start)
	if !r.hasCur {
		r.moveTo(sx, sy)
	} else if p(sx) != p(r.curX) || p(sy) != p(r.curY) {
		r.lineTo(sx, sy)
	}
	n := int(math.Ceil(math.Abs(delta) / math.Pi))
	sweep := 0
	if delta > 0 {
		sweep = 1
	}
	for i := 1; i <= n; i++ {
		ex, ey := at(start + delta*float64(i)/float64(n))
		fmt.Fprintf(&r.path, "A%s %s 0 0 %d %s %s", p(rx), p(ry), sweep, p(ex), p(ey))
		r.curX, r.curY = ex, ey
	}
}

func (r *svgRenderer) Close() {
	if r.path.Len() > 0 {
		r.path.WriteString("Z")
	}
}

func (r *svgRenderer) Circle(radius float64, x, y int) {
	r.moveTo(float64(x)+radius, float64(y))
	r.ArcTo(x, y, radius, radius, 0, 2*math.Pi)
	r.Close()
}

func (r *svgRenderer) Stroke()     { r.draw(false, true) }
func (r *svgRenderer) Fill()       { r.draw(true, false) }
func (r *svgRenderer) FillStroke() { r.draw(true, true) }

// color writes a paint attribute and its opacity when not opaque.
func color(b *bytes.Buffer, attr string, c drawing.Color) {
	fmt.Fprintf(b, ` %s="#%02x%02x%02x"`, attr, c.R, c.G, c.B)
	if c.A < 255 {
		fmt.Fprintf(b, ` %s-opacity="%s"`, attr, num(float64(c.A)/255))
	}
}

// draw writes the path filled and/or stroked, then starts a new one.
func (r *svgRenderer) draw(fill, stroke bool) {
	d := r.path.String()
	r.path.Reset()
	r.hasCur = false
	fill = fill && r.fill.A > 0
	stroke = stroke && r.stroke.A > 0 && r.width > 0
	if d == "" || !fill && !stroke {
		return
	}
	b := &r.body
	fmt.Fprintf(b, `<path d="%s"`, d)
	if fill {
		color(b, "fill", r.fill)
	} else {
		b.WriteString(` fill="none"`)
	}
	if stroke {
		color(b, "stroke", r.stroke)
		fmt.Fprintf(b, ` stroke-width="%s"`, p(r.width))
		if r.round {
			b.WriteString(` stroke-linejoin="round" stroke-linecap="round"`)
		}
		if len(r.dash) > 0 {
			ds := make([]string, len(r.dash))
			for i, v := range r.dash {
				ds[i] = p(v)
			}
			fmt.Fprintf(b, ` stroke-dasharray="%s"`, strings.Join(ds, " "))
		}
	}
	b.WriteString("/>\n")
}

// Text writes body at (x, y): its baseline's left end, or the point its
// anchor names (SetTextAnchor), turned by the text rotation if any.
func (r *svgRenderer) Text(body string, x, y int) {
	if body == "" || r.fontColor.A == 0 {
		return
	}
	b := &r.body
	fmt.Fprintf(b, `<text x="%s" y="%s" font-size="%s"`, p(float64(x)), p(float64(y)), num(r.size))
	color(b, "fill", r.fontColor)
	if r.bold {
		b.WriteString(` font-weight="bold"`)
	}
	if r.italic {
		b.WriteString(` font-style="italic"`)
	}
	if r.anchor == "middle" || r.anchor == "end" {
		fmt.Fprintf(b, ` text-anchor="%s"`, r.anchor)
	}
	if r.rotated {
		fmt.Fprintf(b, ` transform="rotate(%s %s %s)"`, num(r.rotation*180/math.Pi), p(float64(x)), p(float64(y)))
	}
	// The layout measured the text with Liberation Sans; a reader without
	// it (Android's Roboto, DejaVu) gets a wider or narrower font. Fixing
	// the length squeezes or stretches any font into the measured box, so
	// that no label runs past the room the layout reserved for it.
	if w := Width(body, r.fontStyle(), r.size); w > 0 {
		fmt.Fprintf(b, ` textLength="%s" lengthAdjust="spacingAndGlyphs"`, num(w))
	}
	fmt.Fprintf(b, ">%s</text>\n", escape(body))
}

// MeasureText measures body with the layout's font, in units.
func (r *svgRenderer) MeasureText(body string) gochart.Box {
	w := int(math.Ceil(Width(body, r.fontStyle(), r.size) * Units))
	h := int(math.Ceil(r.size * capHeight * Units))
	box := gochart.Box{Right: w, Bottom: h}
	if !r.rotated {
		return box
	}
	return box.Corners().Rotate(gochart.RadiansToDegrees(r.rotation)).Box()
}

// fontStyle is the current style as Width takes it: "", "B", "I" or "BI".
func (r *svgRenderer) fontStyle() string {
	style := ""
	if r.bold {
		style += "B"
	}
	if r.italic {
		style += "I"
	}
	return style
}

// Save writes the elements drawn so far.
func (r *svgRenderer) Save(w io.Writer) error {
	_, err := w.Write(r.body.Bytes())
	return err
}
