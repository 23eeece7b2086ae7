package html

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rendiconto/report/document"
	"rendiconto/report/html/htmltest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fakeSVG stands for the chart package: a small image named by the
// caption. A chart whose caption says "raw" gets an SVG with a prolog and
// no role nor name, which Render must complete.
func fakeSVG(c *document.Chart, lang string) ([]byte, error) {
	if strings.Contains(c.Caption, "raw") {
		return []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><rect width="100" height="40" fill="#2a9d8f"/></svg>`), nil
	}
	return []byte(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" role="img" aria-label="%s (%s, %s)"><rect width="100" height="40" fill="#1f5f8b"/></svg>`,
		esc(c.Caption), c.Kind, lang)), nil
}

// sampleDoc is a small document with every kind of block, in lang.
func sampleDoc(lang string) *document.Document {
	en := lang == "en"
	pick := func(it, e string) string {
		if en {
			return e
		}
		return it
	}
	nan := math.NaN()
	return &document.Document{
		Front: document.Front{
			Lang: lang, Title: pick("Il lavoro di comunità", "Community work"), Subtitle: pick("Rendicontazione sociale 2019", "Social report 2019"),
			Organisation: "Comune di Prova – Area Welfare", Partners: []string{"Iress", "Università <di> Prova"},
			Year: 2019, City: "Prova", Date: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC), DateText: pick("30 giugno 2020", "30 June 2020"),
			Keywords: []string{"Prova", "2019"},
			Sample:   pick("Dati di esempio: i numeri sono inventati.", "Sample data: the figures are invented."),
			Internal: pick("USO INTERNO — contiene dati non pubblicabili", "INTERNAL USE — contains data not for publication"),
		},
		Header: pick("Il lavoro di comunità · 2019", "Community work · 2019"),
		Blocks: []document.Block{
			&document.Heading{Level: 1, Text: pick("Contesto", "Context")},
			&document.Paragraph{Spans: []document.Span{{Text: pick("Un testo con ", "A text with ")}, {Text: "grassetto", Bold: true}, {Text: ", "}, {Text: "corsivo", Italic: true}, {Text: ", "}, {Text: "entrambi", Bold: true, Italic: true}, {Text: ` e <segni> & "virgolette" 'semplici'.`}}},
			&document.Heading{Level: 2, Text: pick("Il territorio", "The territory")},
			&document.List{Items: []document.Paragraph{{Spans: []document.Span{{Text: "uno"}}}, {Spans: []document.Span{{Text: "due", Bold: true}}}}},
			&document.List{Ordered: true, Items: []document.Paragraph{{Spans: []document.Span{{Text: "primo"}}}, {Spans: []document.Span{{Text: "secondo"}}}}},
			&document.Quote{Text: []document.Paragraph{{Spans: []document.Span{{Text: "«Una citazione.»"}}}}, Source: "A. Autore, Libro, 2006"},
			&document.Quote{Text: []document.Paragraph{{Spans: []document.Span{{Text: "Senza fonte."}}}}},
			&document.Table{Caption: pick("Residenti per quartiere", "Residents by district"), Header: []string{pick("Quartiere", "District"), pick("Zone", "Zones"), pick("Residenti", "Residents")},
				Rows: [][]string{{"Navile", "3", "69.412"}, {"Savena", "2", "59.962"}, {pick("Totale", "Total"), "5", "129.374"}}, Total: true, Note: pick("Fonte: anagrafe.", "Source: registry.")},
			&document.Table{Header: []string{"", pick("Modello A", "Model A"), pick("Modello B", "Model B")}, Numeric: []bool{false, false, false},
				Rows: [][]string{{"I cittadini", "utenti", "attori"}}},
			// a group's name once, blank under it, as the method's "Area / Blocco" table
			&document.Table{Header: []string{"Area", pick("Blocco", "Block"), pick("Che cosa misura", "What it measures")}, Numeric: []bool{false, false, false},
				Rows: [][]string{{"A. " + pick("Personale", "Staff"), "A.1", pick("consistenza", "size")}, {"", "A.2", pick("distribuzione", "distribution")},
					{"B. " + pick("Servizio", "Service"), "B.1", pick("persone in carico", "people in care")}, {"", "B.2", pick("accessi", "contacts")}, {"", "B.3", pick("progetti", "projects")}}},
			&document.Table{Caption: pick("Una tabella larga", "A wide table"), Header: []string{"Voce", "2010", "2011", "2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019"},
				Rows: [][]string{{"Progetti con un nome molto lungo che va a capo", "1.234", "2.345", "3.456", "4.567", "5.678", "6.789", "7.890", "8.901", "9.012", "10.123"}}},
			&document.Heading{Level: 1, Text: pick("Risultati", "Results")},
			&document.Heading{Level: 3, Text: pick("Un livello saltato", "A level skipped")},
			&document.Heading{Level: 2, Text: pick("Contesto", "Context")}, // a repeated heading: its id gets a counter
			&document.Chart{Caption: pick("Progetti per area", "Projects by area"), Kind: document.ChartBar, Labels: []string{"A", "B", "C"},
				Series: []document.Series{{Name: pick("progetti", "projects"), Values: []float64{12, 30, 7}}}, Additive: true, Note: pick("Fonte: schede.", "Source: forms.")},
			&document.Chart{Caption: pick("Quota per zona", "Share by zone"), Kind: document.ChartHBar, Labels: []string{"Nord", "Sud"},
				Series: []document.Series{{Values: []float64{0.172, 0.05}}}, Percent: true},
			&document.Chart{Caption: pick("Variazioni", "Changes"), Kind: document.ChartHBar, Labels: []string{"A.1", "A.2", "A.3"},
				Series: []document.Series{{Values: []float64{0.021, -0.061, 0.0001}}}, Percent: true, Signed: true, Span: 0.1},
			&document.Chart{Caption: pick("Beneficiari per fascia (raw)", "Beneficiaries by age (raw)"), Kind: document.ChartStacked, Labels: []string{"0-17", "18-64"},
				Series: []document.Series{{Name: pick("donne", "women"), Values: []float64{10, 20.5}}, {Name: pick("uomini", "men"), Values: []float64{8, 19}}}, Additive: true},
			&document.Chart{Caption: pick("Organizzazioni per tipo", "Organisations by type"), Kind: document.ChartDonut, Labels: []string{"ODV", "APS", "Altre"},
				Series: []document.Series{{Values: []float64{55, 60, 35}}}, Additive: true},
			&document.Chart{Caption: pick("Gruppi", "Groups"), Kind: document.ChartPie, Labels: []string{"X", "Y"},
				Series: []document.Series{{Values: []float64{1, 3}}}},
			&document.Chart{Caption: pick("Andamento", "Trend"), Kind: document.ChartLine, Labels: []string{"2017", "2018", "2019"},
				Series: []document.Series{{Name: "A", Values: []float64{100, nan, 120}}, {Name: "B", Values: []float64{90, 95, 99}}}},
			&document.Chart{Caption: pick("Indicatori nel tempo", "Indicators over time"), Kind: document.ChartSpark, Labels: []string{"2017", "2018", "2019"},
				Series: []document.Series{{Name: pick("Progetti", "Projects"), Values: []float64{80, 90, 99}}, {Name: pick("Ore per utente", "Hours per user"), Values: []float64{1.5, nan, 2}}}},
			&document.Chart{Caption: pick("Dove è cambiato", "Where it changed"), Kind: document.ChartDumbbell, Labels: []string{"Navile", "Savena"},
				Series: []document.Series{{Name: "2018", Values: []float64{10, 20}}, {Name: "2019", Values: []float64{14, 18}}}, Additive: true},
			&document.Chart{Caption: pick("Vuoto", "Empty"), Kind: document.ChartBar},
		},
	}
}

