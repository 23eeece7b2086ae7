package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"rendiconto/report/document"
)

func para(s string) *document.Paragraph {
	return &document.Paragraph{Spans: []document.Span{{Text: s}}}
}

// testDeck has a slide of every layout.
func testDeck() *document.Deck {
	chart := &document.Chart{Kind: "hbar", Caption: "Tavoli per quartiere", Note: "Fonte: tables.yaml",
		Labels: []string{"Centro", "Nord", "Sud", "Colline"}, Series: []document.Series{{Name: "tavoli", Values: []float64{7, 6, 7, 2}}}}
	donut := &document.Chart{Kind: "donut", Caption: "Organizzazioni", Note: "Fonte: organisations.yaml",
		Labels: []string{"Enti del Terzo settore", "Altre organizzazioni"}, Series: []document.Series{{Name: "organizzazioni", Values: []float64{160, 58}}}}
	label := func(s string) []document.Span { return []document.Span{{Text: s}} }
	return &document.Deck{
		Front: document.Front{Lang: "it", Title: "Il lavoro di comunità", Subtitle: "Rendicontazione sociale 2019", City: "Città",
			Organisation: "Comune", Year: 2019, Date: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC)},
		Slides: []document.Slide{
			{Layout: document.LayoutTitle, Title: "Il lavoro di comunità", Blocks: []document.Block{para("Rendicontazione sociale 2019"), para("Comune, 30 giugno 2020")}},
			{Layout: document.LayoutAgenda, Title: "Agenda", Blocks: []document.Block{&document.List{Ordered: true, Items: []document.Paragraph{*para("Contesto"), *para("Esiti"), *para("Apprendimento")}}}},
			{Layout: document.LayoutSection, Title: "Contesto e metodo", Blocks: []document.Block{para("Il quadro")}},
			{Layout: document.LayoutNumbers, Title: "I numeri principali", Blocks: []document.Block{&document.Numbers{Items: []document.Number{
				{Value: "101", Label: label("gruppi di cittadini")}, {Value: "346", Label: label("cittadini coinvolti")},
				{Value: "14.844", Label: label("beneficiari")}, {Value: "17,2%", Label: label("progetti nuovi")}}}}},
			{Layout: document.LayoutChart, Title: "Un tavolo in ogni quartiere", Blocks: []document.Block{chart}},
			{Layout: document.LayoutColumns, Title: "Chi collabora", Blocks: []document.Block{donut, para("Il 73% sono enti del Terzo settore.")}},
			{Layout: document.LayoutQuote, Blocks: []document.Block{&document.Quote{Text: []document.Paragraph{*para("Processo tramite cui si aiutano le persone.")}, Source: "A. Twelvetrees, 2006"}}},
			{Layout: document.LayoutBullets, Title: "Punti", Blocks: []document.Block{&document.List{Items: []document.Paragraph{*para("uno"), *para("due")}}}},
			{Layout: document.LayoutClosing, Title: "Grazie per l'attenzione", Blocks: []document.Block{para("Comune")}},
		},
	}
}

func TestSlidesDeterministic(t *testing.T) {
	th := DefaultSlideTheme()
	th.Footer = "Il lavoro di comunità · 2019"
	a, err := Slides(testDeck(), th)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Slides(testDeck(), th)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same deck differ")
	}
	if n := bytes.Count(a, []byte("/Type /Page\n")); n != len(testDeck().Slides) {
		t.Errorf("%d pages, want %d", n, len(testDeck().Slides))
	}
}

// TestSlidesTooLong: running text that does not fit even at the smallest
// readable size is an error naming the slide, not cut; the label of a big
// number, a short place, is shortened with a warning.
func TestSlidesTooLong(t *testing.T) {
	d := testDeck()
	long := strings.Repeat("Una frase che non finisce mai e occupa spazio sulla slide. ", 60)
	d.Slides[7].Title = "Troppo testo"
	d.Slides[7].Blocks = []document.Block{para(long)}
	d.Slides[3].Blocks[0].(*document.Numbers).Items[1].Label = []document.Span{{Text: long}}
	_, warnings, err := SlidesWarn(d, DefaultSlideTheme())
	var errs SlideErrors
	if !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("got %v, want one slide error", err)
	}
	if want := "slide 8 «Troppo testo»: no room for the text even at 18 pt, the smallest readable size"; !strings.HasPrefix(errs[0].Error(), want) {
		t.Errorf("error:\n got %s\nwant %s…", errs[0], want)
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0].Error(), "slide 4 «I numeri principali»: warning: the labels of the big numbers are too long") {
		t.Errorf("warnings %v", warnings)
	}
}

var tfRE = regexp.MustCompile(`/F\w+ ([\d.]+) Tf`)

// TestSlidesReadable reads the font sizes back from the page contents: all
// text is at least MinSlideText points, but for the furniture (footer,
// number, chart source) at furnitureSize.
func TestSlidesReadable(t *testing.T) {
	th := DefaultSlideTheme()
	th.Footer = "piede"
	out, err := Slides(testDeck(), th)
	if err != nil {
		t.Fatal(err)
	}
	sizes := map[float64]bool{}
	for _, s := range streams(t, out) {
		for _, m := range tfRE.FindAllStringSubmatch(s, -1) {
			v, _ := strconv.ParseFloat(m[1], 64)
			sizes[v] = true
		}
	}
	if len(sizes) == 0 {
		t.Fatal("no font sizes found")
	}
	for s := range sizes {
		if s < MinSlideText && s != furnitureSize {
			t.Errorf("text at %g pt", s)
		}
	}
}

// streams returns the deflated streams of a PDF, inflated.
func streams(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for {
		i := bytes.Index(pdf, []byte(">>\nstream\n"))
		if i < 0 {
			return out
		}
		pdf = pdf[i+len(">>\nstream\n"):]
		end := bytes.Index(pdf, []byte("\nendstream"))
		if end < 0 {
			t.Fatal("unterminated stream")
		}
		if r, err := zlib.NewReader(bytes.NewReader(pdf[:end])); err == nil {
			b, _ := io.ReadAll(r)
			out = append(out, string(b))
		}
		pdf = pdf[end:]
	}
}

func TestSlidesTheme(t *testing.T) {
	th := DefaultSlideTheme()
	th.Accent = "blue"
	if _, err := Slides(testDeck(), th); err == nil || !strings.Contains(err.Error(), "slides accent colour") {
		t.Errorf("bad accent: %v", err)
	}
	th = DefaultSlideTheme()
	th.FontSize = 12
	if _, err := Slides(testDeck(), th); err == nil || !strings.Contains(err.Error(), "below the readable minimum") {
		t.Errorf("small font: %v", err)
	}
}
