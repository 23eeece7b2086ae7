package pdf

import (
	"bytes"
	"fmt"

	"github.com/go-pdf/fpdf"

	"rendiconto/report/document"
	"rendiconto/report/words"
)

// ReportOptions set what the document does not say: the chart style, the
// name that signs the PDF.
type ReportOptions struct {
	Charts Style
	Author string // empty: the document's organisation
	// MaxPages stops a document that would run longer, with an error
	// (TooManyPages); zero means no limit.
	MaxPages int
	// Logo is a PNG or JPEG image drawn on the cover, between the title
	// band and the organisation, or nil; LogoType is "png" or "jpg".
	Logo     []byte
	LogoType string
}

// TooManyPages is the error of a document longer than MaxPages.
type TooManyPages struct{ Max int }

func (e *TooManyPages) Error() string {
	return fmt.Sprintf("the document would have more than %d pages, the limit", e.Max)
}

// A4 page geometry in millimetres.
const (
	pageW, pageH          = 210.0, 297.0
	marginL, marginR      = 25.0, 22.0
	marginTop, marginBot  = 26.0, 24.0
	textW                 = pageW - marginL - marginR
	textH                 = pageH - marginTop - marginBot
	bodySize, bodyLeading = 10.5, 5.4
	smallSize, smallLead  = 8.0, 3.8
	headerY, footerY      = 13.0, pageH - 13.0
	keepWithHeading       = 32.0 // room a heading needs below it, when what follows cannot be kept with it
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
// once: the contents' pages are reserved after the cover (their number is
// known from the headings) and filled at the end, with the running header
// and the "page X of Y" footer of every page, once the pages are known.
func Report(doc *document.Document, opt ReportOptions) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			if tm, ok := p.(*TooManyPages); ok {
				out, err = nil, tm
				return
			}
			out, err = nil, internalError(p)
		}
	}()
	l := &layout{doc: printableDocument(doc), meta: doc.Front, opt: opt, widths: map[measured]float64{}}
	if err := l.run(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := l.f.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// layout is the state of the layout of a document.
type layout struct {
	doc  *document.Document
	opt  ReportOptions
	f    *fpdf.Fpdf
	y    float64
	part int // the current part, from 1, for the running header; 0 for none

	parts        []string       // the parts' titles
	pageParts    []int          // the part of each page, as part
	fitted       map[int]string // header and footer texts, shortened once
	headingPages []int          // the page of each heading
	links        []int          // the link to each heading, for the contents
	figures      int
	tables       int
	tableSizes   map[*document.Table]*tableSize // tables measured ahead of the flow
	laid         map[*document.Chart]*laidChart // charts laid out ahead, on another core
	paragraphs   map[*document.Paragraph]*text  // paragraphs measured ahead of the flow

	// Where the run of headings just drawn starts, on page chainPage (0:
	// none): a table right under them that cannot go whole onto a page
	// with them breaks here, not to leave them at the foot of the page.
	chainPage int
	chainY    float64

	// The font last set, so that setting it again costs nothing, and the
	// widths of words already measured.
	curStyle string
	curSize  float64
	widths   map[measured]float64

	meta   document.Front // the front matter as given, for the metadata
	work   int            // runes measured, for the tests
	ahead  int            // blocks looked at ahead of the flow, for the tests
	breaks int            // texts broken into lines, for the tests

	// Where the blocks land, for the tests: each block's start and end,
	// and each table's caption, rows and note.
	placed     []placement
	tablePages [][]int
}

// placement is where a block starts and ends: page and y.
type placement struct {
	page, endPage int
	y, endY       float64
}

// maxCached is the longest text whose width is kept: longer ones are rare
// and would fill the cache.
const maxCached = 256

// measured is a piece of text in a style and size.
type measured struct {
	text, style string
	size        float64
}

func (l *layout) run() error {
	f := newPDF(fpdf.SizeType{Wd: pageW, Ht: pageH}, l.meta, l.opt.Author)
	l.f = f
	l.layChartsAhead()
	l.curStyle = "?"
	f.SetMargins(marginL, marginTop, marginR)
	f.SetAutoPageBreak(false, marginBot)
	d := l.doc
	headings := l.headings()
	for range headings {
		l.links = append(l.links, f.AddLink())
	}

	l.cover()
	toc := l.tocEntries(headings)
	for i := range toc[len(toc)-1].page + 1 {
		l.newPage()
		if i == 0 {
			f.Bookmark(words.For(d.Lang).PDF.Contents, 0, marginTop)
		}
	}
	heading := 0
	for i, b := range d.Blocks {
		l.placed = append(l.placed, placement{page: f.PageNo(), y: l.y})
		switch b := b.(type) {
		case *document.Heading:
			l.heading(b, heading, l.lead(i+1))
			heading++
		case *document.Paragraph:
			if l.introduces(i) {
				// a short paragraph that introduces a table or figure stays with it
				l.ensure(l.lead(i))
			}
			l.bodyParagraph(b)
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
		if _, ok := b.(*document.Heading); !ok {
			l.chainPage = 0
		}
		l.placed[i].endPage, l.placed[i].endY = f.PageNo(), l.y
	}
	total := f.PageNo()
	l.contents(headings, toc)
	for page := 2; page <= total; page++ {
		l.revisit(page)
		l.header(page)
		l.footer(page, total)
	}
	for page := 1; page <= total && d.Internal != ""; page++ {
		l.revisit(page)
		internalBand(f, d.Internal, pageW)
		l.curStyle = "?"
	}
	f.SetPage(total) // fpdf writes as many pages as the current one's number
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// revisit makes page the current page again, to draw on it once the whole
// document is laid out. fpdf does not repeat a font it thinks is current,
// but each page's content has its own: the font is set anew.
func (l *layout) revisit(page int) {
	l.f.SetPage(page)
	l.f.SetFont(FontFamily, "", 1)
	l.curStyle = "?"
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
		l.work += len(s)
		if len(s) <= maxCached {
			l.widths[k] = w
		}
	}
	return w
}

// fit shortens s with "…" to at most maxW wide in the style and size.
func (l *layout) fit(s, style string, size, maxW float64) string {
	return ellipsize(s, maxW, func(s string) float64 { return l.width(s, style, size) })
}

// furniture returns s, a text of the running header (key 0 for the
// document's, the part's number for a part's) or footer (-1), shortened to
// maxW at 8 points once for all pages.
func (l *layout) furniture(key int, s string, maxW float64) string {
	if l.fitted == nil {
		l.fitted = map[int]string{}
	}
	if fs, ok := l.fitted[key]; ok {
		return fs
	}
	fs := l.fit(s, "", 8, maxW)
	l.fitted[key] = fs
	return fs
}

// newPage starts a page of the current part and puts y at the top of its
// text.
func (l *layout) newPage() {
	if m := l.opt.MaxPages; m > 0 && l.f.PageNo() >= m {
		panic(&TooManyPages{m}) // recovered by Report: the layout has no error path
	}
	l.f.AddPage()
	l.pageParts = append(l.pageParts, l.part)
	l.y = marginTop
}

// startChain notes where a run of headings starts, unless it has already
// started on this page.
func (l *layout) startChain() {
	if l.chainPage != l.f.PageNo() {
		l.chainPage, l.chainY = l.f.PageNo(), l.y
	}
}

// chained is the height of the run of headings above y on this page.
func (l *layout) chained() float64 {
	if l.chainPage != l.f.PageNo() {
		return 0
	}
	return l.y - l.chainY
}

// ensure starts a new page unless h millimetres are left on this one.
func (l *layout) ensure(h float64) {
	if l.y+h > pageH-marginBot {
		l.newPage()
	}
}

// header draws the running header of a page of the body: the document's
// header on the left, the part's title on the right.
func (l *layout) header(page int) {
	part := l.pageParts[page-1]
	if part == 0 || l.parts[part-1] == "" {
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
	f.CellFormat(textW/2, 4, l.furniture(0, header, textW/2-2), "", 0, "L", false, 0, "")
	f.CellFormat(textW/2, 4, l.furniture(part, l.parts[part-1], textW/2-2), "", 0, "R", false, 0, "")
	l.draw(rule)
	f.SetLineWidth(0.2)
	f.Line(marginL, headerY+2, pageW-marginR, headerY+2)
}

// footer draws the organisation and "pagina X di Y" at the foot of a page.
func (l *layout) footer(page, total int) {
	f := l.f
	l.font("", 8)
	l.color(muted)
	// "Dati di esempio", when the data are synthetic, then the organisation
	// in the room left; the baseline is that of the cells' text.
	sw := l.sampleFooter(marginL, footerY+2+0.3*8*mmPerPt)
	l.color(muted)
	if sw > 0 {
		sw -= f.GetCellMargin() // the cell's own margin after the separator
	}
	f.SetXY(marginL+sw, footerY)
	f.CellFormat(textW*0.8-sw, 4, l.furniture(-1, l.doc.Organisation, textW*0.8-2-sw), "", 0, "L", false, 0, "")
	label := words.For(l.doc.Lang).PDF.Page
	f.CellFormat(textW*0.2, 4, fmt.Sprintf(label, page, total), "", 0, "R", false, 0, "")
}
