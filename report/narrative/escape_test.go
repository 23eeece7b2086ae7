package narrative

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"rendiconto/report"
	"rendiconto/report/document"
)

// hostile are names that mean something in Markdown, or to this package.
var hostile = []string{
	"\n\n# Titolo falso", "a | b", "@@block-0", `<rendiconto-block n="0">`, "*star*", "**bold**", "_under_",
	"[link](x)", "[x]: http://e.it", "<http://e.it>", "<b>", "`code`", "```", "~~~", "1. uno", "1) uno",
	"- trattino", "+ più", "> quote", "Centro\n===", "***", "    rientro", "a\\b", `\# x`, "&amp; &#35;",
	"fine #", "riga\r\nnuova\ttab", "a  \nb", "!", "{{.City}}", "a--b...", "<<x>>", "Caffè 12,5% — 14.844",
}

// plain is what a hostile name reads as once printed: line breaks, tabs
// and form feeds are spaces, the ends trimmed.
func plain(s string) string {
	return strings.Trim(strings.NewReplacer("\r", " ", "\n", " ", "\t", " ", "\v", " ", "\f", " ").Replace(s), " ")
}

// straight undoes the typographer, which curls the quotes of data as it
// does those of the templates.
var straight = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`)

// dataTemplate prints the names of the data in a heading, a paragraph, at
// the start of a line, in a table cell and in a list item.
const dataTemplate = `# Rendiconto {{.City}}

Testo {{.City}} fine.

| Quartiere | Residenti |
|---|--:|
{{range .Districts}}| {{.Name}} | {{.Residents}} |
{{end}}
## {{title "B.3.3"}}

{{range top "B.3.3" 1}}{{.Label}}{{end}}

{{.City}}

