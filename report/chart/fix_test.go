package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"rendiconto/report/document"
)

// The em box of Liberation Sans, in ems: a browser's box of a text runs
// from the ascent above the baseline to the descent below.
const (
	testAscent  = 0.905
	testDescent = 0.212
)

// textBox returns the box a text op takes on the page: left, top, right,
// bottom, in points.
func textBox(o op) (x0, y0, x1, y1 float64) {
	w := Width(o.text, o.style, o.size)
	if o.turned { // reads upwards from (x, y): its ascent on the left
		return o.x - testAscent*o.size, o.y - w, o.x + testDescent*o.size, o.y
	}
	return o.x, o.y - testAscent*o.size, o.x + w, o.y + testDescent*o.size
}

// boxCases are the SVG cases and a few more that put labels at the edges:
// the top bar's value, a line's end labels, a comparison whose earlier
// figure is the larger one.
func boxCases() []svgCase {
	cases := svgCases()
	return append(cases,
		svgCase{"bar-top", Data{Kind: Bar, Labels: []string{"A", "B", "C"}, Series: gallerySeries(10, 3, 7)}},
		svgCase{"bar-negative", Data{Kind: Bar, Signed: true, Labels: []string{"A", "B"}, Series: gallerySeries(-10, 4)}},
		svgCase{"line-ends", Data{Kind: Line, Labels: []string{"2019", "2020"}, Series: []Series{
			{Name: "Uno", Values: []float64{3, 10}}, {Name: "Due", Values: []float64{4, 10}}, {Name: "Tre", Values: []float64{0, 1}}}}},
		svgCase{"line-one", Data{Kind: Line, Labels: []string{"2019", "2020", "2021"}, Series: []Series{{Name: "Uno", Values: []float64{10, 2, 10}}}}},
		svgCase{"dumbbell-fall", Data{Kind: Dumbbell, Labels: []string{"Navile", "Savena"}, Series: []Series{
			{Name: "2019", Values: []float64{1450, 20}}, {Name: "2020", Values: []float64{300, 1300}}}}},
		svgCase{"hbar-titled", Data{Kind: HBar, Title: "Progetti per ambito", Labels: []string{"A", "B"}, Series: gallerySeries(10, 2)}},
	)
}

// TestTextsInsideTheBox: every text a layout sets, of every kind, in
// every box and size, has its whole em box inside the layout's rectangle:
// nothing relies on the SVG showing what overflows it.
func TestTextsInsideTheBox(t *testing.T) {
	boxes := [][2]float64{{400, 220}, {350, 260}, {200, 120}, {600, 90}}
	for _, tc := range boxCases() {
		for _, box := range boxes {
			for _, size := range []float64{8, 10} {
				st := DefaultStyle()
				st.FontSize = size
				l, err := Lay(tc.d, box[0], box[1], st)
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				for _, o := range l.ops {
					if o.text == "" {
						continue
					}
					x0, y0, x1, y1 := textBox(o)
					const eps = 0.01
					if x0 < -eps || y0 < -eps || x1 > box[0]+eps || y1 > box[1]+eps {
						t.Errorf("%s %gx%g %gpt: %q at %.1f,%.1f..%.1f,%.1f is outside the box",
							tc.name, box[0], box[1], size, o.text, x0, y0, x1, y1)
					}
				}
			}
		}
	}
}

// TestLongLabelKeepsTheOthers: one label too long for its row is
// shortened; the other labels keep the style's size and stay whole.
func TestLongLabelKeepsTheOthers(t *testing.T) {
	long := strings.Repeat("Anziani e invecchiamento attivo oltre i 65 anni ", 4)
	for _, kind := range []string{HBar, Dumbbell} {
		d := Data{Kind: kind, Labels: []string{"Navile", long, "San Donato-San Vitale"}, Series: gallerySeries(3, 7, 5)}
		if kind == Dumbbell {
			d.Series = []Series{{Name: "2019", Values: []float64{3, 7, 5}}, {Name: "2020", Values: []float64{4, 6, 5}}}
		}
		for _, w := range []float64{350, 462} {
			l, err := Lay(d, w, 160, DefaultStyle())
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			cut := 0
			for _, o := range l.ops {
				if o.text != "" {
					got[o.text] = o.size
					if strings.HasSuffix(o.text, "…") {
						cut++
						if o.size != 8 {
							t.Errorf("%s %g: the shortened label is set at %g pt", kind, w, o.size)
						}
					}
				}
			}
			for _, want := range []string{"Navile", "San Donato-San Vitale"} {
				if got[want] != 8 {
					t.Errorf("%s %g: %q set at %g pt, want 8 (texts %q)", kind, w, want, got[want], l.Texts())
				}
			}
			if cut != 1 || l.Shortened() != 1 || l.shrunk != 0 {
				t.Errorf("%s %g: %d labels drawn shortened, Shortened %d, shrunk %d; want 1, 1, 0", kind, w, cut, l.Shortened(), l.shrunk)
			}
		}
	}
}

