package html

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode"

	"rendiconto/report/document"
)

// Options set what the document does not say.
type Options struct {
	// ChartSVG draws a chart as an inline SVG for the page's language; nil:
	// each chart shows only its data table. The SVG gets role="img" and
	// the chart's caption as its accessible name unless it has its own.
	ChartSVG func(c *document.Chart, lang string) ([]byte, error)
	// Accent colours headings, links, table headers and the cover, as
	// "#rrggbb"; empty: DefaultAccent. One too light to read is darkened
	// (see Readable).
	Accent string
	// Logo is a PNG or JPEG image shown on the cover, above the
	// organisation, or nil; LogoType is "png" or "jpg" (the PDF's).
	Logo     []byte
	LogoType string
}

// Render writes the document as one self-contained HTML page.
func Render(doc *document.Document, opt Options) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("html: internal error: %v\n%s", p, debug.Stack())
		}
	}()
	accent, err := accentColour(opt.Accent)
	if err != nil {
		return nil, fmt.Errorf("accent colour: %w", err)
	}
	lang := doc.Lang
	if lang != "en" {
		lang = "it"
	}
	p := &page{doc: doc, opt: opt, lang: lang, w: wordsFor(lang), ids: newIDs()}
	p.plan()
	p.head(accent)
	p.cover()
	p.nav()
	if err := p.main(); err != nil {
		return nil, err
	}
	p.footer()
	return p.b.Bytes(), nil
}

// page is the state of a page being written.
type page struct {
	doc  *document.Document
	opt  Options
	lang string
	w    pageWords
	ids  *ids
	b    bytes.Buffer

	headings []heading // every heading of the document, in order
	figures  int       // charts numbered so far
	tables   int       // captioned tables numbered so far
	plain    int       // tables without a caption so far
}

// heading is a document heading as the page writes it.
type heading struct {
	h     *document.Heading
	level int // 2 to 6: h2 for a part
	id    string
}

