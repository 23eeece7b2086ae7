package narrative

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/words"
)

// sampleComparison is the comparison document of the sample editions from
// one year to another, with every edition in between.
func sampleComparison(t *testing.T, lang string, from, to int) (*report.Comparison, *document.Document) {
	t.Helper()
	return comparisonOf(t, "../../data", lang, from, to)
}

// comparisonOf is sampleComparison of the editions in root.
func comparisonOf(t *testing.T, root, lang string, from, to int) (*report.Comparison, *document.Document) {
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
	c := report.CompareAcross(hs[0], hs[len(hs)-1], between)
	return c, Comparison(c, hs, lang)
}

// storyPart is the document up to its appendix: what a reader reads first.
func storyPart(doc *document.Document, lang string) *document.Document {
	cp := *doc
	for i, b := range doc.Blocks {
		if h, ok := b.(*document.Heading); ok && h.Level == 1 && h.Text == words.For(lang).Story.Appendix {
			cp.Blocks = doc.Blocks[:i]
			break
		}
	}
	return &cp
}

// TestComparisonStory compares the first parts of the comparison of the
// sample editions (the main changes, the code lists, the changes by area,
// the trends) with golden text, in both languages: 2019→2020 and
// 2018→2020 (three editions, a trend); and another city, 2022→2023, whose
// later edition lacks files, and the degenerate editions where nothing
// changed.
// straightApostrophe is an apostrophe typed straight between two letters:
// the labels and the report have the typographic one.
var straightApostrophe = regexp.MustCompile(`.{0,30}\p{L}'\p{L}.{0,10}`)

// TestComparisonApostrophes: the comparison's own words, and its
// catalogue's labels, have the typographic apostrophe of the report.
func TestComparisonApostrophes(t *testing.T) {
	possessive := regexp.MustCompile(`\p{L}s' `) // the items' changes
	for _, lang := range []string{"it", "en"} {
		w := words.For(lang)
		for name, table := range map[string]any{"Compare": w.Compare, "Deck": w.Deck, "Story": w.Story, "Where": w.Where} {
			v := reflect.ValueOf(table)
			for i := range v.NumField() {
				if m := straightApostrophe.FindString(v.Field(i).String()) + possessive.FindString(v.Field(i).String()); m != "" {
					t.Errorf("%s %s.%s has a straight apostrophe: %q", lang, name, v.Type().Field(i).Name, m)
				}
			}
		}
		for k, s := range w.Areas {
			if m := straightApostrophe.FindString(s) + possessive.FindString(s); m != "" {
				t.Errorf("%s Areas[%s] has a straight apostrophe: %q", lang, k, m)
			}
		}
	}
}

func TestComparisonStory(t *testing.T) {
	for _, tc := range []struct {
		root, prefix string
		lang         string
		from, to     int
	}{{"../../data", "", "it", 2019, 2020}, {"../../data", "", "en", 2019, 2020}, {"../../data", "", "it", 2018, 2020}, {"../../data", "", "en", 2018, 2020},
		{"../../testdata/othercity", "othercity-", "it", 2022, 2023}, {"../../testdata/othercity", "othercity-", "en", 2022, 2023},
		{"testdata/editions/equal", "equal-", "it", 2022, 2023}} {
		name := tc.prefix + strconv.Itoa(tc.from) + "-" + strconv.Itoa(tc.to) + "-" + tc.lang
		t.Run(name, func(t *testing.T) {
			_, doc := comparisonOf(t, tc.root, tc.lang, tc.from, tc.to)
			if m := straightApostrophe.FindString(dump(storyPart(doc, tc.lang))); m != "" {
				t.Errorf("the comparison has a straight apostrophe, %q, next to the labels’ curly ones", m)
			}
			got := dump(storyPart(doc, tc.lang))
			for _, bad := range []string{"%!", "<no value>", "was:", ".yaml"} { // never a file name
				if strings.Contains(got, bad) {
					t.Errorf("the comparison holds %q", bad)
				}
			}
			golden := filepath.Join("testdata", "compare-"+name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("the comparison differs from %s; run go test ./report/narrative -update and review the diff", golden)
			}
		})
	}
}

