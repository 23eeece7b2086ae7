package narrative

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"rendiconto/report"
	"rendiconto/report/document"
)

// BuildDeck executes every Markdown template of src, in file name order, on
// the results of the last edition of history, as Build does for the report,
// with the same functions, and cuts the result into slides.
//
// A thematic break (a line "---" after a blank line) ends a slide, and so
// does the end of a file. The slide's first heading is its title. Its layout
// is named by a comment such as <!-- layout: numbers --> anywhere in it, or
// else inferred: a chart alone is a chart slide, a chart with text two
// columns, a quotation alone a quote slide, a title alone a section
// divider, anything else bullets. Other HTML comments are speaker notes and
// are left out. Every error of every file is returned, as a
// report.ErrorList; slide errors name the slide by number and title.
//
// Templates run under ctx and lim as they do for Build.
func BuildDeck(ctx context.Context, src Source, history []*report.Results, lang string, lim Limits) (*document.Deck, error) {
	deck := &document.Deck{Front: front(history[len(history)-1], lang)}
	names, err := src.files()
	if err != nil {
		return nil, err
	}
	lim = lim.withDefaults()
	ctx, cancel := context.WithTimeoutCause(ctx, lim.Timeout, errTimeout)
	defer cancel()
	var errs report.ErrorList
	cmp := newChanges(history)
	for _, name := range names {
		file := src.path(name)
		md, e, err := run(ctx, src, name, history, lang, lim, cmp)
		if err != nil {
			if errs, err = collect(errs, err, file); err != nil {
				return nil, err
			}
			if ctx.Err() != nil {
				break // the time limit: the next templates would only say so again
			}
			continue
		}
		slides, serrs := splitSlides(md, e.blocks, file, len(deck.Slides))
		errs = append(errs, serrs...)
		deck.Slides = append(deck.Slides, slides...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return deck, nil
}

var layoutRE = regexp.MustCompile(`^<!--\s*layout:\s*([^\s>]*)\s*-->\s*$`)

// splitSlides parses the executed Markdown of one file into slides,
// numbered on from before.
func splitSlides(src []byte, aside []document.Block, file string, before int) ([]document.Slide, report.ErrorList) {
	root := md.Parser().Parse(text.NewReader(src))
	c := converter{src: src, aside: aside}
	var slides []document.Slide
	var errs report.ErrorList
	cur := document.Slide{}
	flush := func() {
		if cur.Title == "" && len(cur.Blocks) == 0 && cur.Layout == "" {
			return // an empty slide: a leading break, or one left empty by {{if}}
		}
		n := before + len(slides) + 1
		cur.File = file
		if err := shape(&cur, n); err != nil {
			errs.Add(report.Pos{File: file}, "%s", err)
		}
		slides = append(slides, cur)
		cur = document.Slide{}
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.ThematicBreak:
			flush()
		case *ast.HTMLBlock:
			if b, ok := c.placeholderBlock(n); ok {
				c.out = append(c.out, b)
				break
			}
			var b strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				b.Write(seg.Value(src))
			}
			if m := layoutRE.FindStringSubmatch(strings.TrimSpace(b.String())); m != nil {
				cur.Layout = m[1]
				if !slices.Contains(document.Layouts, m[1]) {
					errs.Add(report.Pos{File: file}, "slide %d: unknown layout %q%s (want one of %s)",
						before+len(slides)+1, m[1], report.Hint(m[1], document.Layouts), strings.Join(document.Layouts, ", "))
					cur.Layout = document.LayoutBullets
				}
			}
		case *ast.Heading:
			if cur.Title == "" {
				cur.Title = c.paragraph(n).Plain()
				continue
			}
			c.block(n)
		default:
			c.block(n)
		}
		cur.Blocks = append(cur.Blocks, c.out...)
		c.out = c.out[:0]
	}
	flush()
	return slides, errs
}

