package narrative

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"rendiconto/report/document"
)

// md parses CommonMark with tables, and typographic quotes and dashes
// written as characters (not HTML entities), since the output is a PDF.
var md = goldmark.New(goldmark.WithExtensions(
	extension.Table,
	extension.NewTypographer(extension.WithTypographicSubstitutions(extension.TypographicSubstitutions{
		extension.LeftSingleQuote:  []byte("‘"),
		extension.RightSingleQuote: []byte("’"),
		extension.LeftDoubleQuote:  []byte("“"),
		extension.RightDoubleQuote: []byte("”"),
		extension.EnDash:           []byte("–"),
		extension.EmDash:           []byte("—"),
		extension.Ellipsis:         []byte("…"),
		extension.Apostrophe:       []byte("’"),
		extension.LeftAngleQuote:   []byte("«"),
		extension.RightAngleQuote:  []byte("»"),
	})),
))

// markdown parses the executed template into blocks, putting back the
// blocks set aside by template functions in place of their placeholders.
func markdown(src []byte, aside []document.Block) []document.Block {
	root := md.Parser().Parse(text.NewReader(src))
	c := converter{src: src, aside: aside}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		c.block(n)
	}
	return c.out
}

type converter struct {
	src   []byte
	aside []document.Block
	out   []document.Block
}

func (c *converter) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		c.out = append(c.out, &document.Heading{Level: n.Level, Text: c.paragraph(n).Plain()})
	case *ast.Paragraph, *ast.TextBlock:
		p := c.paragraph(n)
		c.out = append(c.out, &p)
	case *ast.HTMLBlock:
		if b, ok := c.placeholderBlock(n); ok {
			c.out = append(c.out, b)
		}
	case *ast.List:
		l := &document.List{Ordered: n.IsOrdered()}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			var spans []document.Span
			for b := it.FirstChild(); b != nil; b = b.NextSibling() {
				if len(spans) > 0 {
					spans = append(spans, document.Span{Text: " "})
				}
				spans = append(spans, c.paragraph(b).Spans...)
			}
			l.Items = append(l.Items, document.Paragraph{Spans: spans})
		}
		c.out = append(c.out, l)
	case *ast.Blockquote:
		q := &document.Quote{}
		for b := n.FirstChild(); b != nil; b = b.NextSibling() {
			p := c.paragraph(b)
			if s, ok := strings.CutPrefix(p.Plain(), "— "); ok && b.NextSibling() == nil {
				q.Source = s
				continue
			}
			q.Text = append(q.Text, p)
		}
		c.out = append(c.out, q)
	case *east.Table:
		c.out = append(c.out, c.table(n))
	default:
		// Thematic breaks, HTML and code blocks have no place in a report.
	}
}

// paragraph flattens the inline content of n into styled spans.
func (c *converter) paragraph(n ast.Node) document.Paragraph {
	var p document.Paragraph
	var walk func(n ast.Node, bold, italic, code bool)
	walk = func(n ast.Node, bold, italic, code bool) {
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch ch := ch.(type) {
			case *ast.Text:
				t := string(ch.Segment.Value(c.src))
				if !code {
					t = unescapeText(ch.Segment.Value(c.src))
				}
				if ch.SoftLineBreak() || ch.HardLineBreak() {
					t += " "
				}
				p.Spans = append(p.Spans, document.Span{Text: t, Bold: bold, Italic: italic})
			case *ast.String:
				p.Spans = append(p.Spans, document.Span{Text: string(ch.Value), Bold: bold, Italic: italic})
			case *ast.Emphasis:
				walk(ch, bold || ch.Level == 2, italic || ch.Level == 1, code)
			case *ast.CodeSpan:
				walk(ch, bold, italic, true)
			default:
				walk(ch, bold, italic, code)
			}
		}
	}
	walk(n, false, false, false)
	p.Spans = mergeSpans(p.Spans)
	return p
}

// mergeSpans joins the neighbouring spans of the same style, in linear
// time: a paragraph may hold many thousand pieces.
func mergeSpans(spans []document.Span) []document.Span {
	var out []document.Span
	var b strings.Builder
	for i, s := range spans {
		b.WriteString(s.Text)
		if i+1 < len(spans) && spans[i+1].Bold == s.Bold && spans[i+1].Italic == s.Italic {
			continue
		}
		s.Text = b.String()
		b.Reset()
		out = append(out, s)
	}
	return out
}

func (c *converter) table(n *east.Table) *document.Table {
	t := &document.Table{}
	for _, a := range n.Alignments {
		t.Numeric = append(t.Numeric, a == east.AlignRight)
	}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.paragraph(cell).Plain())
		}
		if _, ok := r.(*east.TableHeader); ok {
			t.Header = cells
			continue
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}