func render(t *testing.T, doc *document.Document, opt Options) []byte {
	t.Helper()
	out, err := Render(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGolden compares the page of the sample document, in both languages,
// with the files in testdata; -update rewrites them.
func TestGolden(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		t.Run(lang, func(t *testing.T) {
			got := render(t, sampleDoc(lang), Options{ChartSVG: fakeSVG})
			path := filepath.Join("testdata", "sample-"+lang+".html")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the page differs from %s (go test ./report/html -update, then review the diff)", path)
			}
		})
	}
}

// TestStructure checks the sample pages, with and without the charts'
// SVG, against the rules of an accessible, self-contained page.
func TestStructure(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		for _, svg := range []bool{true, false} {
			opt := Options{}
			if svg {
				opt.ChartSVG = fakeSVG
			}
			page := render(t, sampleDoc(lang), opt)
			for _, p := range htmltest.Check(page) {
				t.Errorf("%s, svg %v: %s", lang, svg, p)
			}
			s := string(page)
			if !strings.Contains(s, `<html lang="`+lang+`">`) {
				t.Errorf("%s: no lang", lang)
			}
			if got, want := strings.Count(s, "<svg"), 0; svg {
				if got, want = strings.Count(s, "<svg"), 10; got != want {
					t.Errorf("%s: %d svg, want one per chart (10)", lang, got)
				}
			} else if got != want {
				t.Errorf("%s: %d svg without ChartSVG", lang, got)
			}
		}
	}
}

