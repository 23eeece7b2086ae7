package narrative

import (
	"context"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/words"
	"rendiconto/templates"
)

// privacyHistory is the privacy test edition (the other city with a
// district of 2 users and of 2 citizens in groups, a project of 2
// beneficiaries), computed and withheld at threshold 3.
func privacyHistory(t *testing.T, lang string) []*report.Results {
	t.Helper()
	hs := history(t, "../../testdata/privacy", lang, 2022)
	if n := report.Withhold(hs[0], 3); n == 0 {
		t.Fatal("nothing withheld in testdata/privacy")
	}
	return hs
}

// allText dumps a deck's slides as dump does a document's blocks, the big
// numbers included.
func deckText(d *document.Deck) string {
	var b strings.Builder
	for _, s := range d.Slides {
		fmt.Fprintf(&b, "slide %s %q\n", s.Layout, s.Title)
		var other []document.Block
		for _, bl := range s.Blocks {
			if n, ok := bl.(*document.Numbers); ok {
				for _, it := range n.Items {
					fmt.Fprintf(&b, "number %s %s\n", it.Value, spans(it.Label))
				}
				continue
			}
			other = append(other, bl)
		}
		b.WriteString(dump(&document.Document{Blocks: other}))
	}
	return b.String()
}

// smallPeople matches a count of 1 or 2 people in running text.
var smallPeople = regexp.MustCompile(`(^|[^0-9.,])[12] (persone|persona|utenti|utente|cittadini|cittadino|beneficiari|beneficiario|minori|people|person|users|user|citizens|citizen|beneficiaries|beneficiary|minors)\b`)

