package chart

import (
	"fmt"
	"math"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// Units is the number of renderer units in a point: go-chart's Renderer
// takes integer coordinates, and at a twentieth of a point (0.018 mm) their
// rounding is invisible on paper and on screen.
const Units = 20

// DPI is the resolution of the units Draw hands a renderer.
const DPI = 72 * Units

// FontStyler is a renderer that can set bold and italic text, which
// go-chart's Renderer cannot: Draw calls it before every text when the
// renderer has it, else text is drawn in the renderer's regular font.
type FontStyler interface {
	SetFontStyle(bold, italic bool)
}

// LineJoiner is a renderer that can round the joins and ends of strokes,
// which go-chart's Renderer cannot: Draw calls it before every stroke when
// the renderer has it (lines and sparklines are round, the rest mitred).
type LineJoiner interface {
	SetLineJoin(round bool)
}

// TextAnchorer is a renderer that can anchor text by its start, middle or
// end ("start", "middle", "end"), which go-chart's Renderer cannot: when
// the renderer has it, Draw gives Text the anchor point, so that a centred
// or right-aligned label stays so in a font of other widths (a browser's
// fallback); else Text gets the left end the layout measured.
type TextAnchorer interface {
	SetTextAnchor(anchor string)
}

// Draw draws the layout on r, from r's origin: coordinates are points
// times Units, as are stroke widths and radii; font sizes are points.
// Colours carry their alpha; text is set with go-chart's Text, its
// baseline's left end at the point, turned by SetTextRotation (−π/2 reads
// upwards).
func (l *Layout) Draw(r gochart.Renderer) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("chart: drawing: %v", p)
		}
	}()
	fs, _ := r.(FontStyler)
	lj, _ := r.(LineJoiner)
	ta, _ := r.(TextAnchorer)
	r.SetDPI(DPI)
	for _, o := range l.ops {
		if o.text != "" {
			r.SetFontSize(o.size)
			if fs != nil {
				fs.SetFontStyle(o.style == "B" || o.style == "BI", o.style == "I" || o.style == "BI")
			}
			r.SetFontColor(o.color)
			if o.turned {
				r.SetTextRotation(-math.Pi / 2)
			}
			x := o.x
			if ta != nil {
				ta.SetTextAnchor(map[byte]string{'l': "start", 'c': "middle", 'r': "end"}[o.align])
				x = o.ax
			}
			r.Text(o.text, u(x), u(o.y))
			if o.turned {
				r.ClearTextRotation()
			}
			continue
		}
		for _, s := range o.path {
			p := s.p
			switch s.kind {
			case 'm':
				r.MoveTo(u(p[0]), u(p[1]))
			case 'l':
				r.LineTo(u(p[0]), u(p[1]))
			case 'a':
				r.ArcTo(u(p[0]), u(p[1]), p[2]*Units, p[3]*Units, p[4], p[5])
			case 'h':
				r.Close()
			}
		}
		r.SetFillColor(o.fill)
		r.SetStrokeColor(o.stroke)
		r.SetStrokeWidth(o.width * Units)
		r.SetStrokeDashArray(nil)
		if lj != nil && o.width > 0 {
			lj.SetLineJoin(o.round)
		}
		switch {
		case o.fill.A > 0 && o.width > 0:
			r.FillStroke()
		case o.fill.A > 0:
			r.Fill()
		default:
			r.Stroke()
		}
	}
	return nil
}

// u turns points into renderer units.
func u(v float64) int { return int(math.Round(v * Units)) }