// TestStructureCatches makes sure the check fails on the faults it names.
func TestStructureCatches(t *testing.T) {
	good := string(render(t, sampleDoc("it"), Options{ChartSVG: fakeSVG}))
	for _, tt := range []struct{ old, new, want string }{
		{`<html lang="it">`, `<html>`, "lang"},
		{`<h3 id="il-territorio">Il territorio</h3>`, `<h4 id="il-territorio">Il territorio</h4>`, "skipped"},
		{`<th scope="row">Navile</th>`, `<th>Navile</th>`, "without scope"},
		{`<figcaption><span class="label">Figura 1 –</span> Progetti per area<span class="note">Fonte: schede.</span></figcaption>`, ``, "figcaption"},
		{`<caption><span class="label">Tabella 1 –</span> Residenti per quartiere</caption>`, ``, "caption"},
		{`id="il-territorio"`, `id="contesto"`, "used 2 times"},
		{`</head>`, `<script src="https://example.org/x.js"></script></head>`, "request"},
		{`<p class="city">`, `<img src="http://example.org/logo.png" alt=""><p class="city">`, "request"},
		{`<a class="skip" href="#contenuto">`, `<a class="skip" href="#altrove">`, "no such id"},
		{` role="img" aria-label="Progetti per area (bar, it)"`, ``, "svg"},
		{`<h1>`, `<h2>`, "h1"},
		{`<th scope="col">Modello A</th>`, `<th scope="col"></th>`, "empty"},
		{`<th scope="row"><span class="vh">A. Personale</span></th>`, `<th scope="row"></th>`, "empty"},
	} {
		if !strings.Contains(good, tt.old) {
			t.Fatalf("the page has no %q any more: update the test", tt.old)
		}
		bad := strings.Replace(good, tt.old, tt.new, 1)
		found := false
		for _, p := range htmltest.Check([]byte(bad)) {
			found = found || strings.Contains(p, tt.want)
		}
		if !found {
			t.Errorf("replacing %q: no problem saying %q: %q", tt.old, tt.want, htmltest.Check([]byte(bad)))
		}
	}
}

// TestDeterministic renders twice: the same bytes.
func TestDeterministic(t *testing.T) {
	a := render(t, sampleDoc("it"), Options{ChartSVG: fakeSVG})
	b := render(t, sampleDoc("it"), Options{ChartSVG: fakeSVG})
	if !bytes.Equal(a, b) {
		t.Error("two renderings of one document differ")
	}
}

// TestChartTables checks the data tables of the sample's charts, figure
// by figure, as the PDF prints the values.
func TestChartTables(t *testing.T) {
	page := render(t, sampleDoc("it"), Options{ChartSVG: fakeSVG})
	tables, err := htmltest.Tables(page)
	if err != nil {
		t.Fatal(err)
	}
	byCaption := map[string][][]string{}
	for _, tb := range tables {
		byCaption[tb.Caption] = tb.Rows
	}
	for _, tt := range []struct {
		caption string
		want    [][]string
	}{
		{"Dati del grafico: Figura 1 – Progetti per area", [][]string{{"Voce", "progetti"}, {"A", "12"}, {"B", "30"}, {"C", "7"}}},
		{"Dati del grafico: Figura 2 – Quota per zona", [][]string{{"Voce", "Valore"}, {"Nord", "17,2%"}, {"Sud", "5,0%"}}},
		{"Dati del grafico: Figura 3 – Variazioni", [][]string{{"Voce", "Valore"}, {"A.1", "+2,1%"}, {"A.2", "−6,1%"}, {"A.3", "0,0%"}}},
		{"Dati del grafico: Figura 4 – Beneficiari per fascia (raw)", [][]string{{"Voce", "donne", "uomini", "Totale"}, {"0-17", "10,0", "8,0", "18,0"}, {"18-64", "20,5", "19,0", "39,5"}}},
		{"Dati del grafico: Figura 5 – Organizzazioni per tipo", [][]string{{"Voce", "Valore", "Quota"}, {"ODV", "55", "36,7%"}, {"APS", "60", "40,0%"}, {"Altre", "35", "23,3%"}}},
		{"Dati del grafico: Figura 7 – Andamento", [][]string{{"Voce", "A", "B"}, {"2017", "100", "90"}, {"2018", "–", "95"}, {"2019", "120", "99"}}},
		{"Dati del grafico: Figura 8 – Indicatori nel tempo", [][]string{{"Voce", "2017", "2018", "2019"}, {"Progetti", "80", "90", "99"}, {"Ore per utente", "1,5", "–", "2,0"}}},
		{"Dati del grafico: Figura 9 – Dove è cambiato", [][]string{{"Voce", "2018", "2019"}, {"Navile", "10", "14"}, {"Savena", "20", "18"}}},
	} {
		got, ok := byCaption[tt.caption]
		if !ok {
			t.Errorf("no table %q", tt.caption)
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.caption, got, tt.want)
		}
	}
	if !strings.Contains(string(page), `<span aria-hidden="true">–</span><span class="vh">non disponibile</span>`) {
		t.Error("a missing value is not spelt out for screen readers")
	}
	if !strings.Contains(string(page), "nessun dato") {
		t.Error("an empty chart does not say so")
	}
}

