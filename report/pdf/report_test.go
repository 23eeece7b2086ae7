package pdf

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"rendiconto/report/document"
)

// testDocument has every kind of block, enough of them to run over
// several pages.
func testDocument() *document.Document {
	doc := &document.Document{Front: document.Front{
		Lang: "it", Title: "Il lavoro di comunità a Prova", Subtitle: "Rendicontazione sociale 2030",
		Organisation: "Comune di Prova", Partners: []string{"Istituto"}, Year: 2030, City: "Prova",
		Date: time.Date(2031, 6, 30, 0, 0, 0, 0, time.UTC), DateText: "30 giugno 2031",
	}}
	add := func(b ...document.Block) { doc.Blocks = append(doc.Blocks, b...) }
	para := func(s string) *document.Paragraph {
		return &document.Paragraph{Spans: []document.Span{{Text: s}, {Text: " in grassetto", Bold: true}, {Text: "."}}}
	}
	long := strings.Repeat("Il servizio sociale territoriale lavora con la comunità e le sue organizzazioni. ", 12)
	for part := 1; part <= 3; part++ {
		add(&document.Heading{Level: 1, Text: fmt.Sprintf("Parte %d", part)})
		for sec := 1; sec <= 3; sec++ {
			add(&document.Heading{Level: 2, Text: fmt.Sprintf("Sezione %d.%d", part, sec)}, para(long))
			add(&document.List{Items: []document.Paragraph{*para("primo punto"), *para(long)}})
			add(&document.Quote{Text: []document.Paragraph{*para("Una citazione")}, Source: "Autore, 2006"})
			add(&document.Table{Caption: "Tavoli per quartiere", Header: []string{"Quartiere", "tavoli", "%"},
				Rows: [][]string{{"Navile", "7", "17,5%"}, {"San Donato-San Vitale", "6", "15%"}, {"Totale", "13", "100%"}}, Total: true,
				Note: "Fonte: tables.yaml"})
			add(&document.Chart{Caption: "Gruppi per quartiere", Kind: "hbar", Labels: []string{"Navile", "Savena"},
				Series: []document.Series{{Name: "gruppi", Values: []float64{17, 14844}}}, Note: "Fonte: groups.yaml"})
		}
	}
	return doc
}

func TestReport(t *testing.T) {
	a, err := Report(testDocument(), ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Report(testDocument(), ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same document differ")
	}
	for _, want := range []string{"/Outlines", "/Lang (it-IT)", "/DisplayDocTitle true", "/CreationDate (D:20310630"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("the PDF lacks %s", want)
		}
	}
	if bytes.Contains(a, []byte("/Subtype /Image")) {
		t.Error("the PDF holds a raster image")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: text checks skipped")
	}
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(a)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"Indice", "Parte 3", "Sezione 2.3", "Figura 9 – Gruppi per quartiere",
		"Tabella 9 – Tavoli per quartiere", "14.844", "San Donato-San Vitale", "Autore, 2006"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	pages := strings.Count(text, "\f")
	if !strings.Contains(text, fmt.Sprintf("pagina %d di %d", pages, pages)) {
		t.Errorf("the last page does not say pagina %d di %d", pages, pages)
	}
}

func TestTextLines(t *testing.T) {
	l := &layout{f: fpdf.New("P", "mm", "A4", ""), widths: map[measured]float64{}, curStyle: "?"}
	RegisterFonts(l.f)
	l.f.AddPage()
	tests := []struct {
		text  string
		width float64
		lines int
	}{
		{"uno due tre", 100, 1},
		{"uno due tre", 8, 3},
		{"Supercalifragilistichespiralidoso", 15, 0}, // broken between characters
		{"", 50, 0},
	}
	for _, tt := range tests {
		txt := l.plainText(tt.text, 10, 5, "")
		lines := txt.lines(tt.width)
		for _, line := range lines {
			w := 0.0
			for i, wd := range line {
				if i > 0 && !wd.join {
					w += txt.space
				}
				w += wd.w
			}
			if w > tt.width+1e-9 {
				t.Errorf("%q in %v mm: a line is %.1f mm wide", tt.text, tt.width, w)
			}
		}
		if tt.lines > 0 && len(lines) != tt.lines {
			t.Errorf("%q in %v mm: %d lines, want %d", tt.text, tt.width, len(lines), tt.lines)
		}
		joined := ""
		for _, line := range lines {
			for _, wd := range line {
				joined += wd.text
			}
		}
		if joined != strings.ReplaceAll(tt.text, " ", "") {
			t.Errorf("%q: lines lose text: %q", tt.text, joined)
		}
	}
}

// TestLongContents lays out a document whose contents need two pages: the
// reserved pages must hold every entry, and the body must follow them.
func TestLongContents(t *testing.T) {
	doc := testDocument()
	doc.Blocks = nil
	for part := 1; part <= 4; part++ {
		doc.Blocks = append(doc.Blocks, &document.Heading{Level: 1, Text: fmt.Sprintf("Parte %d", part)})
		for sec := 1; sec <= 12; sec++ {
			doc.Blocks = append(doc.Blocks, &document.Heading{Level: 2, Text: fmt.Sprintf("Sezione %d.%d", part, sec)},
				&document.Paragraph{Spans: []document.Span{{Text: "Testo."}}})
		}
	}
	l := &layout{doc: doc, widths: map[measured]float64{}}
	if err := l.run(); err != nil {
		t.Fatal(err)
	}
	toc := l.tocEntries(l.headings())
	if pages := toc[len(toc)-1].page + 1; pages != 2 {
		t.Fatalf("contents on %d pages, want 2", pages)
	}
	if first := l.headingPages[0]; first != 4 {
		t.Errorf("the first part starts on page %d, want 4 (cover, two pages of contents)", first)
	}
	out, err := Report(doc, ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	cmd := exec.Command("pdftotext", "-f", "3", "-l", "3", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(out)
	text, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "Sezione 4.12") || !strings.Contains(string(text), "pagina 3 di") {
		t.Errorf("page 3 does not hold the end of the contents:\n%s", text)
	}
}