// shape infers the slide's layout when no comment names it, and checks that
// its blocks suit the layout; the big numbers of a numbers slide become a
// document.Numbers block.
func shape(s *document.Slide, n int) error {
	var charts, quotes, lists, other int
	for _, b := range s.Blocks {
		switch b.(type) {
		case *document.Chart:
			charts++
		case *document.Quote:
			quotes++
		case *document.List:
			lists++
		default:
			other++
		}
	}
	text := quotes + lists + other
	if s.Layout == "" {
		switch {
		case charts == 1 && text == 0:
			s.Layout = document.LayoutChart
		case charts == 1:
			s.Layout = document.LayoutColumns
		case quotes == 1 && text == 1:
			s.Layout = document.LayoutQuote
		case len(s.Blocks) == 0:
			s.Layout = document.LayoutSection
		default:
			s.Layout = document.LayoutBullets
		}
	}
	fail := func(format string, args ...any) error {
		return fmt.Errorf("slide %d %s: %s", n, quoteTitle(s.Title), fmt.Sprintf(format, args...))
	}
	if _, ok := firstTable(s.Blocks); ok {
		return fail("a table has no place on a slide: show the indicator with {{chart}} or big numbers")
	}
	if (s.Layout == document.LayoutChart || s.Layout == document.LayoutColumns) && charts == 0 && slices.ContainsFunc(s.Blocks, isNPChart) {
		// the chart's rows are all withheld: its sentence stands alone
		s.Layout = document.LayoutBullets
	}
	switch s.Layout {
	case document.LayoutChart:
		if charts != 1 || text > 0 {
			return fail("a chart slide holds one chart and nothing else (found %d charts and %d other blocks); use layout columns for a chart with text", charts, text)
		}
	case document.LayoutColumns:
		if charts != 1 || text == 0 {
			return fail("a columns slide holds one chart and some text (found %d charts and %d text blocks)", charts, text)
		}
	case document.LayoutQuote:
		if quotes != 1 {
			return fail("a quote slide holds one quotation (a > block), found %d", quotes)
		}
	case document.LayoutNumbers:
		return numbers(s, fail)
	default:
		if charts > 0 {
			return fail("layout %s has no room for a chart: use layout chart or columns", s.Layout)
		}
	}
	return nil
}

// numbers turns the numbers slide's list into big numbers: each item
// begins with its value in bold, "**14.844** beneficiari".
func numbers(s *document.Slide, fail func(string, ...any) error) error {
	i := slices.IndexFunc(s.Blocks, func(b document.Block) bool { _, ok := b.(*document.List); return ok })
	if i < 0 {
		return fail("a numbers slide needs a list of 3 to 6 items such as - **{{value \"B.3.groups\"}}** gruppi")
	}
	list := s.Blocks[i].(*document.List)
	if k := len(list.Items); k < 3 || k > 6 {
		return fail("a numbers slide shows 3 to 6 big numbers, not %d", k)
	}
	nums := &document.Numbers{}
	for j, it := range list.Items {
		if len(it.Spans) == 0 || !it.Spans[0].Bold || strings.TrimSpace(it.Spans[0].Text) == "" {
			return fail("item %d (%q) does not begin with its value in bold, as in - **{{value \"B.3.groups\"}}** gruppi", j+1, it.Plain())
		}
		label := slices.Clone(it.Spans[1:])
		if len(label) > 0 {
			label[0].Text = strings.TrimLeft(label[0].Text, " :–—-")
		}
		nums.Items = append(nums.Items, document.Number{Value: strings.TrimSpace(it.Spans[0].Text), Label: label})
	}
	s.Blocks[i] = nums
	return nil
}

func firstTable(bs []document.Block) (*document.Table, bool) {
	for _, b := range bs {
		if t, ok := b.(*document.Table); ok {
			return t, true
		}
	}
	return nil, false
}

// quoteTitle writes a slide's title for a message: «title», or (untitled).
func quoteTitle(title string) string {
	if title == "" {
		return "(untitled)"
	}
	return "«" + title + "»"
}
