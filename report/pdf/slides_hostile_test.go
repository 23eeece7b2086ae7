package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"rendiconto/report/document"
)

// Data that validates reach the slides through the templates: names and
// labels of up to 200 characters, titles of 300, any number of codes. The
// slides never refuse them: they shorten them with "…" or group the smaller
// categories of a chart, with a warning.

// spaced is n characters of W words: WWWWWWW WWWWWWW …
func spaced(n int) string {
	return strings.Repeat("WWWWWWW ", n/8+1)[:n]
}

// unbroken is n characters of one word.
func unbroken(n int) string { return strings.Repeat("W", n) }

// slidesOK draws d and checks that it draws with no error, one page a
// slide, every text at a readable size, and that it warns. It returns the
// text of each page, when pdftotext is there.
func slidesOK(t *testing.T, d *document.Deck, th SlideTheme) []string {
	t.Helper()
	out, warnings, err := SlidesWarn(d, th)
	if err != nil {
		t.Fatalf("slides: %v", err)
	}
	if n := bytes.Count(out, []byte("/Type /Page\n")); n != len(d.Slides) {
		t.Errorf("%d pages, want %d", n, len(d.Slides))
	}
	if len(warnings) == 0 {
		t.Error("no warning of the text shortened")
	}
	for _, w := range warnings {
		if !w.Warning || !strings.Contains(w.Error(), "warning: ") {
			t.Errorf("warning %q not marked as one", w)
		}
		if strings.Contains(w.Error(), unbroken(61)) {
			t.Errorf("warning quotes a long title whole: %.100s…", w)
		}
	}
	for _, s := range streams(t, out) {
		for _, m := range tfRE.FindAllStringSubmatch(s, -1) {
			if v, _ := strconv.ParseFloat(m[1], 64); v < MinSlideText && v != furnitureSize {
				t.Errorf("text at %g pt", v)
			}
		}
	}
	text := pdfText(t, out)
	if text == "" {
		return nil
	}
	return strings.Split(text, "\f")
}

// pageHas checks that page n (from 1) shows every one of want.
func pageHas(t *testing.T, pages []string, n int, want ...string) {
	t.Helper()
	if pages == nil {
		return // no pdftotext
	}
	for _, w := range want {
		if !strings.Contains(pages[n-1], w) {
			t.Errorf("slide %d does not show %q:\n%.600s", n, w, pages[n-1])
		}
	}
}

// TestSlidesLongTitles: titles of 300 characters, the longest the data
// allow, on every slide, the subtitle and credits of the title slide as long.
func TestSlidesLongTitles(t *testing.T) {
	for _, name := range []string{"spaced", "unbroken"} {
		t.Run(name, func(t *testing.T) {
			long := spaced
			if name == "unbroken" {
				long = unbroken
			}
			d := testDeck()
			d.Title, d.Subtitle, d.Organisation = long(300), long(300), long(300)
			for i := range d.Slides {
				if d.Slides[i].Layout != document.LayoutQuote {
					d.Slides[i].Title = long(300)
				}
			}
			partners := strings.Repeat(", "+long(200), 20)
			d.Slides[0].Blocks = []document.Block{para(long(300)), para(long(300) + partners), para("Bologna, 30 giugno 2020")}
			d.Slides[8].Blocks = []document.Block{para(long(300))}
			pages := slidesOK(t, d, DefaultSlideTheme())
			for n := range d.Slides {
				if d.Slides[n].Layout != document.LayoutQuote {
					pageHas(t, pages, n+1, "…")
				}
			}
			pageHas(t, pages, 1, "Bologna, 30 giugno 2020")
		})
	}
}

// TestSlidesLongLabels: labels of 200 characters, spaced or one word, on
// the big numbers and in the charts.
func TestSlidesLongLabels(t *testing.T) {
	for _, name := range []string{"spaced", "unbroken"} {
		t.Run(name, func(t *testing.T) {
			long := spaced
			if name == "unbroken" {
				long = unbroken
			}
			d := testDeck()
			for i := range d.Slides[3].Blocks[0].(*document.Numbers).Items {
				d.Slides[3].Blocks[0].(*document.Numbers).Items[i].Label = []document.Span{{Text: long(200)}}
			}
			for _, n := range []int{4, 5} {
				c, _ := chartOf(d.Slides[n])
				for i := range c.Labels {
					c.Labels[i] = long(200)
				}
			}
			pages := slidesOK(t, d, DefaultSlideTheme())
			for _, n := range []int{4, 5, 6} {
				pageHas(t, pages, n, "…")
			}
		})
	}
}

// manyCategories is a chart of kind with n categories, additive or not;
// two series for stacked and line.
func manyCategories(kind string, n int, additive bool, value func(i int) float64) *document.Chart {
	c := &document.Chart{Kind: kind, Caption: "Tavoli per quartiere", Note: "Fonte: tables.yaml", Additive: additive}
	series := 1
	if kind == "stacked" || kind == "line" {
		series = 2
	}
	for j := range series {
		c.Series = append(c.Series, document.Series{Name: fmt.Sprintf("serie %d", j+1)})
	}
	for i := range n {
		c.Labels = append(c.Labels, fmt.Sprintf("Quartiere %d", i+1))
		for j := range c.Series {
			c.Series[j].Values = append(c.Series[j].Values, value(i)+float64(j))
		}
	}
	return c
}

