package pdf

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/go-pdf/fpdf"

	"rendiconto/report/chart"
	"rendiconto/report/document"
	"rendiconto/report/words"
)

func (l *layout) cover() {
	f, d := l.f, l.doc
	l.newPage()
	l.fill(accent)
	f.Rect(0, 0, pageW, coverBandH, "F")
	f.SetTextColor(255, 255, 255)
	l.y = 34
	l.font("", 13)
	f.Text(marginL, l.y, l.fit(printable(strings.ToUpper(d.City)), "", 13, textW))
	l.y = 52
	l.plainText(d.Title, 28, 12.5, "B").atMost(3).draw(marginL, textW, "L", false)
	l.y += 3
	l.plainText(d.Subtitle, 16, 8, "").atMost(2).draw(marginL, textW, "L", false)
	// The year, large and in a lighter tint of the band.
	f.SetTextColor(0x4a, 0x80, 0xa8)
	l.font("B", 64)
	year := fmt.Sprint(d.Year)
	f.Text(pageW-marginR-f.GetStringWidth(year), 110, year)

	l.coverLogo()
	l.color(ink)
	l.y = coverOrgTop
	l.plainText(d.Organisation, 13, 6.5, "B").atMost(6).draw(marginL, textW, "L", false)
	if len(d.Partners) > 0 {
		l.y += 4
		with := words.For(d.Lang).PDF.Partnership
		l.plainText(with+strings.Join(d.Partners, ", "), 11, 6, "").atMost(8).draw(marginL, textW, "L", false)
	}
	top := l.y
	l.fill(accent)
	f.Rect(marginL, 250, 18, 1.2, "F")
	l.y = 256
	l.color(muted)
	edition := fmt.Sprintf(words.For(d.Lang).PDF.Edition, d.Year)
	if d.DateText != "" {
		edition += " · " + d.DateText
	}
	l.plainText(edition, 11, 6, "").atMost(2).draw(marginL, textW, "L", false)
	l.sampleCover(top)
}

// The cover's logo goes in the white strip between the title band (to
// coverBandH) and the organisation (from coverOrgTop), at the left margin
// above the organisation's name, like a letterhead: it fits a box of
// coverLogoMaxW × coverLogoMaxH, keeping its shape, and overlaps neither.
const (
	coverBandH    = 118.0
	coverOrgTop   = 150.0
	coverLogoTop  = coverBandH + 7
	coverLogoMaxH = coverOrgTop - 5 - coverLogoTop // 20 mm
	coverLogoMaxW = 80.0
)

// coverLogo draws the logo of ReportOptions on the cover, when there is
// one. An image fpdf cannot read sets the document's error, which the
// layout returns.
func (l *layout) coverLogo() {
	if len(l.opt.Logo) == 0 {
		return
	}
	f := l.f
	info := f.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: l.opt.LogoType}, bytes.NewReader(l.opt.Logo))
	if f.Err() || info == nil || info.Width() <= 0 || info.Height() <= 0 {
		return
	}
	w, h := coverLogoBox(info.Width(), info.Height())
	f.ImageOptions("logo", marginL, coverLogoTop, w, h, false, fpdf.ImageOptions{ImageType: l.opt.LogoType}, 0, "")
}

// coverLogoBox is the size of a logo of the given proportions on the
// cover: as large as the box allows, its shape kept.
func coverLogoBox(iw, ih float64) (w, h float64) {
	h = coverLogoMaxH
	w = h * iw / ih
	if w > coverLogoMaxW {
		w = coverLogoMaxW
		h = w * ih / iw
	}
	return w, h
}

// The most lines of text drawn in one piece, on a page that must hold
// it: longer texts are shortened with "…".
const (
	headingLines = 4
	captionLines = 6
	cellLines    = 10
)

// tocEntry is a line of the table of contents: the heading it names, the
// page it stands on (counted from the first page of the contents) and its
// top.
type tocEntry struct {
	heading int
	page    int
	y       float64
}