// TestCountTicksWhole: an axis of counts steps by whole numbers, its ticks
// printed without decimals, whatever the range and the room.
func TestCountTicksWhole(t *testing.T) {
	for hi := 1.0; hi <= 60; hi++ {
		for maxTicks := 2; maxTicks <= 7; maxTicks++ {
			sc := niceScale(0, hi, maxTicks, 1)
			if sc.step != math.Trunc(sc.step) || sc.hi < hi {
				t.Errorf("niceScale(0, %g, %d, 1) = %+v: want a whole step covering %g", hi, maxTicks, sc, hi)
			}
		}
	}
	// the reviewer's case: 0 to 10 projects, laid out in the web's box
	for _, kind := range []string{Bar, HBar, Line} {
		d := Data{Kind: kind, Labels: []string{"A", "B", "C"}, Series: []Series{{Name: "Progetti", Values: []float64{10, 3, 7}}}}
		for _, h := range []float64{120, 160, 260} {
			l, err := Lay(d, 350, h, DefaultStyle())
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range l.Texts() {
				if strings.Contains(s, ",") {
					t.Errorf("%s %g: tick or label %q has decimals (%q)", kind, h, s, l.Texts())
				}
			}
		}
	}
}

// TestTextContrast: every text a chart draws has a contrast of at least
// 4.5:1 with what it stands on (white, or the segment it labels), in the
// default palette and in a light one, with and without the web's fills;
// and with MinFillContrast every mark that carries data reaches it.
func TestTextContrast(t *testing.T) {
	light := []string{"#a6cee3", "#b2df8a", "#fdbf6f", "#cab2d6", "#ffff99", "#fb9a99"}
	for _, pal := range [][]string{nil, light} {
		for _, fill := range []float64{0, MinMarkContrast} {
			st := DefaultStyle()
			if pal != nil {
				st.Palette = pal
			}
			st.MinFillContrast = fill
			for _, tc := range boxCases() {
				name := fmt.Sprintf("%s palette %v fill %g", tc.name, pal != nil, fill)
				l, err := Lay(tc.d, 400, 220, st)
				if err != nil {
					t.Fatal(err)
				}
				for _, o := range l.ops {
					if o.text != "" {
						bg := o.bg
						if bg.A == 0 {
							bg = White
						}
						if c := Contrast(o.color, bg); c < MinTextContrast-1e-9 {
							t.Errorf("%s: %q in %v on %v: contrast %.2f", name, o.text, o.color, bg, c)
						}
						continue
					}
					if fill > 0 && !quiet(o) {
						for _, col := range []drawing.Color{o.fill, o.stroke} {
							if col.A > 0 && col != White {
								if c := Contrast(col, White); c < fill-1e-9 {
									t.Errorf("%s: a mark in %v: contrast %.2f", name, col, c)
								}
							}
						}
					}
				}
			}
		}
	}
}

// TestDarken: a colour that passes stays; one that does not is darkened
// just enough.
func TestDarken(t *testing.T) {
	grey, _ := ParseColor("#8f8f8f")
	if c := Contrast(grey, White); c > 3.3 || c < 3.1 {
		t.Errorf("#8f8f8f: contrast %.2f, want 3.2", c)
	}
	d := Darken(grey, MinTextContrast, White)
	if Contrast(d, White) < MinTextContrast || Contrast(Mix(grey, drawing.Color{A: 255}, 0.0), White) >= MinTextContrast {
		t.Errorf("Darken(#8f8f8f) = %v: contrast %.2f", d, Contrast(d, White))
	}
	blue, _ := ParseColor("#1f5f8b")
	if Darken(blue, MinTextContrast, White) != blue {
		t.Errorf("a colour that passes was changed")
	}
}

