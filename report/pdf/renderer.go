package pdf

import (
	"fmt"
	"io"
	"math"

	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"rendiconto/report/chart"
)

// pxPerPt is the number of renderer pixels in a typographic point: the
// units package chart draws in. go-chart draws on integer pixels, so a
// pixel of a twentieth of a point keeps its rounding invisible in print.
const pxPerPt = chart.Units

// RendererDPI is the resolution of a Renderer's pixel space. Give it to
// go-chart charts (their DPI field) so that font sizes are points.
const RendererDPI = chart.DPI

// capHeight is the height of a capital letter of the font, in ems.
const capHeight = 0.72

var (
	_ gochart.Renderer = (*Renderer)(nil)
	_ chart.FontStyler = (*Renderer)(nil)
	_ chart.LineJoiner = (*Renderer)(nil)
)

// DrawChart lays d out and draws it into the rectangle x, y, w, h (user
// units, normally mm) of the current page of f, as vector paths and text in
// the font RegisterFonts registers, which the document must have. The
// document's colours, line width and font size are restored afterwards;
// the font family and style are left as the chart's.
func DrawChart(f *fpdf.Fpdf, x, y, w, h float64, d chart.Data, st Style) error {
	if err := f.Error(); err != nil {
		return err
	}
	k := f.GetConversionRatio() // points a user unit
	l, err := chart.Lay(d, w*k, h*k, st)
	if err != nil {
		return err
	}
	return drawLayout(f, x, y, l)
}

// drawLayout draws a laid-out chart with its top left corner at x, y.
func drawLayout(f *fpdf.Fpdf, x, y float64, l *chart.Layout) error {
	w, h := l.Size()
	k := f.GetConversionRatio()
	r := NewRenderer(f, x, y, w/k, h/k, FontFamily)
	err := l.Draw(r)
	if serr := r.Save(nil); err == nil {
		err = serr
	}
	return err
}

// Renderer implements gochart.Renderer on an fpdf page: go-chart's pixel space
// (RendererDPI pixels an inch, y down) is mapped onto a rectangle of the
// page. Paths are buffered and emitted as PDF path operators when stroked or
// filled; text is written in the document's font. Save restores the
// document's colours, line width and font size.
type Renderer struct {
	f      *fpdf.Fpdf
	x0, y0 float64 // rectangle origin, user units
	unit   float64 // user units per pixel
	w, h   int     // rectangle size, pixels
	dpi    float64
	family string

	stroke, fill, fontColor drawing.Color
	strokeWidth             float64   // pixels
	dash                    []float64 // pixels
	fontSize                float64   // points
	fontStyle               string    // fpdf style: "", "B", "I", "BI"
	rotation                float64   // radians, clockwise in y-down space
	rotated                 bool

	path       []pathOp
	curX, curY float64 // current point, pixels
	hasCur     bool

	saved docState
	out   emitted
}

// emitted is what the renderer last set in the document. fpdf writes an
// operator on every setter call, even for the current value, so the
// renderer skips calls that would not change anything.
type emitted struct {
	font             fontKey
	draw, fill       drawing.Color
	hasDraw, hasFill bool
	width            float64 // user units, -1 before the first
	dash             string
	round            bool // round joins and caps
}

// pathOp is one buffered path operator with its points in pixels.
type pathOp struct {
	kind byte // 'm' move, 'l' line, 'c' cubic Bézier, 'h' close
	p    [6]float64
}

// docState is the part of the document's graphics state a Renderer changes.
type docState struct {
	draw, fill, text [3]int
	lineWidth        float64
	fontSize         float64
	alpha            float64
	blend            string
}

// NewRenderer returns a Renderer drawing into the rectangle x, y, w, h of
// the current page of f (user units) with the given font family, which the
// document must have registered.
func NewRenderer(f *fpdf.Fpdf, x, y, w, h float64, family string) *Renderer {
	unit := 1 / (f.GetConversionRatio() * pxPerPt)
	r := &Renderer{
		f: f, x0: x, y0: y, unit: unit,
		w: int(math.Round(w / unit)), h: int(math.Round(h / unit)),
		dpi: RendererDPI, family: family,
	}
	r.saved = saveState(f)
	r.forget()
	r.ResetStyle()
	return r
}

func saveState(f *fpdf.Fpdf) docState {
	var s docState
	s.draw[0], s.draw[1], s.draw[2] = f.GetDrawColor()
	s.fill[0], s.fill[1], s.fill[2] = f.GetFillColor()
	s.text[0], s.text[1], s.text[2] = f.GetTextColor()
	s.lineWidth = f.GetLineWidth()
	s.fontSize, _ = f.GetFontSize()
	s.alpha, s.blend = f.GetAlpha()
	return s
}