// tocStyle is the size, style, indent and leading of a contents line.
func tocStyle(level int) (size float64, style string, indent, leading float64) {
	if level == 1 {
		return 12, "B", 0, 8.5
	}
	return 10.5, "", 8, 6.6
}

// tocEntries lays the contents out: parts and sections, under the title
// on the first page. There is always at least one page.
func (l *layout) tocEntries(headings []*document.Heading) []tocEntry {
	entries := []tocEntry{{heading: -1}}
	page, y := 0, marginTop+16
	for i, h := range headings {
		if h.Level > 2 {
			continue
		}
		_, _, _, leading := tocStyle(h.Level)
		if h.Level == 1 {
			y += 2.5
		}
		if y+leading > pageH-marginBot {
			page, y = page+1, marginTop
		}
		entries = append(entries, tocEntry{heading: i, page: page, y: y})
		y += leading
	}
	return entries
}

// contents draws the table of contents on the pages reserved for it: each
// part and section with its page, and a link to it.
func (l *layout) contents(headings []*document.Heading, toc []tocEntry) {
	f := l.f
	l.revisit(2)
	l.y = marginTop
	l.color(accent)
	l.plainText(words.For(l.doc.Lang).PDF.Contents, 22, 10, "B").draw(marginL, textW, "L", false)
	for _, e := range toc[1:] {
		if e.page > 0 && f.PageNo() != 2+e.page {
			l.revisit(2 + e.page)
		}
		h := headings[e.heading]
		size, style, indent, leading := tocStyle(h.Level)
		page := fmt.Sprint(l.headingPages[e.heading])
		l.color(ink)
		if h.Level == 1 {
			l.color(accent)
		}
		l.font(style, size)
		name := tocName(h.Text, func(s string) bool { return f.GetStringWidth(s) <= textW-indent-16 })
		base := e.y + leading/2 + size*0.3528*0.35
		f.Text(marginL+indent, base, name)
		nameEnd := marginL + indent + f.GetStringWidth(name)
		f.Text(pageW-marginR-f.GetStringWidth(page), base, page)
		// dotted leader
		l.draw(rule)
		f.SetLineWidth(0.3)
		f.SetDashPattern([]float64{0.3, 1.2}, 0)
		f.Line(nameEnd+2, base, pageW-marginR-f.GetStringWidth(page)-2, base)
		f.SetDashPattern([]float64{}, 0)
		f.Link(marginL, e.y, textW, leading, l.links[e.heading])
	}
}

// tocName shortens a heading with "…" to the longest that fits, cut
// before its last two characters at least. The cuts grow in width and
// length with the characters kept, so the longest is found by bisection.
func tocName(name string, fits func(string) bool) string {
	if fits(name) || len(name) <= 4 {
		return name
	}
	r := []rune(name)
	cut := func(k int) string { return strings.TrimSpace(string(r[:k])) + "…" }
	done := func(k int) bool { c := cut(k); return fits(c) || len(c) <= 4 }
	// the first k in 0..len(r)-2 past the longest cut that is done
	k := sort.Search(len(r)-1, func(k int) bool { return !done(k) })
	return cut(k - 1)
}

// heading starts a part on a new page, or a section kept with what follows.
func (l *layout) heading(h *document.Heading, i int, following float64) {
	f := l.f
	switch h.Level {
	case 1:
		l.parts = append(l.parts, h.Text)
		l.part = len(l.parts)
		l.newPage()
		l.startChain()
		l.fill(accent)
		f.Rect(marginL, l.y, 14, 1.4, "F")
		l.y += 6
		l.color(accent)
		l.record(i, h, 0)
		l.plainText(h.Text, 24, 11, "B").atMost(headingLines).draw(marginL, textW, "L", false)
		l.y += 6
	default:
		size, leading, gap := 14.0, 7.0, 5.0
		if h.Level > 2 {
			size, leading, gap = 11.5, 6.0, 3.0
		}
		t := l.plainText(h.Text, size, leading, "B").atMost(headingLines)
		if following > textH {
			// What follows cannot be kept with it on any page (a run of
			// headings longer than a page): the heading is kept with
			// some room below it, not sent to a page of its own.
			following = keepWithHeading
		}
		l.ensure(gap + t.height(textW) + 1.5 + following)
		l.startChain()
		if l.y > marginTop+1 {
			l.y += gap
		}
		l.record(i, h, h.Level-1)
		l.color(accent)
		if h.Level > 2 {
			l.color(ink)
		}
		t.draw(marginL, textW, "L", false)
		l.y += 1.5
	}
	l.color(ink)
}