// quiet reports whether an op is drawn only in the colours that carry no
// data: paper, grid, the empty chart's greys.
func quiet(o op) bool {
	grid, _ := ParseColor(DefaultStyle().GridColor)
	for _, col := range []drawing.Color{o.fill, o.stroke} {
		switch col {
		case drawing.Color{}, White, grid, Mix(grid, White, 0.75), Mix(grid, White, 0.4):
		default:
			return false
		}
	}
	return true
}

// webStyle is the style the web edition lays its charts out in (see
// cmd/rendiconto htmlOptions): 350 points wide, 10-point text, never below
// 8.8 points (9 pixels on a phone), data marks at 3:1.
func webStyle() Style {
	st := DefaultStyle()
	st.FontSize, st.MinFontSize, st.MinFillContrast, st.LabelLines = 10, 8.8, MinMarkContrast, 3
	return st
}

// TestScreenHeight: laid out for the web at ScreenHeight, every case of
// every kind keeps its text at or above the floor, none left out, every
// row and legend in its room (a label may be shortened, and a bar chart's
// long category names turned), inside the box.
func TestScreenHeight(t *testing.T) {
	st := webStyle()
	for _, tc := range boxCases() {
		c := &document.Chart{Kind: tc.d.Kind, Labels: tc.d.Labels, Percent: tc.d.Percent}
		for _, s := range tc.d.Series {
			c.Series = append(c.Series, document.Series{Name: s.Name, Values: s.Values})
		}
		h := ScreenHeight(c, 350, st.FontSize)
		l, err := Lay(tc.d, 350, h, st)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if l.hidden > 0 || l.crowded > 0 || l.Smallest() < st.MinFontSize {
			t.Errorf("%s at 350x%.0f: smallest text %g pt, %d value groups left out, %d crowded",
				tc.name, h, l.Smallest(), l.hidden, l.crowded)
		}
		for _, o := range l.ops {
			if o.text == "" {
				continue
			}
			if x0, y0, x1, y1 := textBox(o); x0 < -0.01 || y0 < -0.01 || x1 > 350.01 || y1 > h+0.01 {
				t.Errorf("%s at 350x%.0f: %q outside the box", tc.name, h, o.text)
			}
		}
	}
}

// TestLabelLines: in the web style (LabelLines 3, at ScreenHeight) a long
// pie legend or row label takes up to three lines whole; in the PDF's style
// a legend label takes two, shortened with "…"; an extreme label (150
// characters) is shortened in both.
func TestLabelLines(t *testing.T) {
	long := "Servizi di assistenza domiciliare integrata per anziani"
	longer := "Servizi di assistenza domiciliare integrata per anziani non autosufficienti, disabili gravi e le loro famiglie, con pasti a domicilio e trasporto"
	extreme := strings.Repeat("Interventi per l'inclusione sociale ", 5)[:150]
	tests := []struct {
		kind      string
		label     string
		web       bool
		lines     int
		shortened bool
	}{
		{Pie, long, true, 3, false},
		{Donut, long, true, 3, false},
		{Pie, longer, false, 2, true},
		{Pie, long, false, 1, false},
		{HBar, long, true, 3, false},
		{Dumbbell, long, true, 3, false},
		{Pie, extreme, true, 3, true},
		{HBar, extreme, true, 3, true},
		{Pie, extreme, false, 2, true},
	}
	for _, tt := range tests {
		labels := []string{"Altro", tt.label, "Contributi economici"}
		c := &document.Chart{Kind: tt.kind, Labels: labels, Series: []document.Series{{Name: "2019", Values: []float64{120, 340, 75}}}}
		if tt.kind == Dumbbell {
			c.Series = append(c.Series, document.Series{Name: "2020", Values: []float64{130, 300, 90}})
		}
		d := FromDocument(c, "it")
		st, w, h := DefaultStyle(), 163*72/25.4, ReportHeight(c)*72/25.4
		if tt.web {
			st, w = webStyle(), 350
			h = ScreenHeight(c, w, st.FontSize)
		}
		l, err := Lay(d, w, h, st)
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Fields(tt.label)
		lines := 0
		for _, s := range l.Texts() {
			if f := strings.Fields(s); len(f) > 0 && slices.Contains(words, f[0]) {
				lines++
			}
		}
		if lines != tt.lines || (l.Shortened() > 0) != tt.shortened || !l.Legible() {
			t.Errorf("%s web=%v %.20q…: %d lines, %d shortened, legible %v; want %d lines, shortened %v\n%q",
				tt.kind, tt.web, tt.label, lines, l.Shortened(), l.Legible(), tt.lines, tt.shortened, l.Texts())
		}
	}
}