// restore puts back the document state saved by NewRenderer. fpdf has no
// getter for the font family and style: they stay those of the gochart.
func (r *Renderer) restore() {
	f, s := r.f, r.saved
	f.SetDrawColor(s.draw[0], s.draw[1], s.draw[2])
	f.SetFillColor(s.fill[0], s.fill[1], s.fill[2])
	f.SetTextColor(s.text[0], s.text[1], s.text[2])
	f.SetLineWidth(s.lineWidth)
	f.SetDashPattern(nil, 0)
	f.SetLineCapStyle("butt")
	f.SetLineJoinStyle("miter")
	if s.fontSize > 0 {
		f.SetFontSize(s.fontSize)
	}
	if s.blend == "" {
		s.blend = "Normal"
	}
	f.SetAlpha(s.alpha, s.blend)
	r.forget()
}

// forget clears what the renderer knows of the document's state.
func (r *Renderer) forget() {
	r.out = emitted{width: -1, dash: "?"}
}

// Size returns the rectangle's size in pixels, the width and height to give
// a go-chart gochart.
func (r *Renderer) Size() (w, h int) { return r.w, r.h }

// Provider returns a gochart.RendererProvider handing out r, for a go-chart
// chart's Render method.
func (r *Renderer) Provider() gochart.RendererProvider {
	return func(int, int) (gochart.Renderer, error) { return r, nil }
}

// ux and uy map pixels to user units on the page.
func (r *Renderer) ux(x float64) float64 { return r.x0 + x*r.unit }
func (r *Renderer) uy(y float64) float64 { return r.y0 + y*r.unit }

// ResetStyle implements gochart.Renderer; the font family is kept.
func (r *Renderer) ResetStyle() {
	r.stroke, r.fill, r.fontColor = drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.strokeWidth, r.dash = 0, nil
	r.fontSize, r.fontStyle = 10, ""
	r.rotated, r.rotation = false, 0
}

// GetDPI implements gochart.Renderer.
func (r *Renderer) GetDPI() float64 { return r.dpi }

// SetDPI implements gochart.Renderer. The pixel space stays RendererDPI: font
// sizes are points whatever the chart's DPI.
func (r *Renderer) SetDPI(dpi float64) { r.dpi = dpi }

// SetClassName implements gochart.Renderer; PDF has no classes.
func (r *Renderer) SetClassName(string) {}

// SetStrokeColor implements gochart.Renderer.
func (r *Renderer) SetStrokeColor(c drawing.Color) { r.stroke = c }

// SetFillColor implements gochart.Renderer.
func (r *Renderer) SetFillColor(c drawing.Color) { r.fill = c }

// SetStrokeWidth implements gochart.Renderer; width is in pixels.
func (r *Renderer) SetStrokeWidth(width float64) { r.strokeWidth = width }

// SetStrokeDashArray implements gochart.Renderer; lengths are in pixels.
func (r *Renderer) SetStrokeDashArray(dash []float64) { r.dash = dash }

// MoveTo implements gochart.Renderer.
func (r *Renderer) MoveTo(x, y int) { r.moveTo(float64(x), float64(y)) }

// LineTo implements gochart.Renderer.
func (r *Renderer) LineTo(x, y int) { r.lineTo(float64(x), float64(y)) }

// QuadCurveTo implements gochart.Renderer as the equivalent cubic Bézier.
func (r *Renderer) QuadCurveTo(cx, cy, x, y int) {
	qx, qy, ex, ey := float64(cx), float64(cy), float64(x), float64(y)
	if !r.hasCur {
		r.moveTo(qx, qy)
	}
	sx, sy := r.curX, r.curY
	r.cubicTo(sx+2.0/3*(qx-sx), sy+2.0/3*(qy-sy), ex+2.0/3*(qx-ex), ey+2.0/3*(qy-ey), ex, ey)
}

// ArcTo implements gochart.Renderer: an elliptic arc around (cx, cy) from
// startAngle, sweeping delta radians (positive is clockwise on the page, as
// angles grow towards y down), joined to the current point by a line.
func (r *Renderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	r.arcTo(float64(cx), float64(cy), rx, ry, startAngle, delta)
}

// Close implements gochart.Renderer.
func (r *Renderer) Close() {
	if len(r.path) > 0 {
		r.path = append(r.path, pathOp{kind: 'h'})
	}
}

// Stroke implements gochart.Renderer.
func (r *Renderer) Stroke() { r.drawPath(false, true) }

// Fill implements gochart.Renderer.
func (r *Renderer) Fill() { r.drawPath(true, false) }