// TestMainChangesAsPrinted: every sentence of the main changes says two
// figures and a change that is their difference, and a percentage that is
// that difference over the first; the increases are ranked by the size of
// the change, then the decreases; each earlier value is at least minBase;
// no code in the text.
func TestMainChangesAsPrinted(t *testing.T) {
	sentence := map[string]*regexp.Regexp{
		"it": regexp.MustCompile(`^(.+): da (\S+) a (\S+) \((\S+(?: p\.p\.)?), (\S+)\)\.$`),
		"en": regexp.MustCompile(`^(.+): from (\S+) to (\S+) \((\S+(?: p\.p\.)?), (\S+)\)\.$`),
	}
	codeRE := regexp.MustCompile(`\b[a-z]+_[a-z_]+\b|was:`)
	for _, lang := range []string{"it", "en"} {
		for _, from := range []int{2018, 2019} {
			t.Run(lang+strconv.Itoa(from), func(t *testing.T) {
				_, doc := sampleComparison(t, lang, from, 2020)
				doc = storyPart(doc, lang)
				section, checked := "", 0
				var last float64
				for _, b := range doc.Blocks {
					switch b := b.(type) {
					case *document.Heading:
						section, last = b.Text, math.Inf(1)
					case *document.Paragraph:
						if m := codeRE.FindString(spans(b.Spans)); m != "" {
							t.Errorf("a code in the text: %q", m)
						}
					case *document.List:
						for _, it := range b.Items {
							text := spans(it.Spans)
							if m := codeRE.FindString(text); m != "" {
								t.Errorf("a code in the text: %q", m)
							}
							if section != words.For(lang).Story.Up && section != words.For(lang).Story.Down {
								continue
							}
							m := sentence[lang].FindStringSubmatch(text)
							if m == nil {
								t.Errorf("%s: not a change with both figures: %q", section, text)
								continue
							}
							f, fd, ok1 := parseNum(m[2], lang)
							to, td, ok2 := parseNum(m[3], lang)
							d, dd, ok3 := parseNum(m[4], lang)
							p, _, ok4 := parseNum(m[5], lang)
							if !ok1 || !ok2 || !ok3 || !ok4 {
								t.Errorf("%q: a figure that is not a number", text)
								continue
							}
							checked++
							if fd != td || dd != fd {
								t.Errorf("%q: printed with different decimals", text)
							}
							if math.Abs(to-f-d) > 1e-6 {
								t.Errorf("%q: %v − %v is not %v", text, to, f, d)
							}
							if want := math.Round((to-f)/math.Abs(f)*1000) / 10; math.Abs(want-p) > 1e-6 {
								t.Errorf("%q: the percentage is not %v", text, want)
							}
							if (section == words.For(lang).Story.Up) != (d > 0) {
								t.Errorf("%q under %q", text, section)
							}
							if math.Abs(p) > last {
								t.Errorf("%q: ranked after a smaller change", text)
							}
							last = math.Abs(p)
							if !strings.HasSuffix(m[2], "%") && f < minBase {
								t.Errorf("%q: an earlier value under %d", text, minBase)
							}
						}
					}
				}
				if checked < 6 {
					t.Errorf("only %d changes checked", checked)
				}
			})
		}
	}
}

// TestComparisonLines: no chart of the comparison draws a line through
// two points; a comparison of two editions has no trend, one of three has
// its trends as sparkline tables, not one line chart per indicator.
func TestComparisonLines(t *testing.T) {
	for _, from := range []int{2018, 2019} {
		_, doc := sampleComparison(t, "it", from, 2020)
		lines, bars := 0, 0
		for _, b := range doc.Blocks {
			if c, ok := b.(*document.Chart); ok {
				switch {
				case c.Kind == document.ChartLine && len(c.Labels) < 3:
					t.Errorf("%d: a line through %d points: %s", from, len(c.Labels), c.Caption)
				case c.Kind == document.ChartLine:
					t.Errorf("%d: a full line chart among the trends: %s", from, c.Caption)
				case c.Kind == document.ChartSpark:
					lines++
				case c.Kind == document.ChartHBar:
					bars++
				}
			}
		}
		if from == 2019 && lines > 0 || from == 2018 && lines == 0 {
			t.Errorf("%d→2020: %d sparkline tables", from, lines)
		}
		if bars < 4 {
			t.Errorf("%d→2020: %d charts of the changes by area, want one per area", from, bars)
		}
	}
}