func TestInlineSVG(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<svg viewBox="0 0 1 1"></svg>`, `<svg viewBox="0 0 1 1" role="img" aria-label="Figura 1 – a &lt;b&gt;"></svg>`},
		{"<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE svg>\n<svg role=\"img\" aria-label=\"x\"/>", `<svg role="img" aria-label="x"/>`},
		{`<svg aria-labelledby="t"><title id="t">x</title></svg>`, `<svg aria-labelledby="t" role="img"><title id="t">x</title></svg>`},
		{`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400px">`, `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400px" role="img" aria-label="Figura 1 – a &lt;b&gt;" viewBox="0 0 600 400">`},
		{`<svg width="100%" height="300" viewBox="0 0 1 1">`, `<svg width="100%" height="300" viewBox="0 0 1 1" role="img" aria-label="Figura 1 – a &lt;b&gt;">`},
	} {
		got, err := inlineSVG([]byte(tt.in), "Figura 1 – a <b>")
		if err != nil || string(got) != tt.want {
			t.Errorf("inlineSVG(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "<png>", "<svgx>", "<svg"} {
		if _, err := inlineSVG([]byte(bad), "x"); err == nil {
			t.Errorf("inlineSVG(%q): no error", bad)
		}
	}
}

// TestChartSVGError: a chart that cannot be drawn is an error naming it,
// never a page without it.
func TestChartSVGError(t *testing.T) {
	_, err := Render(sampleDoc("it"), Options{ChartSVG: func(c *document.Chart, lang string) ([]byte, error) {
		return nil, fmt.Errorf("too many series")
	}})
	if err == nil || !strings.Contains(err.Error(), "Figura 1 «Progetti per area»: too many series") {
		t.Errorf("err = %v", err)
	}
	if _, err := Render(sampleDoc("it"), Options{Accent: "blue"}); err == nil || !strings.Contains(err.Error(), "accent") {
		t.Errorf("bad accent: err = %v", err)
	}
}

func TestSlug(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Il contesto: città e territorio", "il-contesto-citta-e-territorio"},
		{"  Perché? ", "perche"},
		{"2019", "s-2019"},
		{"!!!", ""},
		{"Ωμέγα", "ωμεγα"},
		{strings.Repeat("a", 100), strings.Repeat("a", maxSlug)},
	} {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	ids := newIDs()
	var got []string
	for _, s := range []string{"Contesto", "Contesto", "!!", "!!", "Indice"} {
		got = append(got, ids.next(s, "sezione"))
	}
	if want := "[contesto contesto-2 sezione sezione-2 indice-2]"; fmt.Sprint(got) != want {
		t.Errorf("ids = %v, want %v", got, want)
	}
}

// TestEscape: text from the data cannot make markup, and control
// characters are dropped.
func TestEscape(t *testing.T) {
	doc := &document.Document{Front: document.Front{Lang: "it", Title: `<script>alert(1)</script>`, Organisation: "A\x00B\x1b"},
		Blocks: []document.Block{&document.Heading{Level: 1, Text: "<i>x</i>"}, &document.Table{Caption: `"><img src=x>`, Header: []string{"a"}, Rows: [][]string{{"<b>"}}}}}
	page := string(render(t, doc, Options{}))
	for _, bad := range []string{"<script>", "<img src=x>", "<b>", "<i>", "\x00", "\x1b"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	for _, p := range htmltest.Check([]byte(page)) {
		t.Error(p)
	}
}

// TestLogo: the cover's logo is inline (a data: URL), decorative (the
// organisation's name follows it).
func TestLogo(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\nfake")
	page := string(render(t, sampleDoc("it"), Options{Logo: png, LogoType: "png"}))
	if !strings.Contains(page, `<p class="logo"><img src="data:image/png;base64,iVBORw0KGgpmYWtl" alt=""></p>`) {
		t.Error("no inline logo on the cover")
	}
	for _, p := range htmltest.Check([]byte(page)) {
		t.Error(p)
	}
	page = string(render(t, sampleDoc("it"), Options{Logo: []byte{0xff, 0xd8}, LogoType: "jpg"}))
	if !strings.Contains(page, `src="data:image/jpeg;base64,`) {
		t.Error("a JPEG logo is not image/jpeg")
	}
}

// TestInternal: an internal edition says so in its title, before anything
// else, asks search engines to leave it out, and marks its body for the
// print sheet's stamp on every page; a public one does none of it.
func TestInternal(t *testing.T) {
	for _, tt := range []struct {
		lang, stamp, title string
	}{
		{"it", "USO INTERNO — contiene dati non pubblicabili", "Il lavoro di comunità · 2019"},
		{"en", "INTERNAL USE — contains data not for publication", "Community work · 2019"},
	} {
		doc := sampleDoc(tt.lang)
		page := string(render(t, doc, Options{}))
		for _, want := range []string{
			"<title>" + tt.stamp + " · " + tt.title + "</title>",
			`<meta name="robots" content="noindex">`,
			`<body class="stamped">`,
			`<p class="internal">` + tt.stamp + `</p>`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s internal: no %q", tt.lang, want)
			}
		}
		doc.Internal = ""
		page = string(render(t, doc, Options{}))
		for _, bad := range []string{tt.stamp, "noindex", `class="stamped"`, `class="internal"`} {
			if strings.Contains(page, bad) {
				t.Errorf("%s public: holds %q", tt.lang, bad)
			}
		}
		if want := "<title>" + tt.title + "</title>"; !strings.Contains(page, want) {
			t.Errorf("%s public: no %q", tt.lang, want)
		}
	}
}

