package pdf

import (
	"bytes"
	"fmt"

	"github.com/go-pdf/fpdf"

	"rendiconto/report/document"
)

// ReportOptions set what the document does not say: the chart style, the
// name that signs the PDF.
type ReportOptions struct {
	Charts Style
	Author string // empty: the document's organisation
}

// A4 page geometry in millimetres.
const (
	pageW, pageH          = 210.0, 297.0
	marginL, marginR      = 25.0, 22.0
	marginTop, marginBot  = 26.0, 24.0
	textW                 = pageW - marginL - marginR
	bodySize, bodyLeading = 10.5, 5.4
	smallSize, smallLead  = 8.0, 3.8
	headerY, footerY      = 13.0, pageH - 13.0
	keepWithHeading       = 32.0 // room a heading needs below it on its page
	paraGap, blockGap     = 2.6, 6.0
)

// colours of the layout, as RGB.
var (
	ink    = [3]int{0x22, 0x22, 0x22}
	muted  = [3]int{0x66, 0x66, 0x66}
	accent = [3]int{0x1f, 0x5f, 0x8b}
	rule   = [3]int{0xc8, 0xd3, 0xdc}
	tint   = [3]int{0xeb, 0xf1, 0xf6}
)

// Report draws the document as an A4 PDF: cover, table of contents with
// page numbers and links, parts with running header and footer, numbered
// figures and tables, bookmarks for every heading. It lays the document out
// twice: the first pass finds the page of every heading and the number of
// pages, the second draws them.
func Report(doc *document.Document, opt ReportOptions) ([]byte, error) {
	widths := map[measured]float64{}
	first := &layout{doc: doc, opt: opt, widths: widths}
	if err := first.run(); err != nil {
		return nil, err
	}
	second := &layout{doc: doc, opt: opt, widths: widths, pages: first.headingPages, total: first.f.PageNo()}
	if err := second.run(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := second.f.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// layout is one pass over the document.
type layout struct {
	doc    *document.Document
	opt    ReportOptions
	f      *fpdf.Fpdf
	y      float64
	part   string // the current part's title, for the running header
	inBody bool

	pages        []int // second pass: the page of each heading, from the first
	total        int   // second pass: the number of pages
	headingPages []int // the page of each heading, as laid out in this pass
	links        []int
	figures      int
	tables       int

	// The font last set, so that setting it again costs nothing, and the
	// widths of words already measured, shared by both passes.
	curStyle string
	curSize  float64
	widths   map[measured]float64
}

// measured is a piece of text in a style and size.
type measured struct {
	text, style string
	size        float64
}

func (l *layout) run() error {
	f := newPDF(fpdf.SizeType{Wd: pageW, Ht: pageH}, l.doc.Front, l.opt.Author)
	l.f = f
	l.curStyle = "?"
	f.SetMargins(marginL, marginTop, marginR)
	f.SetAutoPageBreak(false, marginBot)
	d := l.doc
	f.SetHeaderFunc(l.header)
	f.SetFooterFunc(l.footer)
	for range l.headings() {
		l.links = append(l.links, f.AddLink())
	}

	l.cover()
	l.contents()
	l.inBody = true
	heading := 0
	for i, b := range d.Blocks {
		switch b := b.(type) {
		case *document.Heading:
			l.heading(b, heading, l.lead(i+1))
			heading++
		case *document.Paragraph:
			if i+1 < len(d.Blocks) && isFigure(d.Blocks[i+1]) {
				// a short paragraph that introduces a table or figure stays with it
				l.ensure(l.lead(i))
			}
			l.bodyParagraph(*b)
		case *document.List:
			l.list(b)
		case *document.Quote:
			l.quote(b)
		case *document.Table:
			l.table(b)
		case *document.Chart:
			if err := l.chart(b); err != nil {
				return err
			}
		}
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

func isFigure(b document.Block) bool {
	switch b.(type) {
	case *document.Chart, *document.Table:
		return true
	}
	return false
}

func (l *layout) headings() []*document.Heading {
	var hs []*document.Heading
	for _, b := range l.doc.Blocks {
		if h, ok := b.(*document.Heading); ok {
			hs = append(hs, h)
		}
	}
	return hs
}

func (l *layout) color(c [3]int) { l.f.SetTextColor(c[0], c[1], c[2]) }
func (l *layout) fill(c [3]int)  { l.f.SetFillColor(c[0], c[1], c[2]) }
func (l *layout) draw(c [3]int)  { l.f.SetDrawColor(c[0], c[1], c[2]) }
func (l *layout) font(style string, size float64) {
	if style != l.curStyle || size != l.curSize {
		l.f.SetFont(FontFamily, style, size)
		l.curStyle, l.curSize = style, size
	}
}

// width is the width of s in the style and size, measured once.
func (l *layout) width(s, style string, size float64) float64 {
	k := measured{s, style, size}
	w, ok := l.widths[k]
	if !ok {
		l.font(style, size)
		w = l.f.GetStringWidth(s)
		l.widths[k] = w
	}
	return w
}

// newPage starts a page and puts y at the top of its text.
func (l *layout) newPage() {
	l.f.AddPage()
	l.y = marginTop
}

// ensure starts a new page unless h millimetres are left on this one.
func (l *layout) ensure(h float64) {
	if l.y+h > pageH-marginBot {
		l.newPage()
	}
}

func (l *layout) header() {
	if !l.inBody {
		return
	}
	f := l.f
	l.font("", 8)
	l.color(muted)
	f.SetXY(marginL, headerY-3)
	header := l.doc.Header
	if header == "" {
		header = l.doc.Title
	}
	f.CellFormat(textW/2, 4, header, "", 0, "L", false, 0, "")
	f.CellFormat(textW/2, 4, l.part, "", 0, "R", false, 0, "")
	l.draw(rule)
	f.SetLineWidth(0.2)
	f.Line(marginL, headerY+2, pageW-marginR, headerY+2)
}

func (l *layout) footer() {
	if l.f.PageNo() == 1 {
		return
	}
	f := l.f
	l.font("", 8)
	l.color(muted)
	f.SetXY(marginL, footerY)
	f.CellFormat(textW*0.7, 4, l.doc.Organisation, "", 0, "L", false, 0, "")
	total := l.total
	if total == 0 {
		total = 999 // first pass: the total is not known yet
	}
	page := map[string]string{"it": "pagina %d di %d", "en": "page %d of %d"}[l.doc.Lang]
	f.CellFormat(textW*0.3, 4, fmt.Sprintf(page, f.PageNo(), total), "", 0, "R", false, 0, "")
}