// plan gives every heading its level and id before anything is written,
// for the contents. A part is h2, a section h3, a subsection h4; a level
// is never skipped (a section right under the title is h2).
func (p *page) plan() {
	prev := 1 // the title
	for _, b := range p.doc.Blocks {
		h, ok := b.(*document.Heading)
		if !ok {
			continue
		}
		level := min(max(h.Level+1, 2), prev+1, 6)
		prev = level
		p.headings = append(p.headings, heading{h: h, level: level, id: p.ids.next(h.Text, "sezione")})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// s writes strings as they are (markup).
func (p *page) s(parts ...string) {
	for _, s := range parts {
		p.b.WriteString(s)
	}
}

// t writes text, escaped.
func (p *page) t(s string) { p.b.WriteString(esc(s)) }

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// esc escapes text for an element or an attribute, dropping the control
// characters HTML does not allow (a tab and a newline stay).
func esc(s string) string {
	if strings.IndexFunc(s, badRune) >= 0 {
		s = strings.Map(func(r rune) rune {
			if badRune(r) {
				return -1
			}
			return r
		}, s)
	}
	return escaper.Replace(s)
}

func badRune(r rune) bool {
	return r != '\n' && r != '\t' && unicode.IsControl(r)
}

func (p *page) head(accent string) {
	d := p.doc
	title := d.Header
	if title == "" {
		title = d.Title
	}
	if d.Internal != "" {
		// the stamp first, so a tab, a bookmark or a printout's header says it
		title = d.Internal + " · " + title
	}
	p.s("<!DOCTYPE html>\n<html lang=\"", p.lang, "\">\n<head>\n<meta charset=\"utf-8\">\n",
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	p.t(title)
	p.s("</title>\n")
	if d.Internal != "" {
		// a copy put online by mistake stays out of search engines
		p.s("<meta name=\"robots\" content=\"noindex\">\n")
	}
	meta := func(name, content string) {
		if content != "" {
			p.s("<meta name=\"", name, "\" content=\"", esc(content), "\">\n")
		}
	}
	meta("description", d.Subtitle)
	meta("author", d.Organisation)
	meta("keywords", strings.Join(d.Keywords, ", "))
	meta("generator", "rendiconto")
	p.s("<style>\n", styleSheet(accent), "</style>\n</head>\n")
	if d.Internal != "" {
		p.s("<body class=\"stamped\">\n") // the print sheet repeats the stamp on every page
	} else {
		p.s("<body>\n")
	}
	p.s("<a class=\"skip\" href=\"#contenuto\">", esc(p.w.skip), "</a>\n")
}

func (p *page) cover() {
	d := p.doc
	p.s("<header class=\"cover\">\n")
	if d.Internal != "" {
		p.s("<p class=\"internal\">", esc(d.Internal), "</p>\n")
	}
	p.s("<div class=\"wrap\">\n")
	if d.City != "" {
		p.s("<p class=\"city\">", esc(d.City), "</p>\n")
	}
	p.s("<h1>", esc(d.Title), "</h1>\n")
	if d.Subtitle != "" {
		p.s("<p class=\"subtitle\">", esc(d.Subtitle), "</p>\n")
	}
	if d.Year != 0 {
		// the year large, as on the PDF's cover; the edition's line says it
		p.s("<p class=\"year\" aria-hidden=\"true\">", strconv.Itoa(d.Year), "</p>\n")
	}
	if len(p.opt.Logo) > 0 {
		// decorative: the organisation's name follows
		mime := "image/png"
		if p.opt.LogoType == "jpg" || p.opt.LogoType == "jpeg" {
			mime = "image/jpeg"
		}
		p.s("<p class=\"logo\"><img src=\"data:", mime, ";base64,", base64.StdEncoding.EncodeToString(p.opt.Logo), "\" alt=\"\"></p>\n")
	}
	if d.Organisation != "" {
		p.s("<p class=\"org\">", esc(d.Organisation), "</p>\n")
	}
	if len(d.Partners) > 0 {
		p.s("<p class=\"partners\">", esc(p.w.partners+" "+strings.Join(d.Partners, ", ")), "</p>\n")
	}
	if d.Year != 0 || d.DateText != "" {
		p.s("<p class=\"edition\">")
		if d.Year != 0 {
			p.t(fmt.Sprintf(p.w.edition, d.Year))
		}
		if d.DateText != "" {
			if d.Year != 0 {
				p.s(" · ")
			}
			if d.Date.IsZero() {
				p.t(d.DateText)
			} else {
				p.s("<time datetime=\"", d.Date.Format("2006-01-02"), "\">", esc(d.DateText), "</time>")
			}
		}
		p.s("</p>\n")
	}
	if d.Sample != "" {
		p.s("<p class=\"sample\">")
		p.spans(sampleSpans(d.Sample))
		p.s("</p>\n")
	}
	p.s("</div>\n</header>\n")
}

// sampleSpans is the sample sentence with its label ("Dati di esempio:")
// in bold, as on the PDF's cover.
func sampleSpans(s string) []document.Span {
	if head, rest, ok := strings.Cut(s, ": "); ok && len(head) < 40 {
		return []document.Span{{Text: head + ":", Bold: true}, {Text: " " + rest}}
	}
	return []document.Span{{Text: s}}
}

// nav writes the contents: the parts and their sections, as the PDF's.
func (p *page) nav() {
	var top []heading
	for _, h := range p.headings {
		if h.h.Level <= 2 {
			top = append(top, h)
		}
	}
	if len(top) == 0 {
		return
	}
	p.s("<nav aria-labelledby=\"indice\">\n<h2 id=\"indice\">", esc(p.w.contents), "</h2>\n<ol>\n")
	open := false // a list of sections is open under a part
	for i, h := range top {
		if h.h.Level == 2 && i > 0 && top[i-1].h.Level == 1 {
			p.s("\n<ol>\n")
			open = true
		} else if i > 0 {
			if h.h.Level == 1 && open {
				p.s("</li>\n</ol>\n")
				open = false
			}
			p.s("</li>\n")
		}
		p.s("<li><a href=\"#", h.id, "\">", esc(h.h.Text), "</a>")
	}
	if open {
		p.s("</li>\n</ol>\n")
	}
	p.s("</li>\n</ol>\n</nav>\n")
}

func (p *page) main() error {
	p.s("<main id=\"contenuto\" tabindex=\"-1\">\n")
	heading := 0
	for _, b := range p.doc.Blocks {
		switch b := b.(type) {
		case *document.Heading:
			h := p.headings[heading]
			heading++
			n := strconv.Itoa(h.level)
			p.s("<h", n, " id=\"", h.id, "\">", esc(b.Text), "</h", n, ">\n")
		case *document.Paragraph:
			p.s("<p>")
			p.spans(b.Spans)
			p.s("</p>\n")
		case *document.List:
			p.list(b)
		case *document.Quote:
			p.quote(b)
		case *document.Table:
			p.table(b)
		case *document.Chart:
			if err := p.chart(b); err != nil {
				return err
			}
		case *document.Numbers:
			p.numbers(b)
		}
	}
	p.s("</main>\n")
	return nil
}

// spans writes styled text: bold as <strong>, italic as <em>.
func (p *page) spans(spans []document.Span) {
	for _, sp := range spans {
		switch {
		case sp.Bold && sp.Italic:
			p.s("<strong><em>", esc(sp.Text), "</em></strong>")
		case sp.Bold:
			p.s("<strong>", esc(sp.Text), "</strong>")
		case sp.Italic:
			p.s("<em>", esc(sp.Text), "</em>")
		default:
			p.t(sp.Text)
		}
	}
}

func (p *page) list(l *document.List) {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	p.s("<", tag, ">\n")
	for _, it := range l.Items {
		p.s("<li>")
		p.spans(it.Spans)
		p.s("</li>\n")
	}
	p.s("</", tag, ">\n")
}

// quote writes a quotation; with its source, a figure whose caption names
// it.
func (p *page) quote(q *document.Quote) {
	if q.Source != "" {
		p.s("<figure class=\"quote\">\n")
	}
	p.s("<blockquote>\n")
	for _, para := range q.Text {
		p.s("<p>")
		p.spans(para.Spans)
		p.s("</p>\n")
	}
	p.s("</blockquote>\n")
	if q.Source != "" {
		p.s("<figcaption>— <cite>", esc(q.Source), "</cite></figcaption>\n</figure>\n")
	}
}

// numbers writes a deck's big figures (a slide's block) as a list.
func (p *page) numbers(n *document.Numbers) {
	p.s("<ul class=\"numbers\">\n")
	for _, it := range n.Items {
		p.s("<li><strong>", esc(it.Value), "</strong> ")
		p.spans(it.Label)
		p.s("</li>\n")
	}
	p.s("</ul>\n")
}

func (p *page) footer() {
	d := p.doc
	p.s("<footer>\n")
	if d.Internal != "" {
		p.s("<p><strong>", esc(d.Internal), "</strong></p>\n")
	}
	p.s("<p>")
	if d.Sample != "" {
		p.s("<strong>", esc(p.w.sample), "</strong>")
		if d.Organisation != "" {
			p.s(" · ")
		}
	}
	p.t(d.Organisation)
	p.s("</p>\n")
	line := d.Title
	if d.Year != 0 {
		line = strings.TrimPrefix(line+" · "+fmt.Sprintf(p.w.edition, d.Year), " · ")
	}
	p.s("<p>", esc(line), "</p>\n</footer>\n</body>\n</html>\n")
}