// FillStroke implements gochart.Renderer.
func (r *Renderer) FillStroke() { r.drawPath(true, true) }

// Circle implements gochart.Renderer: it adds a circle to the path, to be
// stroked or filled.
func (r *Renderer) Circle(radius float64, x, y int) {
	cx, cy := float64(x), float64(y)
	r.moveTo(cx+radius, cy)
	r.arcTo(cx, cy, radius, radius, 0, 2*math.Pi)
	r.Close()
}

// SetFont implements gochart.Renderer. go-chart's TrueType font is not used:
// text is written in the renderer's font family.
func (r *Renderer) SetFont(*truetype.Font) {}

// SetFontStyle implements package chart's FontStyler.
func (r *Renderer) SetFontStyle(bold, italic bool) {
	r.fontStyle = ""
	if bold {
		r.fontStyle += "B"
	}
	if italic {
		r.fontStyle += "I"
	}
}

// SetLineJoin implements package chart's LineJoiner: round joins and caps
// from here on, or mitred joins and butt caps.
func (r *Renderer) SetLineJoin(round bool) {
	if round == r.out.round {
		return
	}
	r.out.round = round
	if round {
		r.f.SetLineJoinStyle("round")
		r.f.SetLineCapStyle("round")
	} else {
		r.f.SetLineJoinStyle("miter")
		r.f.SetLineCapStyle("butt")
	}
}

// SetFontColor implements gochart.Renderer.
func (r *Renderer) SetFontColor(c drawing.Color) { r.fontColor = c }

// SetFontSize implements gochart.Renderer; size is in points.
func (r *Renderer) SetFontSize(size float64) { r.fontSize = size }

// Text implements gochart.Renderer: body is written with its baseline's left
// end at (x, y), turned by the text rotation if any.
func (r *Renderer) Text(body string, x, y int) { r.text(printable(body), float64(x), float64(y)) }

// MeasureText implements gochart.Renderer with the PDF font's metrics, so
// measured and drawn widths agree.
func (r *Renderer) MeasureText(body string) gochart.Box {
	w := int(math.Ceil(r.measure(printable(body))))
	h := int(math.Ceil(r.fontSize * capHeight * pxPerPt))
	box := gochart.Box{Right: w, Bottom: h}
	if !r.rotated {
		return box
	}
	return box.Corners().Rotate(gochart.RadiansToDegrees(r.rotation)).Box()
}

// SetTextRotation implements gochart.Renderer.
func (r *Renderer) SetTextRotation(radians float64) { r.rotation, r.rotated = radians, true }

// ClearTextRotation implements gochart.Renderer.
func (r *Renderer) ClearTextRotation() { r.rotation, r.rotated = 0, false }

// Save implements gochart.Renderer: the drawing is already on the page, so it
// writes nothing to w; it restores the document state and returns the
// document's error, if any.
func (r *Renderer) Save(io.Writer) error {
	r.restore()
	return r.f.Error()
}

func (r *Renderer) moveTo(x, y float64) {
	r.path = append(r.path, pathOp{kind: 'm', p: [6]float64{x, y}})
	r.curX, r.curY, r.hasCur = x, y, true
}

// lineTo starts a path at (x, y) when there is none, as go-chart expects.
func (r *Renderer) lineTo(x, y float64) {
	if !r.hasCur {
		r.moveTo(x, y)
		return
	}
	r.path = append(r.path, pathOp{kind: 'l', p: [6]float64{x, y}})
	r.curX, r.curY = x, y
}

func (r *Renderer) cubicTo(x1, y1, x2, y2, x, y float64) {
	r.path = append(r.path, pathOp{kind: 'c', p: [6]float64{x1, y1, x2, y2, x, y}})
	r.curX, r.curY = x, y
}

// arcTo approximates the arc with cubic Béziers of at most a quarter turn
// each. It works in y-down space on both sides: the point at angle a is
// (cx + rx cos a, cy + ry sin a), as in go-chart's raster renderer.
func (r *Renderer) arcTo(cx, cy, rx, ry, start, delta float64) {
	sx, sy := cx+rx*math.Cos(start), cy+ry*math.Sin(start)
	if r.hasCur {
		if math.Abs(sx-r.curX) > 1e-6 || math.Abs(sy-r.curY) > 1e-6 {
			r.lineTo(sx, sy)
		}
	} else {
		r.moveTo(sx, sy)
	}
	n := int(math.Ceil(math.Abs(delta) / (math.Pi / 2)))
	if n == 0 {
		return
	}
	step := delta / float64(n)
	k := 4.0 / 3 * math.Tan(step/4)
	a := start
	for range n {
		b := a + step
		cosA, sinA, cosB, sinB := math.Cos(a), math.Sin(a), math.Cos(b), math.Sin(b)
		r.cubicTo(
			cx+rx*(cosA-k*sinA), cy+ry*(sinA+k*cosA),
			cx+rx*(cosB+k*sinB), cy+ry*(sinB-k*cosB),
			cx+rx*cosB, cy+ry*sinB)
		a = b
	}
}

