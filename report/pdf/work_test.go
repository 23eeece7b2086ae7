package pdf

import (
	"bytes"
	"fmt"
	"testing"

	"rendiconto/report/document"
)

// headingFlood is a document of n sections, each a heading alone, as a
// template that writes nothing else would make.
func headingFlood(n int) *document.Document {
	doc := testDocument()
	doc.Blocks = []document.Block{&document.Heading{Level: 1, Text: "Parte"}}
	for i := range n {
		doc.Blocks = append(doc.Blocks, &document.Heading{Level: 2, Text: fmt.Sprintf("Titolo %d", i)})
	}
	return doc
}

// TestManyHeadings: a run of headings is looked ahead of a bounded number
// of blocks per heading, not to its end from each of them, and a run longer
// than a page flows on pages of its own: not a page per heading.
func TestManyHeadings(t *testing.T) {
	const n = 2000
	l := &layout{doc: printableDocument(headingFlood(n)), meta: testDocument().Front, widths: map[measured]float64{}}
	if err := l.run(); err != nil {
		t.Fatal(err)
	}
	if l.ahead > 30*n {
		t.Errorf("%d blocks looked at ahead for %d headings; want at most %d", l.ahead, n, 30*n)
	}
	// 2,000 headings take 2000×6.6 mm of contents (54 pages) and about as
	// many 13.5 mm in the body (110 pages)
	if pages := l.f.PageNo(); pages > 250 {
		t.Errorf("%d headings on %d pages; want at most 250", n, pages)
	}
}

func BenchmarkManyHeadings(b *testing.B) {
	doc := headingFlood(20000)
	b.ReportAllocs()
	for b.Loop() {
		out, err := Report(doc, ReportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(bytes.Count(out, []byte("/Type /Page\n"))), "pages")
	}
}

// hugeTable is a document of a table of n rows of three cells, as a
// breakdown by thousands of codes makes.
func hugeTable(n int) *document.Document {
	doc := testDocument()
	t := &document.Table{Caption: "Progetti per attività", Header: []string{"Attività", "progetti", "quota"}, Note: "Fonte: projects.yaml"}
	for i := range n {
		t.Rows = append(t.Rows, []string{fmt.Sprintf("Attività numero %d", i), fmt.Sprint(i % 17), fmt.Sprintf("%d,%d%%", i%7, i%10)})
	}
	doc.Blocks = []document.Block{&document.Heading{Level: 1, Text: "Parte"}, t}
	return doc
}

// TestHugeTable: each cell of a long table is broken into lines twice (to
// measure its row before the table, then to draw it), not once more per
// pass over the rows.
func TestHugeTable(t *testing.T) {
	const n = 1000
	l := &layout{doc: printableDocument(hugeTable(n)), meta: testDocument().Front, widths: map[measured]float64{}}
	if err := l.run(); err != nil {
		t.Fatal(err)
	}
	if cells := 3 * n; l.breaks > 2*cells+300 { // and the header on each page, the caption, the contents
		t.Errorf("%d texts broken into lines for %d cells; want at most %d", l.breaks, cells, 2*cells+300)
	}
}

func BenchmarkHugeTable(b *testing.B) {
	doc := hugeTable(3000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Report(doc, ReportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
