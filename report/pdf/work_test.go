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