// drawPath emits the buffered path filled and/or stroked, then clears it.
// A transparent colour or a zero width means that part is not drawn.
func (r *Renderer) drawPath(fill, stroke bool) {
	defer r.clearPath()
	fill = fill && r.fill.A > 0
	stroke = stroke && r.stroke.A > 0 && r.strokeWidth > 0
	if len(r.path) == 0 || (!fill && !stroke) {
		return
	}
	f := r.f
	style := "F"
	alpha := r.fill.A
	if stroke {
		r.setDraw(r.stroke)
		r.setLineWidth(r.strokeWidth * r.unit)
		r.setDash()
		style, alpha = "D", r.stroke.A
	}
	if fill {
		r.setFill(r.fill)
		style, alpha = "F", r.fill.A
		if stroke {
			style = "FD"
		}
	}
	r.setAlpha(alpha)
	for _, op := range r.path {
		p := op.p
		switch op.kind {
		case 'm':
			f.MoveTo(r.ux(p[0]), r.uy(p[1]))
		case 'l':
			f.LineTo(r.ux(p[0]), r.uy(p[1]))
		case 'c':
			f.CurveBezierCubicTo(r.ux(p[0]), r.uy(p[1]), r.ux(p[2]), r.uy(p[3]), r.ux(p[4]), r.uy(p[5]))
		case 'h':
			f.ClosePath()
		}
	}
	f.DrawPath(style)
	r.setAlpha(255)
}

func (r *Renderer) clearPath() {
	r.path = r.path[:0]
	r.hasCur = false
}

func (r *Renderer) setDraw(c drawing.Color) {
	if !r.out.hasDraw || r.out.draw != c {
		r.f.SetDrawColor(int(c.R), int(c.G), int(c.B))
		r.out.draw, r.out.hasDraw = c, true
	}
}

func (r *Renderer) setFill(c drawing.Color) {
	if !r.out.hasFill || r.out.fill != c {
		r.f.SetFillColor(int(c.R), int(c.G), int(c.B))
		r.out.fill, r.out.hasFill = c, true
	}
}

func (r *Renderer) setLineWidth(w float64) {
	if r.out.width != w {
		r.f.SetLineWidth(w)
		r.out.width = w
	}
}

func (r *Renderer) setDash() {
	key := fmt.Sprint(r.dash)
	if key == r.out.dash {
		return
	}
	r.out.dash = key
	d := make([]float64, len(r.dash))
	for i, v := range r.dash {
		d[i] = v * r.unit
	}
	r.f.SetDashPattern(d, 0)
}

// setAlpha sets the PDF opacity, emitting nothing when it does not change.
func (r *Renderer) setAlpha(a uint8) {
	v := float64(a) / 255
	if cur, _ := r.f.GetAlpha(); cur != v {
		r.f.SetAlpha(v, "Normal")
	}
}

// useFont makes the renderer's font current in the document.
type fontKey struct {
	family, style string
	size          float64
}

func (r *Renderer) useFont() {
	key := fontKey{r.family, r.fontStyle, r.fontSize}
	if key != r.out.font {
		r.f.SetFont(r.family, r.fontStyle, r.fontSize)
		r.out.font = key
	}
}

// measure returns the width of s in pixels in the current font.
func (r *Renderer) measure(s string) float64 {
	return chart.Width(s, r.fontStyle, r.fontSize) * pxPerPt
}

// text writes s with its baseline's left end at (x, y) pixels.
func (r *Renderer) text(s string, x, y float64) {
	if s == "" || r.fontColor.A == 0 {
		return
	}
	f := r.f
	r.useFont()
	f.SetTextColor(int(r.fontColor.R), int(r.fontColor.G), int(r.fontColor.B))
	r.setAlpha(r.fontColor.A)
	ux, uy := r.ux(x), r.uy(y)
	if r.rotated {
		f.TransformBegin()
		// fpdf turns counter-clockwise, go-chart clockwise (y down).
		f.TransformRotate(-r.rotation*180/math.Pi, ux, uy)
		f.Text(ux, uy, s)
		f.TransformEnd()
	} else {
		f.Text(ux, uy, s)
	}
	r.setAlpha(255)
}
