package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"rendiconto/report/document"
)

// longWord is a word of n runes without spaces, as a district name pasted
// without them.
func longWord(n int) string {
	return strings.Repeat("Quartiere", n/9+1)[:n]
}

// longWordDocument has a title, a heading, a paragraph, a table cell and a
// chart label each holding one n-rune word.
func longWordDocument(n int) *document.Document {
	w := longWord(n)
	doc := testDocument()
	doc.Title = w
	doc.Blocks = []document.Block{
		&document.Heading{Level: 1, Text: "Parte " + w},
		&document.Heading{Level: 2, Text: w},
		para("Il quartiere " + w + " ha sette tavoli."),
		&document.Table{Caption: w, Header: []string{"Quartiere", "tavoli"}, Rows: [][]string{{w, "7"}, {"Navile", "3"}}},
		&document.Chart{Caption: w, Kind: "hbar", Labels: []string{w, "Navile"},
			Series: []document.Series{{Name: w, Values: []float64{7, 3}}}},
		&document.Chart{Caption: "Barre", Kind: "bar", Labels: []string{w, "Navile"},
			Series: []document.Series{{Name: "tavoli", Values: []float64{7, 3}}}},
	}
	return doc
}

func BenchmarkLongWord(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		w := longWord(n)
		b.Run(fmt.Sprintf("paragraph-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l := newTestLayout()
				l.newText([]document.Span{{Text: w}}, bodySize, bodyLeading, "").lines(textW)
			}
		})
		b.Run(fmt.Sprintf("chartlabel-%d", n), func(b *testing.B) {
			d := ChartData{Kind: HBar, Labels: []string{w, "Navile"}, Series: []Series{{Name: "tavoli", Values: []float64{7, 3}}}}
			f := newGalleryDoc()
			b.ReportAllocs()
			for b.Loop() {
				f.AddPage()
				if err := DrawChart(f, 20, 30, 170, 100, d, DefaultStyle()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("report-%d", n), func(b *testing.B) {
			doc := longWordDocument(n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Report(doc, ReportOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// newTestLayout is a layout on an A4 page, to set text on.
func newTestLayout() *layout {
	l := &layout{f: fpdf.New("P", "mm", "A4", ""), widths: map[measured]float64{}, curStyle: "?"}
	RegisterFonts(l.f)
	l.f.AddPage()
	return l
}