- {{.City}}
`

// TestDataIsText builds a template that prints a territory name, a district
// name, an indicator title and a breakdown label taken from hostile data,
// and checks that each comes out as the same text, in the blocks the
// template writes and no other.
func TestDataIsText(t *testing.T) {
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	rs := hs[len(hs)-1]
	r, ok := rs.Lookup("B.3.3")
	if !ok || len(r.Breakdown) == 0 || len(rs.Edition.Territory.Districts) < 2 {
		t.Fatal("the sample lacks B.3.3 or its districts")
	}
	top := 0
	for i, row := range r.Breakdown {
		if row.Value > r.Breakdown[top].Value {
			top = i
		}
	}
	src := Source{FS: fstest.MapFS{"a.md": {Data: []byte(dataTemplate)}}, Name: "t"}
	for _, name := range hostile {
		rs.Edition.Territory.Name = name
		rs.Edition.Territory.Districts[0].Name = name
		r.Indicator.Title = report.Text{It: name}
		r.Breakdown[top].Label = report.Text{It: name}
		doc, err := Build(context.Background(), src, hs, "it", Limits{})
		if err != nil {
			t.Errorf("%q: %v", name, err)
			continue
		}
		want := plain(name)
		doc.Blocks = straighten(doc.Blocks)
		got := dump(&document.Document{Blocks: doc.Blocks})
		check := func(what string, ok bool) {
			if !ok {
				t.Errorf("%q: %s; the document is\n%s", name, what, got)
			}
		}
		if len(doc.Blocks) != 7 {
			check("7 blocks", false)
			continue
		}
		h, ok := doc.Blocks[0].(*document.Heading)
		check("heading", ok && h.Level == 1 && h.Text == "Rendiconto "+want)
		p, ok := doc.Blocks[1].(*document.Paragraph)
		check("paragraph", ok && p.Plain() == "Testo "+want+" fine." && len(p.Spans) == 1)
		tb, ok := doc.Blocks[2].(*document.Table)
		check("table", ok && len(tb.Header) == 2 && len(tb.Rows) == len(rs.Edition.Territory.Districts) &&
			len(tb.Rows[0]) == 2 && tb.Rows[0][0] == want)
		h, ok = doc.Blocks[3].(*document.Heading)
		check("title heading", ok && h.Level == 2 && h.Text == want)
		for i, what := range []string{"breakdown label", "name on a line"} {
			p, ok = doc.Blocks[4+i].(*document.Paragraph)
			check(what, ok && p.Plain() == want && len(p.Spans) == 1 && !p.Spans[0].Bold && !p.Spans[0].Italic)
		}
		l, ok := doc.Blocks[6].(*document.List)
		check("list item", ok && len(l.Items) == 1 && l.Items[0].Plain() == want)
	}
}

// TestPlaceholderSpoof puts the text of a placeholder in the data of a
// template that sets a chart aside: the chart is placed once, where the
// template asks, and the data reads as written.
func TestPlaceholderSpoof(t *testing.T) {
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	rs := hs[len(hs)-1]
	src := Source{FS: fstest.MapFS{"a.md": {Data: []byte("{{.City}}\n\n{{chart \"B.3.3\"}}\n\n{{.City}}\n")}}, Name: "t"}
	for _, spoof := range []string{"@@block-0", "\n\n@@block-0\n\n", `<rendiconto-block n="0">`, "\n\n<rendiconto-block n=\"0\">\n\n"} {
		rs.Edition.Territory.Name = spoof
		doc, err := Build(context.Background(), src, hs, "it", Limits{})
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, b := range doc.Blocks {
			switch b := b.(type) {
			case *document.Paragraph:
				if straight.Replace(b.Plain()) != plain(spoof) {
					t.Errorf("%q: paragraph %q", spoof, b.Plain())
				}
				kinds = append(kinds, "p")
			case *document.Chart:
				kinds = append(kinds, "chart")
			default:
				kinds = append(kinds, "?")
			}
		}
		if strings.Join(kinds, " ") != "p chart p" {
			t.Errorf("%q: blocks %v, want p chart p", spoof, kinds)
		}
	}
	// A deck reads its placeholders in the same way.
	deckSrc := Source{FS: fstest.MapFS{"a.md": {Data: []byte("# {{.City}}\n\n{{chart \"B.3.3\"}}\n")}}, Name: "t"}
	rs.Edition.Territory.Name = `<rendiconto-block n="0">`
	deck, err := BuildDeck(context.Background(), deckSrc, hs, "it", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(deck.Slides) != 1 || straight.Replace(deck.Slides[0].Title) != rs.Edition.Territory.Name || deck.Slides[0].Layout != document.LayoutChart {
		t.Errorf("deck: %s", dumpDeck(deck))
	}
}

// TestValuesStayValues checks that escaping at print time leaves values as
// they are inside the template, for comparisons, and that formatted numbers
// read as before.
func TestValuesStayValues(t *testing.T) {
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	hs[len(hs)-1].Edition.Territory.Name = "a_b"
	src := Source{FS: fstest.MapFS{"a.md": {Data: []byte(
		`{{if eq .City "a_b"}}uguale{{end}} {{printf "%s-%s" .City "x"}} {{"12,5% - 14.844 n.d."}} {{3.5}} {{.Year}}`)}}, Name: "t"}
	doc, err := Build(context.Background(), src, hs, "it", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	_, got, _ := strings.Cut(dump(&document.Document{Blocks: doc.Blocks}), "\n")
	if want := "p: uguale a_b-x 12,5% - 14.844 n.d. 3.5 2023\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// FuzzEscapeText checks that any text, escaped, reads back as itself in a
// paragraph, a heading and a table cell. Quotes are left to the
// typographer, which curls them; the check straightens them again.
func FuzzEscapeText(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Add(`"virgolette" e l'apostrofo`)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\x00‘’“”") {
			return
		}
		want := plain(s)
		if strings.TrimSpace(want) != want {
			return // other white space at the ends is trimmed by goldmark
		}
		esc := escapeText(s)
		for _, tc := range []struct{ pre, post string }{{"", ""}, {"# ", ""}, {"| a |\n|---|\n| ", " |"}} {
			blocks := markdown([]byte(tc.pre+esc+tc.post), nil)
			if want == "" {
				continue
			}
			if len(blocks) != 1 {
				t.Fatalf("%q in %q: %d blocks", s, tc.pre, len(blocks))
			}
			var got string
			switch b := blocks[0].(type) {
			case *document.Paragraph:
				got = b.Plain()
			case *document.Heading:
				got = b.Text
			case *document.Table:
				if len(b.Header) != 1 || len(b.Rows) != 1 || len(b.Rows[0]) != 1 {
					t.Fatalf("%q: table %v %v", s, b.Header, b.Rows)
				}
				got = b.Rows[0][0]
			}
			if straight.Replace(got) != want {
				t.Fatalf("%q in %q: got %q", s, tc.pre, got)
			}
		}
	})
}

// straighten undoes the typographer in the text of headings, paragraphs,
// list items and table cells.
func straighten(bs []document.Block) []document.Block {
	para := func(p *document.Paragraph) {
		for i := range p.Spans {
			p.Spans[i].Text = straight.Replace(p.Spans[i].Text)
		}
	}
	for _, b := range bs {
		switch b := b.(type) {
		case *document.Heading:
			b.Text = straight.Replace(b.Text)
		case *document.Paragraph:
			para(b)
		case *document.List:
			for i := range b.Items {
				para(&b.Items[i])
			}
		case *document.Table:
			for _, r := range b.Rows {
				for i := range r {
					r[i] = straight.Replace(r[i])
				}
			}
		}
	}
	return bs
}
