package narrative

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/pdf"
	"rendiconto/report/words"
)

// TestComparisonDeck compares the comparison deck of the sample editions,
// another city's and editions where nothing changed with golden text, in
// both languages; each has six to ten slides, draws without an error at
// the first level, and draws the same bytes twice.
func TestComparisonDeck(t *testing.T) {
	for _, tc := range []struct {
		root, prefix string
		lang         string
		from, to     int
	}{{"../../data", "", "it", 2019, 2020}, {"../../data", "", "en", 2019, 2020}, {"../../data", "", "it", 2018, 2020}, {"../../data", "", "en", 2018, 2020},
		{"../../testdata/othercity", "othercity-", "it", 2022, 2023}, {"../../testdata/othercity", "othercity-", "en", 2022, 2023},
		{"testdata/editions/equal", "equal-", "it", 2022, 2023}, {"testdata/editions/equal", "equal-", "en", 2022, 2023}} {
		name := tc.prefix + strconv.Itoa(tc.from) + "-" + strconv.Itoa(tc.to) + "-" + tc.lang
		t.Run(name, func(t *testing.T) {
			c, hs := comparedHistory(t, tc.root, tc.lang, tc.from, tc.to)
			deck := ComparisonDeck(c, hs, 0, tc.lang)
			got := dumpDeck(deck)
			for _, bad := range []string{"%!", "<no value>", "was:", ".yaml"} {
				if strings.Contains(got, bad) {
					t.Errorf("the deck holds %q", bad)
				}
			}
			if m := straightApostrophe.FindString(got); m != "" {
				t.Errorf("the deck has a straight apostrophe, %q", m)
			}
			golden(t, got, filepath.Join("testdata", "comparedeck-"+name+".golden"))
			if n := len(deck.Slides); n < 6 || n > 10 {
				t.Errorf("%d slides, want 6 to 10", n)
			}
			// a slide that only says a section has nothing in it is all
			// but empty: at most one, besides no increase or no decrease
			empty := 0
			for _, s := range deck.Slides {
				if s.Layout != document.LayoutBullets || s.Title == words.For(tc.lang).Story.Up || s.Title == words.For(tc.lang).Story.Down {
					continue
				}
				if len(s.Blocks) == 1 {
					if _, ok := s.Blocks[0].(*document.Paragraph); ok {
						empty++
					}
				}
			}
			if empty > 1 {
				t.Errorf("%d slides say only that their section is empty, want them on one", empty)
			}
			spark := false
			for _, s := range deck.Slides {
				for _, b := range s.Blocks {
					if ch, ok := b.(*document.Chart); ok && ch.Kind == document.ChartSpark {
						spark = true
					}
				}
			}
			if spark != (tc.to-tc.from >= 2) {
				t.Errorf("sparkline slides: %v with editions %d to %d", spark, tc.from, tc.to)
			}
			a, warns, err := pdf.SlidesWarn(deck, pdf.DefaultSlideTheme())
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range warns {
				// a label cut with «…» is a change the reader cannot name
				if strings.Contains(fmt.Sprint(w), "shortened") {
					t.Errorf("the deck cuts text: %v", w)
				}
			}
			b, _, _ := pdf.SlidesWarn(ComparisonDeck(c, hs, 0, tc.lang), pdf.DefaultSlideTheme())
			if !bytes.Equal(a, b) {
				t.Error("two decks of the same editions differ")
			}
		})
	}
}

// TestComparisonDeckNeverFails: with indicator titles of 300 characters
// (the most a catalogue allows), at the default type and a larger one, some
// level of ComparisonDeck draws, as compare --slides tries them.
func TestComparisonDeckNeverFails(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		c, hs := comparedHistory(t, "../../data", lang, 2018, 2020)
		long := strings.Repeat("Indicatore dal titolo molto lungo ", 9)[:300]
		for _, ch := range c.Indicators {
			ch.Indicator.Title = report.Text{It: long, En: long}
		}
		for _, size := range []float64{24, 30} {
			th := pdf.DefaultSlideTheme()
			th.FontSize = size
			var err error
			for plain := 0; plain <= PlainestDeck; plain++ {
				_, _, err = pdf.SlidesWarn(ComparisonDeck(c, hs, plain, lang), th)
				var se pdf.SlideErrors
				if !errors.As(err, &se) {
					break
				}
			}
			if err != nil {
				t.Errorf("%s, %g pt: %v", lang, size, err)
			}
		}
	}
}

// comparedHistory is the comparison of the editions from one year to
// another in root, and the editions.
func comparedHistory(t *testing.T, root, lang string, from, to int) (*report.Comparison, []*report.Results) {
	t.Helper()
	var years []int
	for y := from; y <= to; y++ {
		years = append(years, y)
	}
	hs := history(t, root, lang, years...)
	var between []*report.Edition
	for _, h := range hs[1 : len(hs)-1] {
		between = append(between, h.Edition)
	}
	return report.CompareAcross(hs[0], hs[len(hs)-1], between), hs
}
