package pdf

import (
	"fmt"
	"math"
	"sort"

	"rendiconto/report/chart"
	"rendiconto/report/document"
	"rendiconto/report/words"
)

// A slide shows a chart only with every label at the slide's chart size
// (package chart says whether they fit: Layout.Fits). When they do not, the
// deck keeps the largest categories and adds up the rest in one, and lets
// the chart shorten the labels still too long (chart.Style.Strict).

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
	return fmt.Sprintf(words.For(lang).Chart.Others, chart.FormatValue(float64(n), false, lang))
}

// groupNote is the sentence that tells what groupChart did to the
// categories of c, which became g's.
func groupNote(c, g *document.Chart, lang string) string {
	w := words.For(lang).Chart
	n := len(c.Labels)
	if !additive(c) {
		return fmt.Sprintf(w.SmallestHidden, chart.FormatValue(float64(n-len(g.Labels)), false, lang))
	}
	rest := n - len(g.Labels) + 1
	return fmt.Sprintf(w.OthersAddUp, othersLabel(rest, lang), chart.FormatValue(float64(rest), false, lang))
}

// chartLayout lays c out for a slide in a w × h mm box at size points;
// strict keeps the labels at that size, shortened where they do not fit.
func (dk *deck) chartLayout(c *document.Chart, w, h, size float64, strict bool) (*chart.Layout, error) {
	st := dk.th.Charts
	st.FontSize, st.TextColor, st.Strict = size, dk.th.Text, strict
	return chart.Lay(chart.FromDocument(c, dk.d.Lang), w/mmPerPt, h/mmPerPt, st)
}

// slideFits reports whether a slide may show l as it is: every label
// whole, upright and at its size, no text below the slides' minimum.
func slideFits(l *chart.Layout) bool {
	return l.Fits() && l.Smallest() >= MinSlideText
}

// slideChart returns c laid out as a slide can show it in a w × h mm box
// at size points when it cannot as it is: its labels shortened with "…" by
// the chart to fit, and, when there are more categories than fit, the
// largest of them and the rest in one (see groupChart), with the sentence
// for its note that says so. It names what it changed in warnings; false
// when even two categories do not fit.
func (dk *deck) slideChart(c *document.Chart, w, h, size float64) (*chart.Layout, string, []string, bool, error) {
	n := len(c.Labels)
	var lerr error
	// try keeps keep categories, their labels shortened to fit.
	try := func(keep int) (*chart.Layout, *document.Chart, bool) {
		g := c
		if keep < n {
			g = groupChart(c, keep, dk.d.Lang)
		}
		l, err := dk.chartLayout(g, w, h, size, true)
		if err != nil {
			lerr = err
			return nil, nil, false
		}
		return l, g, l.Legible() && l.Smallest() >= MinSlideText
	}
	l, g, ok := try(n)
	keep := n
	if !ok {
		// The most categories that fit, two at least: with their labels
		// whole if that can be, else shortened.
		most := func(whole bool) int {
			return 1 + sort.Search(n-2, func(i int) bool {
				l, _, ok := try(i + 2)
				return !ok || whole && l.Shortened() > 0
			})
		}
		if keep = most(true); keep < 2 {
			keep = most(false)
		}
		if keep < 2 {
			return nil, "", nil, false, lerr
		}
		l, g, _ = try(keep)
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
	if cut := l.Shortened(); cut > 0 {
		warnings = append(warnings, fmt.Sprintf("%d labels of the chart %q are too long for the slide even at %g pt: shortened with «…»",
			cut, shortTitle(c.Caption, maxTitleInMessage), size))
	}
	return l, note, warnings, true, nil
}