// TestComparisonWithheld: an indicator withheld (n.p.) in either edition
// is never ranked, charted or named with a number in the first parts of
// the comparison; it is named as not compared.
func TestComparisonWithheld(t *testing.T) {
	digits := regexp.MustCompile(`[0-9]`)
	for _, lang := range []string{"it", "en"} {
		hs := history(t, "../../data", lang, 2019, 2020)
		withhold := func(rs *report.Results, id string) string {
			r, ok := rs.Lookup(id)
			if !ok {
				t.Fatalf("no %s", id)
			}
			r.Value, r.Withheld = report.Value{}, true
			return r.Indicator.Title.In(lang)
		}
		// the largest increase and decrease of the sample
		titles := []string{withhold(hs[0], "B.3.new_projects"), withhold(hs[1], "A.1.6")}
		c := report.Compare(hs[0], hs[1])
		got := dump(storyPart(Comparison(c, hs, lang), lang))
		for _, title := range titles {
			named := false
			for _, line := range strings.Split(got, "\n") {
				if !strings.Contains(line, title) {
					continue
				}
				named = true
				rest := strings.NewReplacer(title, "", "2019", "", "2020", "").Replace(line)
				if digits.MatchString(rest) || !strings.Contains(rest, NP) {
					t.Errorf("%s: a withheld figure named with a number, or without n.p.: %q", lang, line)
				}
			}
			if !named {
				t.Errorf("%s: %q withheld is not named as not compared", lang, title)
			}
		}
	}
}

// TestShareBase: the base of a share is its records, or for aggregate
// figures its denominator: the indicator it names or its field's row.
func TestShareBase(t *testing.T) {
	rs := history(t, "../../data", "it", 2019)[0]
	for id, want := range map[string]float64{"B.3.new_share": 99, "B.1.10": 25310, "B.2.11": 32582} {
		if got, ok := shareBase(rs, id); !ok || got != want {
			t.Errorf("%s: %v, %v; want %v", id, got, ok, want)
		}
	}
	r, _ := rs.Lookup("B.1.10")
	r.Withheld = true
	if _, ok := shareBase(rs, "B.1.10"); ok {
		t.Error("the base of a withheld share")
	}
}

// TestComparisonChartsWithheld: a figure withheld (n.p.) in an edition is
// a dash in the trends' sparkline table, never a number, and the note says
// so; a breakdown row withheld in an edition has no dot in "Dove è
// cambiato", which says rows were left out.
func TestComparisonChartsWithheld(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		hs := history(t, "../../data", lang, 2018, 2019, 2020)
		r, _ := hs[1].Lookup("B.3.projects")
		r.Value, r.Withheld = report.Value{}, true
		title := r.Indicator.Title.In(lang)
		ch, _ := hs[2].Lookup("B.2.4")
		ch.Breakdown[0].Withheld = true
		row := ch.Breakdown[0].Label.In(lang)
		c := report.CompareAcross(hs[0], hs[2], []*report.Edition{hs[1].Edition})
		doc := Comparison(c, hs, lang)
		sparks, dumbbells := 0, 0
		for _, b := range doc.Blocks {
			chart, ok := b.(*document.Chart)
			if !ok {
				continue
			}
			switch chart.Kind {
			case document.ChartSpark:
				for _, s := range chart.Series {
					if s.Name != title {
						continue
					}
					sparks++
					if !math.IsNaN(s.Values[1]) {
						t.Errorf("%s: the withheld figure is %v in the trends", lang, s.Values[1])
					}
					if !strings.Contains(chart.Note, "–") {
						t.Errorf("%s: the trends' note does not say what a dash is: %q", lang, chart.Note)
					}
				}
			case document.ChartDumbbell:
				if !strings.Contains(chart.Caption, ch.Indicator.Title.In(lang)) {
					continue
				}
				dumbbells++
				if slices.Contains(chart.Labels, row) {
					t.Errorf("%s: the withheld row %q has a dot", lang, row)
				}
				if !strings.Contains(chart.Note, "n.p.") {
					t.Errorf("%s: the note does not say rows were left out: %q", lang, chart.Note)
				}
			}
		}
		if sparks != 1 || dumbbells != 1 {
			t.Errorf("%s: %d trend rows of %q, %d dumbbells of B.2.4; want 1 and 1", lang, sparks, title, dumbbells)
		}
	}
}

// TestCodeSentences: two or more new items, or dropped ones, are one
// sentence where the first was; a rename or a split keeps its own.
func TestCodeSentences(t *testing.T) {
	e := func(code, label string) []report.Entry {
		return []report.Entry{{Code: code, Label: label, LabelEn: label}}
	}
	s := &story{lang: "en", w: &words.For("en").Story}
	got := s.codeSentences([]report.CodeChange{
		{Kind: report.CodeNew, Codes: e("a", "A")},
		{Kind: report.CodeRenamed, Was: e("b", "B"), Codes: e("c", "C")},
		{Kind: report.CodeDropped, Was: e("d", "D")},
		{Kind: report.CodeNew, Codes: e("f", "F")},
		{Kind: report.CodeRenamed, Was: e("g", "G"), Codes: e("h", "H")},
	})
	want := []string{
		"The items “A” and “F” are new.",
		"The item “B” is now called “C”.",
		"The item “D” is dropped, with no item replacing it.",
		"The item “G” is now called “H”.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
