package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/fonts"
)

// The embedded font cannot draw every character: fpdf panics on one above
// U+FFFF and prints the others it lacks as empty boxes. Everything Report
// and Slides draw goes through fonts.Printable first, on a copy of the
// document, so that a reader sees a replacement mark instead.

func printable(s string) string { return fonts.Printable(s) }

func printables(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = printable(s)
	}
	return out
}

func printableFront(fm document.Front) document.Front {
	fm.Title = printable(fm.Title)
	fm.Subtitle = printable(fm.Subtitle)
	fm.Organisation = printable(fm.Organisation)
	fm.Sample = printable(fm.Sample)
	fm.Partners = printables(fm.Partners)
	fm.City = printable(fm.City)
	fm.DateText = printable(fm.DateText)
	fm.Keywords = printables(fm.Keywords)
	return fm
}

func printableSpans(spans []document.Span) []document.Span {
	if spans == nil {
		return nil
	}
	out := make([]document.Span, len(spans))
	for i, sp := range spans {
		sp.Text = printable(sp.Text)
		out[i] = sp
	}
	return out
}

func printableParagraphs(ps []document.Paragraph) []document.Paragraph {
	if ps == nil {
		return nil
	}
	out := make([]document.Paragraph, len(ps))
	for i, p := range ps {
		out[i] = document.Paragraph{Spans: printableSpans(p.Spans)}
	}
	return out
}

// printableBlock returns a copy of b with its text printable. Numbers are
// not copied: they are not text.
func printableBlock(b document.Block) document.Block {
	switch b := b.(type) {
	case *document.Heading:
		c := *b
		c.Text = printable(c.Text)
		return &c
	case *document.Paragraph:
		return &document.Paragraph{Spans: printableSpans(b.Spans)}
	case *document.List:
		c := *b
		c.Items = printableParagraphs(b.Items)
		return &c
	case *document.Quote:
		c := *b
		c.Text = printableParagraphs(b.Text)
		c.Source = printable(b.Source)
		return &c
	case *document.Table:
		c := *b
		c.Caption = printable(b.Caption)
		c.Header = printables(b.Header)
		if b.Rows != nil {
			c.Rows = make([][]string, len(b.Rows))
			for i, r := range b.Rows {
				c.Rows[i] = printables(r)
			}
		}
		c.Note = printable(b.Note)
		return &c
	case *document.Chart:
		c := *b
		c.Caption = printable(b.Caption)
		c.Labels = printables(b.Labels)
		if b.Series != nil {
			c.Series = make([]document.Series, len(b.Series))
			for i, s := range b.Series {
				c.Series[i] = document.Series{Name: printable(s.Name), Values: s.Values}
			}
		}
		c.Note = printable(b.Note)
		return &c
	case *document.Numbers:
		c := &document.Numbers{Items: make([]document.Number, len(b.Items))}
		for i, n := range b.Items {
			c.Items[i] = document.Number{Value: printable(n.Value), Label: printableSpans(n.Label)}
		}
		return c
	}
	return b
}

func printableBlocks(bs []document.Block) []document.Block {
	if bs == nil {
		return nil
	}
	out := make([]document.Block, len(bs))
	for i, b := range bs {
		out[i] = printableBlock(b)
	}
	return out
}

// printableDocument returns a copy of doc whose every text the font draws.
func printableDocument(doc *document.Document) *document.Document {
	return &document.Document{
		Front:  printableFront(doc.Front),
		Header: printable(doc.Header),
		Blocks: printableBlocks(doc.Blocks),
	}
}

// printableDeck returns a copy of d whose every text the font draws.
func printableDeck(d *document.Deck) *document.Deck {
	c := &document.Deck{Front: printableFront(d.Front), Slides: make([]document.Slide, len(d.Slides))}
	for i, s := range d.Slides {
		s.Title = printable(s.Title)
		s.Blocks = printableBlocks(s.Blocks)
		c.Slides[i] = s
	}
	return c
}

// metaText makes s fit for the PDF's metadata, which viewers show in their
// own fonts: any script stays, but control characters go, and so do the
// characters above U+FFFF, which fpdf cannot encode.
func metaText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		case r > 0xFFFF || r == utf8.RuneError:
			return fonts.Replacement
		}
		return r
	}, s)
}

// metaFront is the front matter as newPDF puts it in the metadata.
func metaFront(fm document.Front) document.Front {
	fm.Title = metaText(fm.Title)
	fm.Subtitle = metaText(fm.Subtitle)
	fm.Organisation = metaText(fm.Organisation)
	keywords := make([]string, len(fm.Keywords))
	for i, k := range fm.Keywords {
		keywords[i] = metaText(k)
	}
	fm.Keywords = keywords
	return fm
}

// internalError turns a panic recovered from the layout or from fpdf into
// an error, so that bad input never takes the program down.
func internalError(p any) error { return &report.InternalError{Where: "pdf", Panic: p} }