// TestPrivacyNoLeak builds the report and the deck of the privacy test
// edition in both languages and looks at every block: a table or chart of
// an indicator that counts people shows no count from 1 to 2, no bar of a
// withheld row, no sentence says "2 cittadini", a withheld row's label is
// never followed by its figure, and n.p. and the method's rule are there.
func TestPrivacyNoLeak(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		t.Run(lang, func(t *testing.T) {
			hs := privacyHistory(t, lang)
			rs := hs[0]
			people := map[string]bool{} // titles of the indicators of people
			var withheldLabels []string
			for _, r := range rs.List {
				if r.Indicator.People {
					people[r.Indicator.Title.In(lang)] = true
				}
				for _, row := range r.Breakdown {
					if row.Withheld {
						withheldLabels = append(withheldLabels, row.Label.In(lang))
					}
				}
			}
			sub, _ := fs.Sub(templates.FS, lang)
			doc, err := Build(context.Background(), Source{FS: sub, Name: "templates/" + lang}, hs, lang, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			dsub, _ := fs.Sub(templates.FS, "slides/"+lang)
			deck, err := BuildDeck(context.Background(), Source{FS: dsub, Name: "templates/slides/" + lang}, hs, lang, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			var blocks []document.Block
			blocks = append(blocks, doc.Blocks...)
			for _, s := range deck.Slides {
				blocks = append(blocks, s.Blocks...)
			}
			tables, charts := 0, 0
			for _, bl := range blocks {
				switch bl := bl.(type) {
				case *document.Table:
					if !people[bl.Caption] {
						continue
					}
					tables++
					for _, row := range bl.Rows {
						if len(row) > 1 && (row[1] == "1" || row[1] == "2") {
							t.Errorf("table %q: %q shows %s", bl.Caption, row[0], row[1])
						}
					}
				case *document.Chart:
					if !people[bl.Caption] || bl.Kind == document.ChartLine {
						continue
					}
					charts++
					for _, s := range bl.Series {
						for i, v := range s.Values {
							if v >= 1 && v < 3 && !bl.Percent {
								t.Errorf("chart %q: %q drawn at %v", bl.Caption, bl.Labels[i], v)
							}
						}
					}
				}
			}
			if tables == 0 || charts == 0 {
				t.Errorf("%d tables and %d charts of people: the test looks at nothing", tables, charts)
			}
			text := dump(doc) + deckText(deck)
			if m := smallPeople.FindString(text); m != "" {
				t.Errorf("a small count of people in the text: %q", m)
			}
			for _, l := range withheldLabels {
				re := regexp.MustCompile(regexp.QuoteMeta(l) + `\s*[:(]\s*[12]\b`)
				if m := re.FindString(text); m != "" {
					t.Errorf("a withheld row's figure in the text: %q", m)
				}
			}
			for _, want := range []string{NP + ":", map[string]string{"it": "In questa edizione non sono pubblicati", "en": "figures are not published"}[lang]} {
				if !strings.Contains(text, want) {
					t.Errorf("the document lacks %q", want)
				}
			}
			golden := filepath.Join("testdata", "privacy-2022-"+lang+".golden")
			if *update {
				os.WriteFile(golden, []byte(text), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if text != string(want) {
				t.Errorf("document differs from %s; run go test ./report/narrative -update and review the diff", golden)
			}
		})
	}
}

// TestPrivacyWithheldCells is the golden list of the figures withheld in
// the privacy test edition at threshold 3, with the value each hides.
func TestPrivacyWithheldCells(t *testing.T) {
	raw := history(t, "../../testdata/privacy", "it", 2022)[0]
	rs := privacyHistory(t, "it")[0]
	var b strings.Builder
	for i, r := range rs.List {
		orig := raw.List[i]
		if r.Withheld {
			fmt.Fprintf(&b, "%s = %v\n", r.Indicator.ID, orig.Value.Num)
		}
		for j, row := range r.Breakdown {
			if row.Withheld {
				fmt.Fprintf(&b, "%s %s = %v\n", r.Indicator.ID, row.Key, orig.Breakdown[j].Value)
			}
		}
	}
	golden := filepath.Join("testdata", "privacy-2022-withheld.golden")
	if *update {
		os.WriteFile(golden, []byte(b.String()), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if b.String() != string(want) {
		t.Errorf("withheld cells differ from %s:\n%s", golden, b.String())
	}
}

// TestPrivacyFuncs: the template functions never give a withheld figure,
// and top names no row a withheld one may exceed.
func TestPrivacyFuncs(t *testing.T) {
	hs := privacyHistory(t, "it")
	e := newEnv(context.Background(), hs, "it", Limits{}, nil)
	if s, _ := e.row("B.3.citizens", "colline"); s != NP {
		t.Errorf("row of a withheld row = %q, want n.p.", s)
	}
	if s, _ := e.rowshare("B.3.citizens", "colline"); s != NP {
		t.Errorf("rowshare of a withheld row = %q, want n.p.", s)
	}
	if _, err := e.rownum("B.3.citizens", "colline"); err == nil {
		t.Error("rownum of a withheld row: no error")
	}
	// B.1.10 is a share whose count of people is withheld.
	for name, f := range map[string]func() (string, error){
		"value": func() (string, error) { return e.value("B.1.10") },
		"nof":   func() (string, error) { return e.nof("B.1.10", "quota", "quote") },
		"ratio": func() (string, error) { return e.ratio("B.1.10", "B.1.1") },
		"row":   func() (string, error) { return e.row("B.1.10", "community_users") },
	} {
		if s, err := f(); s != NP || err != nil {
			t.Errorf("%s of a withheld value = %q, %v; want n.p.", name, s, err)
		}
	}
	if ok, _ := e.known("B.1.10"); ok {
		t.Error("known of a withheld value")
	}
	if _, err := e.num("B.1.10"); err == nil {
		t.Error("num of a withheld value: no error")
	}
	// B.1.2 is a rate by district: nothing bounds a withheld district's.
	if l, _ := e.leaders("B.1.2"); len(l) != 0 {
		t.Errorf("leaders of a rate with a withheld row: %v", l)
	}
	if s, _ := e.most("B.1.2", "value"); s != "n.d." {
		t.Errorf("most = %q", s)
	}
	r, _ := rs(hs).Lookup("B.3.citizens")
	bound := withheldBound(r)
	top, _ := e.top("B.3.citizens", 99)
	for _, x := range top {
		if x.Num <= bound || x.Key == "colline" {
			t.Errorf("top names %s (%v) at or below the withheld rows' bound %v", x.Key, x.Num, bound)
		}
	}
	if len(top) == 0 {
		t.Error("top names no row although some are surely larger")
	}
}

func rs(hs []*report.Results) *report.Results { return hs[len(hs)-1] }

// TestWithheldBound by case.
func TestWithheldBound(t *testing.T) {
	count := &report.Indicator{Measure: report.MeasureCount, Source: "groups", By: "district"}
	rate := &report.Indicator{Measure: report.MeasureRatio, Source: "groups", By: "district"}
	rows := func(vs ...float64) []report.Row {
		var out []report.Row
		for i, v := range vs {
			if v < 0 {
				out = append(out, report.Row{Key: fmt.Sprint(i), NA: true, Withheld: true})
			} else {
				out = append(out, report.Row{Key: fmt.Sprint(i), Value: v})
			}
		}
		return out
	}
	for _, c := range []struct {
		name string
		r    report.Result
		want float64
	}{
		{"none withheld", report.Result{Indicator: count, Value: report.Known(10), Breakdown: rows(5, 5)}, -1},
		{"two withheld share the rest", report.Result{Indicator: count, Value: report.Known(30), Breakdown: rows(20, -1, -1)}, 10},
		{"withheld total", report.Result{Indicator: count, Breakdown: rows(20, -1, -1)}, math.Inf(1)},
		{"rate", report.Result{Indicator: rate, Value: report.Known(3), Breakdown: rows(2, -1)}, math.Inf(1)},
	} {
		if got := withheldBound(&c.r); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestPrivacyCharts: every kind of chart leaves a withheld row out and
// says how many it leaves out; a chart whose every row is withheld, and a
// trend whose every year is, becomes a sentence.
func TestPrivacyCharts(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		hs := privacyHistory(t, lang)
		e := newEnv(context.Background(), hs, lang, Limits{}, nil)
		for _, kind := range document.ChartKinds() {
			if _, err := e.chart("B.3.citizens", kind); err != nil {
				t.Fatal(err)
			}
			c, ok := e.blocks[len(e.blocks)-1].(*document.Chart)
			if !ok {
				t.Fatalf("%s: %T", kind, e.blocks[len(e.blocks)-1])
			}
			for _, l := range c.Labels {
				if l == "Colline" || l == "Oltretorrente" {
					t.Errorf("%s %s: a withheld row drawn: %s", lang, kind, l)
				}
			}
			if want := npChartNote(lang, 2); !strings.HasSuffix(c.Note, want) {
				t.Errorf("%s %s: note %q lacks %q", lang, kind, c.Note, want)
			}
			// A pie's shares are of the total: the withheld rows are one
			// slice, their sum (the total less the published rows).
			pie := kind == document.ChartPie || kind == document.ChartDonut
			last := len(c.Labels) - 1
			if got := c.Labels[last] == words.For(lang).NPRest; got != pie || pie && c.Series[0].Values[last] != 9 {
				t.Errorf("%s %s: last slice %q = %v", lang, kind, c.Labels[last], c.Series[0].Values[last])
			}
		}
		// A rate by district has no sum to stand for its withheld rows: bars.
		e.chart("B.1.2", "pie")
		if c := e.blocks[len(e.blocks)-1].(*document.Chart); c.Kind != document.ChartHBar {
			t.Errorf("%s: a pie of a rate with withheld rows is drawn as %s", lang, c.Kind)
		}
		r, _ := rs(hs).Lookup("B.3.citizens")
		for i := range r.Breakdown {
			r.Breakdown[i].NA, r.Breakdown[i].Withheld = true, true
		}
		r.Value, r.Withheld = report.Value{}, true
		e.chart("B.3.citizens", "pie")
		e.trendchart("B.3.citizens")
		for _, b := range e.blocks[len(e.blocks)-2:] {
			p, ok := b.(*document.Paragraph)
			if !ok || !strings.Contains(spans(p.Spans), map[string]string{"it": "riservatezza", "en": "privacy"}[lang]) {
				t.Errorf("%s: all withheld gives %#v", lang, b)
			}
		}
		e.table("B.3.citizens")
		tb := e.blocks[len(e.blocks)-1].(*document.Table)
		last := tb.Rows[len(tb.Rows)-1]
		if !tb.Total || last[1] != NP || !strings.Contains(tb.Note, npNote(lang, len(tb.Rows))) {
			t.Errorf("%s: a withheld total: %v, note %q", lang, last, tb.Note)
		}
	}
}

// TestPrivacySampleUnchanged: the sample editions withhold nothing at the
// default threshold 3, and their report and deck are those built without
// Withhold (the PDFs were compared byte for byte with main's).
func TestPrivacySampleUnchanged(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		plain := history(t, "../../data", lang, 2019, 2020)
		withheld := history(t, "../../data", lang, 2019, 2020)
		for _, rs := range withheld {
			if n := report.Withhold(rs, 3); n != 0 {
				t.Fatalf("%d: %d figures withheld at threshold 3", rs.Edition.Year, n)
			}
		}
		for _, dir := range []string{lang, "slides/" + lang} {
			sub, _ := fs.Sub(templates.FS, dir)
			src := Source{FS: sub, Name: "templates/" + dir}
			var got [2]string
			for i, hs := range [][]*report.Results{plain, withheld} {
				if dir == lang {
					doc, err := Build(context.Background(), src, hs, lang, Limits{})
					if err != nil {
						t.Fatal(err)
					}
					got[i] = dump(doc)
				} else {
					deck, err := BuildDeck(context.Background(), src, hs, lang, Limits{})
					if err != nil {
						t.Fatal(err)
					}
					got[i] = deckText(deck)
				}
			}
			if got[0] != got[1] {
				t.Errorf("%s: the sample's document changes with Withhold at threshold 3", dir)
			}
		}
	}
}

// TestPrivacyTrendGap: a year whose value is withheld is a gap in the
// trend (NaN), named after n.p. in the note, not a point.
func TestPrivacyTrendGap(t *testing.T) {
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	r, _ := hs[0].Lookup("B.3.projects")
	r.Value, r.Withheld = report.Value{}, true
	e := newEnv(context.Background(), hs, "it", Limits{}, nil)
	if _, err := e.trendchart("B.3.projects"); err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]func(string) (string, error){"change": e.change, "trend": e.trend, "prev": e.prevValue} {
		if s, err := f("B.3.projects"); s != NP || err != nil {
			t.Errorf("%s from a withheld value = %q, %v; want n.p.", name, s, err)
		}
	}
	if ok, _ := e.comparable("B.3.projects"); ok {
		t.Error("comparable with a withheld value")
	}
	c := e.blocks[0].(*document.Chart)
	v := c.Series[0].Values
	if len(c.Labels) != 2 || !math.IsNaN(v[0]) || math.IsNaN(v[1]) || !strings.Contains(c.Note, NP+" ("+npChartWhy("it")+"): 2022") {
		t.Errorf("labels %v values %v note %q", c.Labels, v, c.Note)
	}
}

// TestPrivacyReach: a district whose figure is withheld is neither with
// nor without records: reach says "at least".
func TestPrivacyReach(t *testing.T) {
	for lang, want := range map[string]string{"it": "in almeno 2 quartieri su 4", "en": "in at least 2 districts of 4"} {
		e := newEnv(context.Background(), privacyHistory(t, lang), lang, Limits{}, nil)
		g, err := e.reach("B.3.citizens")
		if err != nil || g.Text != want || g.All || g.None {
			t.Errorf("%s: %+v, %v; want %q", lang, g, err, want)
		}
	}
}

// TestPrivacyChartSlide: a slide laid out for a chart whose every row is
// withheld takes the sentence in its place, not an error.
func TestPrivacyChartSlide(t *testing.T) {
	hs := privacyHistory(t, "it")
	r, _ := rs(hs).Lookup("B.3.citizens")
	for i := range r.Breakdown {
		r.Breakdown[i].NA, r.Breakdown[i].Withheld = true, true
	}
	deck := "# Gruppi\n<!-- layout: chart -->\n\n{{chart \"B.3.citizens\"}}\n"
	d, err := BuildDeck(context.Background(), Source{FS: fstest.MapFS{"a.md": {Data: []byte(deck)}}, Name: "t"}, hs, "it", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	s := d.Slides[0]
	if s.Layout != document.LayoutBullets || len(s.Blocks) != 1 || !isNPChart(s.Blocks[0]) {
		t.Errorf("slide %s %#v", s.Layout, s.Blocks)
	}
}
