package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"rendiconto/report/document"
	"rendiconto/report/fonts"
	"rendiconto/report/words"
)

// The chart kinds are document's: document.ChartKinds is the one list.
const (
	Bar      = document.ChartBar
	HBar     = document.ChartHBar
	Stacked  = document.ChartStacked
	Donut    = document.ChartDonut
	Pie      = document.ChartPie
	Line     = document.ChartLine
	Spark    = document.ChartSpark
	Dumbbell = document.ChartDumbbell
)

// Series is a named row of values, one per category.
type Series struct {
	Name   string
	Values []float64
}

// Data is what a chart shows, independent of its look.
type Data struct {
	Kind    string   // one of document.ChartKinds
	Title   string   // may be empty: the report prints captions itself
	Labels  []string // one per category: x axis, bar, slice or line point
	Series  []Series // one for bar, hbar, donut and pie; one or more for the others
	Percent bool     // values are fractions 0..1 printed as "17%" or "17,2%"
	Lang    string   // words and number format: "it" (default) or "en"
	Signed  bool     // values are changes, their labels signed: "+2,1%", "−6,1%"
	Span    float64  // hbar: when positive, the axis runs at least from −Span to Span
}

// FromDocument returns the data of a document's chart, in lang.
func FromDocument(c *document.Chart, lang string) Data {
	d := Data{Kind: c.Kind, Labels: c.Labels, Percent: c.Percent, Lang: lang, Signed: c.Signed, Span: c.Span}
	for _, s := range c.Series {
		d.Series = append(d.Series, Series{Name: s.Name, Values: s.Values})
	}
	return d
}

// ParseKind checks that s is a chart kind.
func ParseKind(s string) (string, error) {
	if !document.ValidChartKind(s) {
		return "", fmt.Errorf("unknown chart kind %q (one of: %s)", s, strings.Join(document.ChartKinds(), ", "))
	}
	return s, nil
}

// printable returns a copy of d whose texts the font draws.
func (d Data) printable() Data {
	d.Title = fonts.Printable(d.Title)
	labels := make([]string, len(d.Labels))
	for i, l := range d.Labels {
		labels[i] = fonts.Printable(l)
	}
	d.Labels = labels
	series := make([]Series, len(d.Series))
	for i, s := range d.Series {
		series[i] = Series{Name: fonts.Printable(s.Name), Values: s.Values}
	}
	d.Series = series
	return d
}

// counts reports whether d holds whole numbers, not percentages.
func (d Data) counts() bool {
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

// Empty reports whether d has nothing to show: the chart is a "no data" box.
func (d Data) Empty() bool {
	return len(d.Labels) == 0 || len(d.Series) == 0
}

// validate checks the data against its kind.
func (d Data) validate() error {
	if _, err := ParseKind(d.Kind); err != nil {
		return err
	}
	if d.Empty() {
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

// noData is the placeholder's text in lang.
func noData(lang string) string { return words.For(lang).Chart.NoData }

// ReportHeight is the height in millimetres a chart of c's kind and number of
// categories takes in a report whose text is 163 mm wide, its text at
// DefaultStyle's 8 points: the PDF sets it so (ScreenHeight is the web's).
func ReportHeight(c *document.Chart) float64 {
	n := float64(len(c.Labels))
	switch c.Kind {
	case document.ChartHBar:
		return min(max(28, 9+n*7.2), 190)
	case document.ChartDonut, document.ChartPie:
		return max(62, 16+n*5.2)
	case document.ChartLine:
		return 58
	case document.ChartDumbbell:
		return min(max(36, 17+n*7.2), 200)
	case document.ChartSpark:
		return 9 + float64(len(c.Series))*9
	}
	return 72
}

// ScreenHeight is the height in points of c laid out w points wide with
// text of size points, for a screen (the web edition lays its charts out
// narrower than the paper, with larger text, so that a phone shows them
// whole). Charts made of rows of text (hbar, dumbbell, sparklines, a pie's
// legend) take the paper's height grown with the text; bars and lines, an
// area, take a share of the width. Rows and legends then grow (up to twice)
// until their labels take up to three lines whole at size (the web style's
// LabelLines): only extreme labels are shortened.
func ScreenHeight(c *document.Chart, w, size float64) float64 {
	const mmToPt = 72 / 25.4
	grown := ReportHeight(c) * mmToPt * size / DefaultStyle().FontSize
	switch c.Kind {
	case document.ChartBar, document.ChartStacked:
		return math.Max(w*0.66, grown*0.8)
	case document.ChartLine:
		return math.Max(w*0.58, grown*0.8)
	case document.ChartHBar, document.ChartDumbbell, document.ChartPie, document.ChartDonut:
		return roomForLabels(FromDocument(c, ""), w, grown, size)
	}
	return grown
}

// roomForLabels returns the least height from h up to 2h (to a point) at
// which d's labels are laid out at size on up to three lines, as whole as
// at 2h (the same texts), no row crowded: a search on the height, the
// layout being cheap.
func roomForLabels(d Data, w, h, size float64) float64 {
	st := Style{FontSize: size, MinFontSize: size, LabelLines: 3}
	most, err := Lay(d, w, 2*h, st)
	if err != nil {
		return h
	}
	want := most.Texts()
	ok := func(h float64) bool {
		l, err := Lay(d, w, h, st)
		return err != nil || l.Legible() && slices.Equal(l.Texts(), want)
	}
	if ok(h) {
		return h
	}
	lo, hi := h, 2*h
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if ok(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return math.Ceil(hi)
}
