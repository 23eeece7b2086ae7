package pdf

import (
	"math"
	"strings"

	"rendiconto/report/document"
)

// chartFits reports whether DrawChart, given a w × h mm box and size-point
// text, sets every label of c whole and at that size: the chart code
// shrinks or shortens labels that do not fit, which a slide must not do.
// It mirrors the rules of chart_hbar.go, chart_pie.go and chart_axis.go,
// measuring in points with the fonts the chart uses.
func (dk *deck) chartFits(c *document.Chart, w, h, size float64) bool {
	n := len(c.Labels)
	if n == 0 || len(c.Series) == 0 {
		return true // the "no data" box
	}
	W, H := w/mmPerPt, h/mmPerPt
	measure := func(s string) float64 { return dk.width(s, "", size) / mmPerPt }
	wrapFits := func(label string, maxW float64, most int) bool {
		lines := wrapWith(label, maxW, measure)
		if len(lines) > most {
			return false
		}
		for _, l := range lines {
			if measure(l) > maxW {
				return false
			}
		}
		return true
	}
	lineH := 1.2 * size
	switch ChartKind(c.Kind) {
	case HBar:
		axisH := capHeight*size + 6
		rowH := math.Min((H-axisH)/float64(n), size*4.5)
		if rowH < 1.1*size {
			return false
		}
		most := max(1, int(rowH*0.95/lineH))
		for _, l := range c.Labels {
			if !wrapFits(l, W*0.4, most) {
				return false
			}
		}
		return true
	case Pie, Donut:
		values := c.Series[0].Values
		total := 0.0
		for _, v := range values {
			total += v
		}
		diam := math.Min(H, W*0.42)
		lw := W - diam - 14
		valueW := 0.0
		for _, v := range values {
			valueW = math.Max(valueW, measure(formatValue(v, c.Percent, dk.d.Lang)))
		}
		if !c.Percent && total > 0 {
			valueW += measure("100,0%") + 6
		}
		indent := 12.0
		natural := 0.0
		for _, l := range c.Labels {
			natural = math.Max(natural, measure(l))
		}
		labelW := math.Min(natural, lw-indent-10-valueW)
		below := labelW < natural && labelW < 0.5*(lw-indent)
		if below {
			labelW = math.Min(natural, lw-indent)
		}
		height := 0.0
		for i, l := range c.Labels {
			if !wrapFits(l, labelW, 2) {
				return false
			}
			rows := len(wrapWith(l, labelW, measure))
			if below {
				rows++
			}
			if i > 0 {
				height += 0.45 * size
			}
			height += float64(rows) * lineH
		}
		return height <= H
	default: // bar, stacked, line: category labels under the plot
		maxW := 0.0
		for _, s := range c.Series {
			for _, v := range s.Values {
				maxW = math.Max(maxW, measure(formatValue(v, c.Percent, dk.d.Lang)))
			}
		}
		slot := (W - maxW - 6) / float64(n)
		if maxW > slot*0.96 {
			return false // the values would be turned and shrunk
		}
		most := 1
		for _, l := range c.Labels {
			if !wrapFits(l, slot*0.92, 3) {
				return false
			}
			most = max(most, len(wrapWith(l, slot*0.92, measure)))
		}
		return float64(most)*lineH <= H*0.35
	}
}

// wrapWith breaks s into lines no wider than maxW as measured, as the
// chart's wrap does: a word wider than maxW stays whole on its own line.
func wrapWith(s string, maxW float64, measure func(string) float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && measure(try) > maxW {
			lines = append(lines, line)
			try = word
		}
		line = try
	}
	return append(lines, line)
}
