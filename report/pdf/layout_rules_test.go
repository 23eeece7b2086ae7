package pdf

import (
	"fmt"
	"strings"
	"testing"

	"rendiconto/report/document"
)

// padded is a document whose part opens with a paragraph of pad
// sentences (about 0.6 lines each), to bring what follows to every height
// of the page in turn.
func padded(pad int, blocks ...document.Block) *document.Document {
	doc := testDocument()
	filler := "Il servizio sociale territoriale lavora con la comunità. "
	doc.Blocks = []document.Block{&document.Heading{Level: 1, Text: "Parte"}}
	if pad > 0 {
		doc.Blocks = append(doc.Blocks, &document.Paragraph{Spans: []document.Span{{Text: strings.Repeat(filler, pad)}}})
	}
	doc.Blocks = append(doc.Blocks, blocks...)
	return doc
}

func layOut(t *testing.T, doc *document.Document) *layout {
	t.Helper()
	l := &layout{doc: printableDocument(doc), meta: doc.Front, widths: map[measured]float64{}}
	if err := l.run(); err != nil {
		t.Fatal(err)
	}
	return l
}

func spans(s string) []document.Span { return []document.Span{{Text: s}} }

// linesOn is how many lines of leading fit between y and the foot of the
// page: the lines of a text drawn from y that stay on y's page.
func linesOn(y, leading float64) int {
	n := 0
	for ; y+leading <= pageH-marginBot; y += leading {
		n++
	}
	return n
}

// TestHeadingKeptWithLead: wherever a heading falls, it is never left at
// the foot of a page without two lines of its lead paragraph; a short lead
// followed by a list stays whole with the list's first item.
func TestHeadingKeptWithLead(t *testing.T) {
	long := strings.Repeat("Ogni tavolo raccoglie residenti, associazioni e servizi del quartiere. ", 6)
	item := "Quali risorse del territorio restano fuori dal lavoro dei tavoli e come coinvolgerle nei prossimi anni?"
	cases := []struct {
		name   string
		blocks []document.Block
	}{
		{"section, long lead", []document.Block{
			&document.Heading{Level: 2, Text: "Partecipazione ai tavoli"},
			&document.Paragraph{Spans: spans(long)}}},
		{"subsection, long lead", []document.Block{
			&document.Heading{Level: 3, Text: "Partecipazione ai tavoli"},
			&document.Paragraph{Spans: spans(long)}}},
		{"short lead and a list", []document.Block{
			&document.Heading{Level: 2, Text: "Domande aperte per il servizio"},
			&document.Paragraph{Spans: spans("Le domande che il servizio si pone per il prossimo anno:")},
			&document.List{Items: []document.Paragraph{{Spans: spans(item)}, {Spans: spans(item)}, {Spans: spans(item)}}}}},
		{"two headings, short lead and a list", []document.Block{
			&document.Heading{Level: 2, Text: "Apprendimento"},
			&document.Heading{Level: 3, Text: "Domande aperte per il servizio"},
			&document.Paragraph{Spans: spans("Le domande che il servizio si pone:")},
			&document.List{Items: []document.Paragraph{{Spans: spans(item)}, {Spans: spans("Una seconda domanda.")}}}}},
	}
	for _, c := range cases {
		for pad := 40; pad <= 95; pad++ {
			l := layOut(t, padded(pad, c.blocks...))
			first := 1 // the first block after the part (and its pad)
			if pad > 0 {
				first = 2
			}
			// the last heading of the case, then its lead
			hi, heading := first, 0
			for ; hi+1 < len(l.doc.Blocks); hi++ {
				if _, ok := l.doc.Blocks[hi+1].(*document.Heading); !ok {
					break
				}
			}
			heading = len(l.headingPages) - 1
			page := l.headingPages[heading]
			for h := heading - (hi - first); h < heading; h++ {
				if l.headingPages[h] != page {
					t.Errorf("%s, pad %d: heading %d on page %d, the heading under it on %d", c.name, pad, h, l.headingPages[h], page)
				}
			}
			lead := l.placed[hi+1]
			if lead.page != page {
				t.Errorf("%s, pad %d: heading on page %d, its lead starts on page %d", c.name, pad, page, lead.page)
				continue
			}
			p := l.doc.Blocks[hi+1].(*document.Paragraph)
			lines := int(l.newText(p.Spans, bodySize, bodyLeading, "").height(textW)/bodyLeading + 0.5)
			if on := linesOn(lead.y, bodyLeading); on < min(2, lines) {
				t.Errorf("%s, pad %d: heading at the foot of page %d with %d line(s) of its lead", c.name, pad, page, on)
			}
			if hi+2 >= len(l.doc.Blocks) {
				continue
			}
			// a short lead and the first item of its list
			if lead.endPage != page {
				t.Errorf("%s, pad %d: the short lead runs from page %d to %d", c.name, pad, page, lead.endPage)
				continue
			}
			list := l.doc.Blocks[hi+2].(*document.List)
			items := int(l.newText(list.Items[0].Spans, bodySize, bodyLeading, "").height(textW-7)/bodyLeading + 0.5)
			if on := linesOn(l.placed[hi+2].y, bodyLeading); on < items {
				t.Errorf("%s, pad %d: heading and lead on page %d with %d of the first item's %d lines", c.name, pad, page, on, items)
			}
		}
	}
}

// rowsTable is a table of n body rows and a total, with a caption and a
// source note.
func rowsTable(n int) *document.Table {
	t := &document.Table{Caption: "Interventi per tipo", Header: []string{"Tipo", "utenti", "%"}, Total: true,
		Note: "Fonte: servizi sociali, 2031. Un utente può ricevere più interventi."}
	for i := range n {
		t.Rows = append(t.Rows, []string{fmt.Sprintf("Intervento numero %d", i+1), fmt.Sprint(10 + i), "1,0%"})
	}
	t.Rows = append(t.Rows, []string{"Totale", "999", "100,0%"})
	return t
}

