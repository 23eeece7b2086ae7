package pdf

import (
	"bytes"
	"math"
	"os/exec"
	"strings"
	"testing"

	"rendiconto/report/document"
)

// A line chart with a gap (a withheld year) is drawn, and an internal
// document carries its stamp on every page, the cover included.
func TestGapAndInternalStamp(t *testing.T) {
	doc := &document.Document{Front: document.Front{Lang: "it", Title: "Titolo", Year: 2022,
		Internal: "USO INTERNO — contiene dati non pubblicabili"}}
	doc.Blocks = []document.Block{
		&document.Heading{Level: 1, Text: "Parte"},
		&document.Chart{Caption: "Andamento", Kind: document.ChartLine, Labels: []string{"2019", "2020", "2021", "2022"},
			Series: []document.Series{{Name: "persone", Values: []float64{10, math.NaN(), 12, 14}}}},
		&document.Chart{Caption: "Un solo anno", Kind: document.ChartLine, Labels: []string{"2021", "2022"},
			Series: []document.Series{{Name: "persone", Values: []float64{math.NaN(), 14}}}},
	}
	out, err := Report(doc, ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: text checks skipped")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(out)
	text, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Count(string(text), "\f")
	if n := strings.Count(string(text), "USO INTERNO"); n != pages || pages < 2 {
		t.Errorf("%d stamps on %d pages", n, pages)
	}
	if strings.Contains(string(text), "NaN") {
		t.Error("a gap printed as NaN")
	}
	d := &document.Deck{Front: doc.Front, Slides: []document.Slide{{Layout: document.LayoutChart, Title: "Andamento", Blocks: doc.Blocks[1:2]}}}
	if _, err := Slides(d, DefaultSlideTheme()); err != nil {
		t.Fatal(err)
	}
}