// record notes the heading's page, sets its link target and bookmark.
func (l *layout) record(i int, h *document.Heading, level int) {
	l.headingPages = append(l.headingPages, l.f.PageNo())
	l.f.SetLink(l.links[i], l.y, -1)
	l.f.Bookmark(h.Text, level, l.y)
}

// lead is how much of the flow from block i on must fit on a page for its
// start not to be left alone at the foot of it: all of a figure, a table's
// caption and first rows, a few lines of text, and a heading or a short
// paragraph together with what it introduces.
//
// A run of headings needs 12 each and what follows the last: the run is
// walked once, and no further than a page's text can hold, where the
// result is already more than a page (see heading).
func (l *layout) lead(i int) float64 {
	blocks := l.doc.Blocks
	run := 0 // headings of the run, above level 1
	for ; i < len(blocks); i++ {
		l.ahead++
		h, ok := blocks[i].(*document.Heading)
		if !ok || h.Level == 1 {
			break
		}
		if run++; 12*float64(run) > textH {
			return 12 * float64(run)
		}
	}
	lead := l.leadOf(i)
	for range run {
		lead = 12 + lead // as the run adds up from its end
	}
	if t, ok := l.block(i).(*document.Table); ok && run > 0 && lead > textH {
		// the table cannot go whole onto a page with the headings: it
		// breaks under them, after its first rows (see table)
		lead = 12*float64(run) + l.measureTable(t).first()
	}
	return lead
}

// block is block i, nil past the end.
func (l *layout) block(i int) document.Block {
	if i < len(l.doc.Blocks) {
		return l.doc.Blocks[i]
	}
	return nil
}

// leadOf is lead of a block that is not a heading above level 1.
func (l *layout) leadOf(i int) float64 {
	blocks := l.doc.Blocks
	if i >= len(blocks) {
		return 0
	}
	switch b := blocks[i].(type) {
	case *document.Chart:
		return chartTop + chart.ReportHeight(b) + l.captionHeight(b.Caption, b.Note) + 3
	case *document.Table:
		s := l.measureTable(b)
		if s.whole <= textH && pageH-marginBot-l.y > textH/2+40 {
			// with more than half a page free where the table will begin
			// (the headings and lead above it take less than 40 mm), it
			// breaks there rather than leave the page empty (see table)
			return s.first()
		}
		return s.start()
	case *document.Heading:
		return 0 // a part starts a page of its own
	case *document.Paragraph:
		h := l.paragraph(b).height(textW)
		if l.introduces(i) {
			lead := h + paraGap + l.lead(i+1)
			if _, ok := blocks[i+1].(*document.Table); ok && lead > textH {
				// the table cannot go whole onto a page with it: the
				// table goes whole onto the next page
				lead = h
			}
			return lead
		}
		if h <= 3*bodyLeading && i+1 < len(blocks) {
			if list, ok := blocks[i+1].(*document.List); ok && len(list.Items) > 0 {
				// a short lead that introduces a list stays with its first item
				return h + paraGap + l.itemLead(list)
			}
		}
		return min(h, 3*bodyLeading)
	case *document.List:
		if len(b.Items) > 0 {
			return max(l.itemLead(b), 2*bodyLeading+1) // two lines at least
		}
	}
	return 3 * bodyLeading
}