// TestTableBreaks: wherever a table falls, one that fits on a page is
// split only rather than leave more than half a page empty; a longer one carries at least three rows with its total
// onto its last page, its caption stays with its first rows and its note
// with its last row, inside the page.
func TestTableBreaks(t *testing.T) {
	for _, rows := range []int{3, 12, 24, 40, 60} {
		for pad := 0; pad <= 60; pad += 2 {
			tb := rowsTable(rows)
			doc := padded(pad, tb, &document.Paragraph{Spans: spans("Dopo la tabella.")})
			l := layOut(t, doc)
			if len(l.tablePages) != 1 {
				t.Fatalf("%d tables drawn, want 1", len(l.tablePages))
			}
			pages := l.tablePages[0]
			caption, body, note := pages[0], pages[1:len(pages)-1], pages[len(pages)-1]
			s := l.measureTable(tb)
			first, last := body[0], body[len(body)-1]
			where := fmt.Sprintf("%d rows, pad %d", rows, pad)
			// it may split only rather than leave more than half a page
			// empty (where the block before it ended)
			before := l.placed[len(l.placed)-3]
			if s.whole <= textH && first != last && pageH-marginBot-before.endY <= textH/2 {
				t.Errorf("%s: a table of %.0f mm split over pages %d-%d", where, s.whole, first, last)
			}
			if s.whole <= textH && first == last && caption != before.endPage && pageH-marginBot-before.endY > textH/2+blockGap {
				t.Errorf("%s: a table of %.0f mm moved whole, leaving %.0f mm of page %d empty", where, s.whole, pageH-marginBot-before.endY, before.endPage)
			}
			if caption != first {
				t.Errorf("%s: caption on page %d, first row on %d", where, caption, first)
			}
			if note != last {
				t.Errorf("%s: note on page %d, last row on %d", where, note, last)
			}
			if end := l.placed[len(l.placed)-2].endY - blockGap; end > pageH-marginBot+1e-9 {
				t.Errorf("%s: the table ends at %.1f mm, below the text", where, end)
			}
			if first == last {
				continue
			}
			onFirst, onLast := 0, 0
			for _, p := range body {
				if p == first {
					onFirst++
				}
				if p == last {
					onLast++
				}
			}
			if onLast < 4 {
				t.Errorf("%s: %d row(s) with the total on page %d", where, onLast, last)
			}
			if onFirst < 2 {
				t.Errorf("%s: %d row(s) under the caption on page %d", where, onFirst, first)
			}
		}
	}
}

// TestHeadingOverTable: a heading right above a table stays with its
// caption and first rows: the table goes whole with it onto a page when
// both fit there, and breaks under it when only the table would.
func TestHeadingOverTable(t *testing.T) {
	for _, rows := range []int{12, 27} {
		for pad := 0; pad <= 90; pad += 3 {
			tb := rowsTable(rows)
			doc := padded(pad, &document.Heading{Level: 2, Text: "Interventi"}, tb)
			l := layOut(t, doc)
			where := fmt.Sprintf("%d rows, pad %d", rows, pad)
			page := l.headingPages[len(l.headingPages)-1]
			pages := l.tablePages[0]
			if pages[0] != page || pages[1] != page {
				t.Errorf("%s: heading on page %d, caption on %d, first row on %d", where, page, pages[0], pages[1])
			}
			last := pages[len(pages)-2]
			whole := l.measureTable(tb).whole
			fits := rows == 12 // 27 rows fit on a page, but not under a heading (8.5 mm at the top)
			if fits != (whole+8.5 <= textH) || whole > textH {
				t.Fatalf("%d rows: a table of %.0f mm", rows, whole)
			}
			if fits && last != page {
				t.Errorf("%s: heading and table fit on a page, yet the table runs from page %d to %d", where, page, last)
			}
		}
	}
}

// TestNoWidowsOrOrphans: wherever a paragraph or a list item falls, a page
// never holds its first line alone at the foot or its last line alone at
// the top; a text of three lines or fewer never splits.
func TestNoWidowsOrOrphans(t *testing.T) {
	for _, sentences := range []int{2, 4, 5, 7, 12} {
		text := strings.Repeat("Ogni tavolo raccoglie residenti, associazioni e servizi del quartiere. ", sentences)
		for pad := 0; pad <= 95; pad++ {
			p := &document.Paragraph{Spans: spans(text)}
			l := layOut(t, padded(pad, p, &document.Paragraph{Spans: spans("Dopo.")}))
			at := l.placed[len(l.placed)-2]
			lines := l.newText(p.Spans, bodySize, bodyLeading, "").lines(textW)
			if at.page == at.endPage {
				continue
			}
			// the block ends paraGap below its last line
			last := int((at.endY-paraGap-marginTop)/bodyLeading + 0.5)
			first := len(lines) - last
			where := fmt.Sprintf("%d lines, pad %d", len(lines), pad)
			switch {
			case first <= 0:
				// moved whole to the next page (the block was recorded
				// where the flow stood before it)
			case len(lines) <= 3:
				t.Errorf("%s: a text of %d lines split", where, len(lines))
			case first < 2:
				t.Errorf("%s: %d line(s) alone at the foot of page %d", where, first, at.page)
			case last < 2:
				t.Errorf("%s: %d line(s) alone at the top of page %d", where, last, at.endPage)
			}
		}
	}
}