// TestSlidesManyCategories: a chart of 3,000 categories, of every kind, on
// its own and beside text, shows the largest and adds up the others.
func TestSlidesManyCategories(t *testing.T) {
	for _, kind := range []string{"hbar", "bar", "stacked", "line", "pie", "donut"} {
		t.Run(kind, func(t *testing.T) {
			d := testDeck()
			d.Slides[4].Blocks = []document.Block{manyCategories(kind, 3000, true, func(i int) float64 { return float64(i % 97) })}
			d.Slides[5].Blocks = []document.Block{manyCategories(kind, 3000, true, func(i int) float64 { return float64(i % 89) }), para("Il 73% sono enti del Terzo settore.")}
			pages := slidesOK(t, d, DefaultSlideTheme())
			for _, n := range []int{5, 6} {
				pageHas(t, pages, n, "Altri (", "voci minori")
			}
			d.Lang = "en"
			pages = slidesOK(t, d, DefaultSlideTheme())
			pageHas(t, pages, 5, "Others (", "smallest items")
		})
	}
}

// TestSlidesManyRates: values that do not add up (rates, means, even when
// whole) are not summed into "Altri": the smaller ones are left out, as
// the note says.
func TestSlidesManyRates(t *testing.T) {
	d := testDeck()
	d.Slides[4].Blocks = []document.Block{manyCategories("hbar", 3000, false, func(i int) float64 { return float64(i % 97) })}
	pages := slidesOK(t, d, DefaultSlideTheme())
	pageHas(t, pages, 5, "Non sono mostrate le 2.9")
	if pages != nil && strings.Contains(pages[4], "Altri") {
		t.Error("rates added up into Altri")
	}
}

// TestGroupChart: the largest categories, zeros never among them, keep
// their order; the rest is added up, series by series.
func TestGroupChart(t *testing.T) {
	c := &document.Chart{Kind: "stacked", Additive: true, Labels: []string{"a", "b", "c", "d", "e"},
		Series: []document.Series{{Name: "x", Values: []float64{1, 5, 0, 3, 2}}, {Name: "y", Values: []float64{1, 1, 0, 1, 1}}}}
	g := groupChart(c, 3, "it")
	if want := []string{"b", "d", "Altri (3)"}; fmt.Sprint(g.Labels) != fmt.Sprint(want) {
		t.Errorf("labels %q, want %q", g.Labels, want)
	}
	if fmt.Sprint(g.Series[0].Values, g.Series[1].Values) != "[5 3 3] [1 1 2]" {
		t.Errorf("values %v %v", g.Series[0].Values, g.Series[1].Values)
	}
	if note := groupNote(c, g, "it"); note != "Altri (3) somma le 3 voci minori." {
		t.Errorf("note %q", note)
	}
	if fmt.Sprint(c.Labels) != "[a b c d e]" {
		t.Error("the caller's chart changed")
	}
}

// its end, with one warning.
func TestSlidesLongFooter(t *testing.T) {
	th := DefaultSlideTheme()
	th.Footer = strings.Repeat("Il lavoro di comunità ", 250)[:5000]
	pages := slidesOK(t, testDeck(), th)
	pageHas(t, pages, 2, "Il lavoro di comunità Il lavoro", "…")
	_, warnings, _ := SlidesWarn(testDeck(), th)
	if len(warnings) != 1 || warnings[0].N != 0 || !strings.Contains(warnings[0].Error(), "footer") {
		t.Errorf("warnings %v, want one for the footer", warnings)
	}
	if pages != nil && strings.Count(pages[1], "Il lavoro di comunità") > 20 {
		t.Error("the footer runs on more than a line")
	}
}

// TestSlidesProseTooLong: the template's running text is not cut: a slide
// where it does not fit is an error, which quotes a long title shortened.
func TestSlidesProseTooLong(t *testing.T) {
	d := testDeck()
	d.Slides[7].Title = spaced(300)
	d.Slides[7].Blocks = []document.Block{para(strings.Repeat("Una frase che non finisce mai e occupa spazio sulla slide. ", 60))}
	_, err := Slides(d, DefaultSlideTheme())
	var errs SlideErrors
	if !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("got %v, want one slide error", err)
	}
	msg := errs[0].Error()
	if !strings.HasPrefix(msg, "slide 8 «"+spaced(59)+"…»: no room for the text even at 18 pt, the smallest readable size") {
		t.Errorf("error %q", msg)
	}
}

// TestSlidesLongValueAndNote: a big number too wide even at 18 pt and a
// chart note naming 3,000 n.d. districts are shortened, not refused.
func TestSlidesLongValueAndNote(t *testing.T) {
	d := testDeck()
	d.Slides[3].Blocks[0].(*document.Numbers).Items[0].Value = strings.Repeat("1.234.567.", 6)
	c, _ := chartOf(d.Slides[4])
	var nd []string
	for i := range 3000 {
		nd = append(nd, fmt.Sprintf("Quartiere %d", i+1))
	}
	c.Note += ". n.d.: " + strings.Join(nd, ", ")
	pages := slidesOK(t, d, DefaultSlideTheme())
	pageHas(t, pages, 4, "1.234.567.1.234.567.", "…")
	pageHas(t, pages, 5, "n.d.: Quartiere 1, Quartiere 2", "…")
	if pages != nil && strings.Contains(pages[4], "Quartiere 3000") {
		t.Error("the note is not shortened")
	}
}
