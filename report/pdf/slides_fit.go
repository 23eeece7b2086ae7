package pdf

import (
	"fmt"
	"math"
	"sort"
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
	if ChartKind(c.Kind) == Stacked && len(c.Series) > 1 && size*0.9 < MinSlideText {
		return false // the values in the segments are set smaller
	}
	switch ChartKind(c.Kind) {
	case Spark:
		nameW, valW, rowH := dk.sparkRoom(c, W, H, size)
		if nameW < W*0.25 || rowH < lineH*1.1 {
			return false
		}
		most := 1
		if 2*lineH <= rowH {
			most = 2
		}
		for _, l := range c.Labels {
			if measure(l) > valW {
				return false
			}
		}
		for _, s := range c.Series {
			if !wrapFits(s.Name, nameW, most) {
				return false
			}
		}
		return true
	case HBar, Dumbbell:
		axisH := capHeight*size + 6
		if ChartKind(c.Kind) == Dumbbell {
			axisH += lineH*float64(len(c.Series)) + 8 // the legend, at worst a row a series
		}
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
			valueW = math.Max(valueW, measure(chartFormat(c, dk.d.Lang)(v)))
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
		W, H := dk.plotRoom(c, W, H, size)
		maxW := 0.0
		for _, s := range c.Series {
			for _, v := range s.Values {
				maxW = math.Max(maxW, measure(chartFormat(c, dk.d.Lang)(v)))
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

// sparkRoom returns, in points, the widths of the names and of the value
// columns of a sparkline table in a W × H point box at size points, and its
// rows' height, as sparks lays them out (its values columns as wide as the
// widest value, for the categories to fit).
func (dk *deck) sparkRoom(c *document.Chart, W, H, size float64) (nameW, valW, rowH float64) {
	measure := func(s string) float64 { return dk.width(s, "", size) / mmPerPt }
	for _, s := range c.Series {
		f := seriesFormat([][]float64{known(s.Values)}, c.Percent, dk.d.Lang)
		for _, v := range s.Values {
			t := "–"
			if !math.IsNaN(v) {
				t = f(v)
			}
			valW = math.Max(valW, measure(t))
		}
	}
	const gap = 8.0
	lineW := math.Min(math.Max(W*0.16, 40), 110)
	nameW = W - float64(len(c.Labels))*(valW+gap) - lineW - gap
	rowH = math.Min(H/float64(len(c.Series)+1), 3*1.2*size)
	return nameW, valW, rowH
}

// plotRoom returns the room, in points, that a bar, stacked or line chart
// of several series leaves its plot and labels in a W × H point box: the
// legend takes rows at the bottom, a line chart's end values a column on
// the right (see bars and lines).
func (dk *deck) plotRoom(c *document.Chart, W, H, size float64) (float64, float64) {
	if len(c.Series) < 2 || ChartKind(c.Kind) == Bar {
		return W, H
	}
	measure := func(s string) float64 { return dk.width(s, "", size) / mmPerPt }
	lineH := 1.2 * size
	x, y := 0.0, 0.0
	for _, s := range c.Series {
		iw := 7 + 4 + measure(s.Name)
		if x > 0 && x+iw > W {
			x, y = 0, y+lineH*1.25
		}
		x += iw + 14
	}
	H -= y + lineH + 8
	if ChartKind(c.Kind) == Line {
		ends := 0.0
		for _, s := range c.Series {
			if n := len(s.Values); n > 0 {
				ends = math.Max(ends, measure(chartFormat(c, dk.d.Lang)(s.Values[n-1])))
			}
		}
		W -= ends + 8
	}
	return W, H
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

// labelRoom returns how wide and on how many lines each category label of c
// may be set for DrawChart to keep it whole in a w × h mm box at size
// points, by the rules chartFits mirrors, and false when the categories
// cannot be shown whatever their labels (too many rows, values too wide).
func (dk *deck) labelRoom(c *document.Chart, w, h, size float64) (float64, int, bool) {
	n := len(c.Labels)
	W, H := w/mmPerPt, h/mmPerPt
	measure := func(s string) float64 { return dk.width(s, "", size) / mmPerPt }
	lineH := 1.2 * size
	switch ChartKind(c.Kind) {
	case Spark:
		// the categories head the columns of values, on one line
		_, valW, _ := dk.sparkRoom(c, W, H, size)
		return valW, 1, valW > 0
	case HBar, Dumbbell:
		axisH := capHeight*size + 6
		if ChartKind(c.Kind) == Dumbbell {
			axisH += lineH*float64(len(c.Series)) + 8
		}
		rowH := math.Min((H-axisH)/float64(n), size*4.5)
		if rowH < 1.1*size {
			return 0, 0, false
		}
		return W * 0.4, max(1, int(rowH*0.95/lineH)), true
	case Pie, Donut:
		total, valueW := 0.0, 0.0
		for _, v := range c.Series[0].Values {
			total += v
			valueW = math.Max(valueW, measure(chartFormat(c, dk.d.Lang)(v)))
		}
		if !c.Percent && total > 0 {
			valueW += measure("100,0%") + 6
		}
		lw := W - math.Min(H, W*0.42) - 14
		const indent = 12.0
		labelW := lw - indent - 10 - valueW
		if labelW < 0.5*(lw-indent) {
			labelW = lw - indent // the values go under the labels
		}
		return labelW, 2, labelW > 0
	default: // bar, stacked, line
		W, H := dk.plotRoom(c, W, H, size)
		maxW := 0.0
		for _, s := range c.Series {
			for _, v := range s.Values {
				maxW = math.Max(maxW, measure(chartFormat(c, dk.d.Lang)(v)))
			}
		}
		slot := (W - maxW - 6) / float64(n)
		lines := min(3, int(H*0.35/lineH))
		if maxW > slot*0.96 || lines < 1 {
			return 0, 0, false
		}
		return slot * 0.92, lines, true
	}
}

// shortenLabel cuts s to at most most lines of maxW as wrapWith breaks
// them, the last ending in "…", and reports whether it did. The label ends
// at the first word wider than a line. The lines are joined by spaces, so
// that the chart's own wrap finds them again.
func shortenLabel(s string, maxW float64, most int, measure func(string) float64) (string, bool) {
	words := strings.Fields(s)
	var lines []string
	line := ""
	for _, word := range words {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if measure(try) <= maxW {
			line = try
			continue
		}
		if line != "" && len(lines)+1 < most {
			lines, line, try = append(lines, line), "", word
			if measure(word) <= maxW {
				line = word
				continue
			}
		}
		// the label ends on this line, cut
		return strings.Join(append(lines, ellipsize(try, maxW, measure)), " "), true
	}
	return strings.Join(append(lines, line), " "), false
}

// shortenLabels returns a copy of c whose labels fit the room labelRoom
// gives, on at most most lines, and how many it shortened; false when the
// categories cannot be shown.
func (dk *deck) shortenLabels(c *document.Chart, w, h, size float64, most int) (*document.Chart, int, bool) {
	maxW, lines, ok := dk.labelRoom(c, w, h, size)
	if !ok {
		return nil, 0, false
	}
	// a little under the width, so that the chart's own measures, in other
	// units, break the lines in the same places or fewer
	maxW *= 0.98
	measure := func(s string) float64 { return dk.width(s, "", size) / mmPerPt }
	out := *c
	out.Labels = make([]string, len(c.Labels))
	cut := 0
	for i, l := range c.Labels {
		s, short := shortenLabel(l, maxW, min(lines, most), measure)
		out.Labels[i] = s
		if short {
			cut++
		}
	}
	return &out, cut, true
}

// additive reports whether the categories of c add up (counts, sums), as
// the chart says: other values (shares, rates, means) are not summed into
// an "Others" category.
func additive(c *document.Chart) bool { return c.Additive }

// groupChart returns c with keep categories: its keep-1 largest (by the
// sum of their values' sizes over the series, zeros left out), in their
// order, and the
// rest added up in a last "Altri (N)" category; when the values do not add
// up, its keep largest and nothing for the rest; groupNote says which.
func groupChart(c *document.Chart, keep int, lang string) *document.Chart {
	n := len(c.Labels)
	add := additive(c)
	shown := keep
	if add {
		shown = keep - 1
	}
	size := make([]float64, n)
	for _, s := range c.Series {
		for i, v := range s.Values {
			size[i] += math.Abs(v)
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	kept := make([]bool, n)
	rest := n
	for _, i := range order[:shown] {
		if size[i] > 0 { // a zero is no largest: it goes with the rest
			kept[i] = true
			rest--
		}
	}
	out := *c
	out.Labels = nil
	out.Series = make([]document.Series, len(c.Series))
	for i, l := range c.Labels {
		if kept[i] {
			out.Labels = append(out.Labels, l)
		}
	}
	for j, s := range c.Series {
		out.Series[j].Name = s.Name
		others := 0.0
		for i, v := range s.Values {
			if kept[i] {
				out.Series[j].Values = append(out.Series[j].Values, v)
			} else {
				others += v
			}
		}
		if add {
			out.Series[j].Values = append(out.Series[j].Values, others)
		}
	}
	if add {
		out.Labels = append(out.Labels, othersLabel(rest, lang))
	}
	return &out
}

// othersLabel is the label of the category that adds up n others.
func othersLabel(n int, lang string) string {
	if lang == "en" {
		return "Others (" + formatValue(float64(n), false, lang) + ")"
	}
	return "Altri (" + formatValue(float64(n), false, lang) + ")"
}

// groupNote is the sentence that tells what groupChart did to the
// categories of c, which became g's.
func groupNote(c, g *document.Chart, lang string) string {
	n := len(c.Labels)
	if !additive(c) {
		count := formatValue(float64(n-len(g.Labels)), false, lang)
		if lang == "en" {
			return fmt.Sprintf("The %s smallest items are not shown.", count)
		}
		return fmt.Sprintf("Non sono mostrate le %s voci minori.", count)
	}
	rest := n - len(g.Labels) + 1
	count := formatValue(float64(rest), false, lang)
	if lang == "en" {
		return fmt.Sprintf("%s adds up the %s smallest items.", othersLabel(rest, lang), count)
	}
	return fmt.Sprintf("%s somma le %s voci minori.", othersLabel(rest, lang), count)
}

// slideChart returns c as a slide can show it in a w × h mm box at size
// points when it cannot as it is: its labels shortened with
// "…" to fit, and, when there are more categories than fit, the largest of
// them and the rest in one (see groupChart), with the sentence for its
// note that says so. It names what it changed in warnings; false when even
// two categories do not fit.
func (dk *deck) slideChart(c *document.Chart, w, h, size float64) (*document.Chart, string, []string, bool) {
	n := len(c.Labels)
	// try keeps keep categories and shortens their labels to fit.
	try := func(keep int) (*document.Chart, int, bool) {
		g := c
		if keep < n {
			g = groupChart(c, keep, dk.d.Lang)
		}
		for _, most := range []int{3, 1} {
			s, cut, ok := dk.shortenLabels(g, w, h, size, most)
			if !ok {
				return nil, 0, false
			}
			if dk.chartFits(s, w, h, size) {
				return s, cut, true
			}
		}
		return nil, 0, false
	}
	g, cut, ok := try(n)
	keep := n
	if !ok {
		// The most categories that fit, two at least: with their labels
		// whole if that can be, else shortened.
		most := func(whole bool) int {
			return 1 + sort.Search(n-2, func(i int) bool {
				_, cut, ok := try(i + 2)
				return !ok || whole && cut > 0
			})
		}
		if keep = most(true); keep < 2 {
			keep = most(false)
		}
		if keep < 2 {
			return nil, "", nil, false
		}
		g, cut, _ = try(keep)
	}
	var warnings []string
	note := ""
	if keep < n {
		note = groupNote(c, g, dk.d.Lang)
		caption := shortTitle(c.Caption, maxTitleInMessage)
		if additive(c) {
			shown := len(g.Labels) - 1
			warnings = append(warnings, fmt.Sprintf("the chart %q has %d categories, more than a slide shows at %g pt: it shows the %d largest and adds up the other %d as %q, as its note says",
				caption, n, size, shown, n-shown, g.Labels[shown]))
		} else {
			warnings = append(warnings, fmt.Sprintf("the chart %q has %d categories, more than a slide shows at %g pt: it shows the %d largest and leaves out the other %d, as its note says",
				caption, n, size, len(g.Labels), n-len(g.Labels)))
		}
	}
	if cut > 0 {
		warnings = append(warnings, fmt.Sprintf("%d labels of the chart %q are too long for the slide even at %g pt: shortened with «…»",
			cut, shortTitle(c.Caption, maxTitleInMessage), size))
	}
	return g, note, warnings, true
}