// TestChartSummary: each chart's data opens from a summary naming its
// figure, so a list of the page's controls tells them apart.
func TestChartSummary(t *testing.T) {
	for _, tt := range []struct{ lang, format string }{
		{"it", "<summary>Dati del grafico – Figura %d</summary>"},
		{"en", "<summary>Chart data – Figure %d</summary>"},
	} {
		page := string(render(t, sampleDoc(tt.lang), Options{ChartSVG: fakeSVG}))
		if got := strings.Count(page, "<summary>"); got != 10 {
			t.Errorf("%s: %d summaries, want one per chart (10)", tt.lang, got)
		}
		for n := 1; n <= 10; n++ {
			if want := fmt.Sprintf(tt.format, n); !strings.Contains(page, want) {
				t.Errorf("%s: no %q", tt.lang, want)
			}
		}
	}
}

// TestRowHeaders: a first cell left blank under a group repeats the
// group's name for screen readers only; a blank corner or a blank first
// cell with no group above is a plain cell; no th is ever empty. The
// table reads back as the PDF prints it.
func TestRowHeaders(t *testing.T) {
	doc := &document.Document{Front: document.Front{Lang: "it", Title: "T"}, Blocks: []document.Block{
		&document.Heading{Level: 1, Text: "Metodo"},
		&document.Table{Header: []string{"Area", "Blocco"}, Numeric: []bool{false, false},
			Rows: [][]string{{"", "0.1"}, {"A. Personale", "A.1"}, {"", "A.2"}, {" ", "A.3"}, {"B. Servizi", "B.1"}, {"", "B.2"}}},
		&document.Table{Header: []string{"", "2019"}, Rows: [][]string{{"Progetti", "12"}}},
	}}
	page := render(t, doc, Options{})
	for _, p := range htmltest.Check(page) {
		t.Error(p)
	}
	s := string(page)
	for _, want := range []string{
		`<tr><td></td><td>0.1</td></tr>`,
		`<tr><th scope="row">A. Personale</th><td>A.1</td></tr>`,
		`<tr><th scope="row"><span class="vh">A. Personale</span></th><td>A.2</td></tr>`,
		`<tr><th scope="row"><span class="vh">A. Personale</span></th><td>A.3</td></tr>`,
		`<tr><th scope="row"><span class="vh">B. Servizi</span></th><td>B.2</td></tr>`,
		`<tr><td></td><th scope="col" class="num">2019</th></tr>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q", want)
		}
	}
	tables, err := htmltest.Tables(page)
	if err != nil {
		t.Fatal(err)
	}
	want := "[[Area Blocco] [ 0.1] [A. Personale A.1] [ A.2] [ A.3] [B. Servizi B.1] [ B.2]]"
	if got := fmt.Sprint(tables[0].Rows); got != want {
		t.Errorf("the table reads %s, want %s", got, want)
	}
}

// TestScrolls: only a table that may be too wide for a 320 px screen is a
// focusable region, so the keyboard stops where there is something to
// scroll and nowhere else.
func TestScrolls(t *testing.T) {
	text := func(int) bool { return false }
	nums := func(c int) bool { return c > 0 }
	for _, tt := range []struct {
		name   string
		header []string
		rows   [][]string
		num    func(int) bool
		want   bool
	}{
		{"two short columns", []string{"Quartiere", "Residenti"}, [][]string{{"Navile", "69.412"}}, nums, false},
		{"three columns of words that wrap", []string{"Area", "Block", "What it measures"},
			[][]string{{"A. Staff", "A.1 Staff", "size, contracts and training of the staff, in full-time equivalents"}}, text, false},
		{"four columns", []string{"Voce", "2018", "2019", "Totale"}, [][]string{{"A", "1", "2", "3"}}, nums, true},
		{"a long word", []string{"Voce", "Nota"}, [][]string{{"A", strings.Repeat("x", 30)}}, text, true},
		{"a number does not wrap", []string{"Voce", "Valore"}, [][]string{{"Spesa", "1.234.567.890 euro di spesa complessiva"}}, nums, true},
		{"the same words wrap", []string{"Voce", "Valore"}, [][]string{{"Spesa", "1.234.567.890 euro di spesa complessiva"}}, text, false},
	} {
		cols := len(tt.header)
		if got := scrolls(tt.header, tt.rows, cols, tt.num); got != tt.want {
			t.Errorf("%s: scrolls = %v, want %v", tt.name, got, tt.want)
		}
	}
	page := string(render(t, sampleDoc("it"), Options{ChartSVG: fakeSVG}))
	for _, tt := range []struct {
		table  string
		region bool
	}{
		{`<table id="tabella-1"`, false}, // 3 short columns
		{`<table id="tabella-2"`, true},  // 11 columns
		{"<caption class=\"vh\">Dati del grafico: Figura 1 ", false},
		{"<caption class=\"vh\">Dati del grafico: Figura 8 ", true}, // a sparkline's years
	} {
		i := strings.Index(page, tt.table)
		if i < 0 {
			t.Fatalf("no %q in the page", tt.table)
		}
		open := page[strings.LastIndex(page[:i], `<div class="table-wrap"`):i]
		if got := strings.Contains(open, `role="region" tabindex="0"`); got != tt.region {
			t.Errorf("%s: a focusable region %v, want %v", tt.table, got, tt.region)
		}
	}
}

// TestLongTable: a table longer than a printed page is let break between
// rows (class "long"); a shorter one is kept whole.
func TestLongTable(t *testing.T) {
	for _, n := range []int{longTable, longTable + 1} {
		rows := make([][]string, n)
		for i := range rows {
			rows[i] = []string{"Voce " + itoa(i), itoa(i)}
		}
		doc := &document.Document{Front: document.Front{Lang: "it", Title: "T"}, Blocks: []document.Block{
			&document.Table{Caption: "Lunga", Header: []string{"Voce", "N"}, Rows: rows}}}
		page := string(render(t, doc, Options{}))
		if got, want := strings.Contains(page, `<div class="table-block long">`), n > longTable; got != want {
			t.Errorf("%d rows: long %v, want %v", n, got, want)
		}
	}
}

// TestBreakable: a long id breaks after its dots and underscores on a
// phone; short words, spaces and escaping are kept.
func TestBreakable(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Totale", "Totale"},
		{"B.1.1", "B.1.1"},
		{"B.3.table_organisations", "B.<wbr>3.<wbr>table_<wbr>organisations"},
		{"voci & più B.3.table_organisations.", "voci &amp; più B.<wbr>3.<wbr>table_<wbr>organisations."},
		{"Associazione_<sportiva>_dilettantistica", "Associazione_<wbr>&lt;sportiva&gt;_<wbr>dilettantistica"},
	} {
		if got := breakable(tc.in); got != tc.want {
			t.Errorf("breakable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