// itemLead is how much of a list's first item must stand under what
// introduces it: all of it up to three lines, else its first two.
func (l *layout) itemLead(list *document.List) float64 {
	h := l.newText(list.Items[0].Spans, bodySize, bodyLeading, "").height(textW - 7)
	if h > 3*bodyLeading {
		return 2 * bodyLeading
	}
	return h
}

// introduces tells whether block i is a short paragraph that introduces
// the table or figure after it, and stays with it.
func (l *layout) introduces(i int) bool {
	blocks := l.doc.Blocks
	p, ok := blocks[i].(*document.Paragraph)
	if !ok || i+1 >= len(blocks) || !isFigure(blocks[i+1]) {
		return false
	}
	return l.paragraph(p).height(textW) < 40
}

// paragraph is the text of a body paragraph, split into words and
// measured once: the lead looks at it before it is drawn.
func (l *layout) paragraph(p *document.Paragraph) *text {
	if t, ok := l.paragraphs[p]; ok {
		return t
	}
	if l.paragraphs == nil {
		l.paragraphs = map[*document.Paragraph]*text{}
	}
	t := l.newText(p.Spans, bodySize, bodyLeading, "")
	l.paragraphs[p] = t
	return t
}

func (l *layout) bodyParagraph(p *document.Paragraph) {
	l.color(ink)
	l.paragraph(p).draw(marginL, textW, "", true)
	l.y += paraGap
}

func (l *layout) list(list *document.List) {
	l.color(ink)
	for i, it := range list.Items {
		t := l.newText(it.Spans, bodySize, bodyLeading, "")
		// the lines draw keeps together (no orphan, three lines or fewer
		// whole) go with the mark
		n := len(t.lines(textW - 7))
		if n > 3 {
			n = 2
		}
		l.ensure(float64(max(n, 1)) * bodyLeading)
		mark := "•"
		if list.Ordered {
			mark = fmt.Sprintf("%d.", i+1)
		}
		l.font("", bodySize)
		l.color(accent)
		l.f.Text(marginL+1.5, l.y+bodyLeading/2+bodySize*0.3528*0.35, mark)
		l.color(ink)
		t.draw(marginL+7, textW-7, "", true)
		l.y += 1
	}
	l.y += paraGap
}

func (l *layout) quote(q *document.Quote) {
	l.y += 1
	indent := 10.0
	for _, p := range q.Text {
		t := l.newText(p.Spans, bodySize+0.5, bodyLeading+0.4, "I")
		top, page := l.y, l.f.PageNo()
		l.color(ink)
		t.draw(marginL+indent, textW-2*indent, "", true)
		if l.f.PageNo() == page {
			l.fill(accent)
			l.f.Rect(marginL+3, top+0.8, 1.1, l.y-top-1.6, "F")
		}
		l.y += 1.5
	}
	if q.Source != "" {
		l.color(muted)
		l.plainText(q.Source, 9, 4.6, "").draw(marginL+indent, textW-2*indent, "R", true)
	}
	l.color(ink)
	l.y += paraGap + 1
}

// caption draws "Figura 3 – text" and the note under it: a figure's
// (kind 0) or a table's (kind 1).
func (l *layout) caption(kind int, n int, text, note string) {
	w := words.For(l.doc.Lang).PDF
	label := fmt.Sprintf("%s %d", [2]string{w.Figure, w.Table}[kind], n)
	l.color(ink)
	spans := []document.Span{{Text: label + " – ", Bold: true}, {Text: text}}
	l.newText(spans, 9.5, 4.8, "").atMost(captionLines).draw(marginL, textW, "L", false)
	if note != "" {
		l.color(muted)
		l.plainText(note, smallSize, smallLead, "").atMost(captionLines).draw(marginL, textW, "L", false)
	}
	l.color(ink)
}

func (l *layout) captionHeight(text, note string) float64 {
	h := l.plainText(text, 9.5, 4.8, "B").atMost(captionLines).height(textW - 25)
	if note != "" {
		h += l.plainText(note, smallSize, smallLead, "").atMost(captionLines).height(textW)
	}
	return h
}
