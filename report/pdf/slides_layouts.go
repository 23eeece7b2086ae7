package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"

	"rendiconto/report/chart"
	"rendiconto/report/document"
)

const (
	contentBottom = slideH - 16 // mm: the foot of the content area
	titleTop      = 15.0        // mm
)

// lead is the leading of text set at size points, in mm.
func lead(size float64) float64 { return size * mmPerPt * 1.25 }

// notFit is the message of a slide whose running text does not fit.
func notFit(what string) error {
	return fmt.Errorf("no room for %s even at %g pt, the smallest readable size: shorten it or split the slide", what, MinSlideText)
}

// shortened is the warning of text shortened to fit.
func shortened(what string, size float64) string {
	return fmt.Sprintf("%s too long for the slide even at %g pt: shortened with «…»", what, size)
}

// put sets t at (x, dk.y) across w when draw is set, else only moves dk.y
// below where it would be.
func (dk *deck) put(t *text, x, w float64, align string, col [3]int, draw bool) {
	if !draw {
		dk.y += t.height(w)
		return
	}
	dk.color(col)
	t.draw(x, w, align, false)
}

// fitSize returns the largest size from hi down to lo, a point at a time,
// at which fits holds, and false when even lo fails.
func fitSize(hi, lo float64, fits func(size float64) bool) (float64, bool) {
	for size := hi; ; size-- {
		size = max(size, lo)
		if fits(size) {
			return size, true
		}
		if size == lo {
			return lo, false
		}
	}
}

// measure returns the height of what draw would set from dk.y, without
// drawing it.
func (dk *deck) measure(draw func(draw bool)) float64 {
	y := dk.y
	draw(false)
	h := dk.y - y
	dk.y = y
	return h
}

// flow sets blocks across w from (x, dk.y) at size points and moves dk.y
// below them; it draws only when draw is set.
func (dk *deck) flow(blocks []document.Block, x, w, size float64, col [3]int, draw bool) {
	dk.flowMost(blocks, x, w, size, col, draw, nil)
}

// flowMost is flow with the i-th block, a paragraph, set on at most most[i]
// lines (0: any), the last shortened with "…".
func (dk *deck) flowMost(blocks []document.Block, x, w, size float64, col [3]int, draw bool, most []int) {
	ld := lead(size)
	for i, b := range blocks {
		if i > 0 {
			dk.y += ld * 0.6
		}
		switch b := b.(type) {
		case *document.Paragraph:
			dk.put(dk.newText(b.Spans, size, ld, "").atMost(at(most, i)), x, w, "L", col, draw)
		case *document.Heading:
			dk.put(dk.plainText(b.Text, size*1.1, lead(size*1.1), "B"), x, w, "L", dk.p.accent, draw)
		case *document.List:
			indent := size * mmPerPt * 1.3
			for j, it := range b.Items {
				if j > 0 {
					dk.y += ld * 0.4
				}
				if draw {
					mark := "•"
					if b.Ordered {
						mark = strconv.Itoa(j+1) + "."
					}
					dk.color(dk.p.accent)
					dk.font("B", size)
					dk.f.Text(x, dk.y+ld/2+size*mmPerPt*0.35, mark)
				}
				dk.put(dk.newText(it.Spans, size, ld, ""), x+indent, w-indent, "L", col, draw)
			}
		case *document.Quote:
			top := dk.y
			for _, p := range b.Text {
				dk.put(dk.newText(p.Spans, size, ld, "I"), x+6, w-6, "L", col, draw)
			}
			if draw {
				dk.fill(dk.p.accent)
				dk.f.Rect(x, top+1, 1.4, dk.y-top-2, "F")
			}
			if b.Source != "" {
				dk.put(dk.plainText("— "+b.Source, size*0.8, lead(size*0.8), ""), x+6, w-6, "L", dk.p.muted, draw)
			}
		case *document.Numbers:
			for _, n := range b.Items {
				spans := append([]document.Span{{Text: n.Value, Bold: true}, {Text: " "}}, n.Label...)
				dk.put(dk.newText(spans, size, ld, ""), x, w, "L", col, draw)
			}
		}
	}
}

// at returns most[i], or 0 past its end.
func at(most []int, i int) int {
	if i < len(most) {
		return most[i]
	}
	return 0
}

// shorten returns how many lines each of blocks, paragraphs at size across
// w, may take for height(most) to be at most room: it takes lines from the
// longest paragraph first. It fails when a block is not a paragraph or when
// a line each is still too high.
func (dk *deck) shorten(blocks []document.Block, w, size, room float64, height func(most []int) float64) ([]int, bool) {
	most := make([]int, len(blocks))
	for i, b := range blocks {
		p, ok := b.(*document.Paragraph)
		if !ok {
			return nil, false
		}
		most[i] = len(dk.newText(p.Spans, size, lead(size), "").lines(w))
	}
	for {
		h := height(most)
		if h <= room {
			return most, true
		}
		// lines to take away, at least one
		for excess := max(1, int(math.Ceil((h-room)/lead(size)))); excess > 0; excess-- {
			j := 0
			for i := range most {
				if most[i] > most[j] {
					j = i
				}
			}
			if most[j] <= 1 {
				return nil, false
			}
			most[j]--
		}
	}
}

// fitFlow finds the size, from the theme's down to the minimum, at which
// blocks fit w × room.
func (dk *deck) fitFlow(blocks []document.Block, w, room float64) (float64, float64, bool) {
	var h float64
	size, ok := fitSize(dk.th.FontSize, MinSlideText, func(size float64) bool {
		h = dk.measure(func(draw bool) { dk.flow(blocks, 0, w, size, dk.p.ink, draw) })
		return h <= room
	})
	return size, h, ok
}

// heading draws the slide's title at the top left, on up to two lines,
// and returns where the content starts.
func (dk *deck) heading(title string) (float64, error) {
	f := dk.f
	dk.fill(dk.p.accent)
	f.Rect(slideMargin, titleTop-4, 16, 1.4, "F")
	dk.y = titleTop
	if title == "" {
		return titleTop + 4, nil
	}
	w := slideW - 2*slideMargin
	if dk.logoW > 0 {
		w -= dk.logoW + 8
	}
	t := dk.titleText(title, dk.th.FontSize*1.5, w, 2, true)
	dk.color(dk.p.accent)
	t.draw(slideMargin, w, "L", false)
	return dk.y + 7, nil
}

// titleText sets a title as large as fits on at most lines lines across
// w, from size hi down to minTitleSize; at that size, a title still too long
// is shortened with "…", with a warning.
func (dk *deck) titleText(title string, hi, w float64, lines int, warn bool) *text {
	set := func(size float64) *text { return dk.plainText(title, size, lead(size)*0.95, "B") }
	size, ok := fitSize(hi, minTitleSize, func(size float64) bool {
		return len(set(size).lines(w)) <= lines
	})
	if ok {
		return set(size)
	}
	if warn {
		dk.warn(shortened(fmt.Sprintf("the title (%d characters) is", utf8.RuneCountInString(title)), minTitleSize))
	}
	return set(size).atMost(lines)
}

// bullets sets the blocks under the title, in the largest size that fits.
func (dk *deck) bullets(blocks []document.Block, top float64) error {
	w := slideW - 2*slideMargin
	size, _, ok := dk.fitFlow(blocks, w, contentBottom-top)
	if !ok {
		return notFit("the text")
	}
	dk.y = top
	dk.flow(blocks, slideMargin, w, size, dk.p.ink, true)
	return nil
}

// agenda numbers the items of the slide's list in accent discs, one theme
// a row.
func (dk *deck) agenda(s document.Slide, top float64) error {
	var items []document.Paragraph
	var rest []document.Block
	for _, b := range s.Blocks {
		if l, ok := b.(*document.List); ok && items == nil {
			items = l.Items
			continue
		}
		rest = append(rest, b)
	}
	if len(items) == 0 {
		return dk.bullets(s.Blocks, top)
	}
	disc := dk.th.FontSize * 1.6 * mmPerPt
	x := slideMargin + disc + 8
	w := slideW - slideMargin - x
	room := contentBottom - top
	layoutAll := func(size float64, draw bool) {
		ld := lead(size)
		for i, it := range items {
			if i > 0 {
				dk.y += max(ld*0.9, 5)
			}
			t := dk.newText(it.Spans, size, ld, "")
			h := max(t.height(w), disc)
			if draw {
				cy := dk.y + min(h, disc)/2
				dk.fill(dk.p.accent)
				dk.f.Circle(slideMargin+disc/2, cy, disc/2, "F")
				n := strconv.Itoa(i + 1)
				ns := dk.th.FontSize * 1.1
				dk.color(dk.p.onAccent)
				dk.font("B", ns)
				dk.f.Text(slideMargin+disc/2-dk.width(n, "B", ns)/2, cy+ns*mmPerPt*0.36, n)
				y := dk.y
				dk.y += max(0, (disc-t.height(w))/2)
				dk.color(dk.p.ink)
				t.draw(x, w, "L", false)
				dk.y = y
			}
			dk.y += h
		}
		if len(rest) > 0 {
			dk.y += ld
			dk.flow(rest, slideMargin, slideW-2*slideMargin, size, dk.p.muted, draw)
		}
	}
	size, ok := fitSize(dk.th.FontSize*1.15, MinSlideText, func(size float64) bool {
		return dk.measure(func(draw bool) { layoutAll(size, draw) }) <= room
	})
	if !ok {
		return notFit("the agenda")
	}
	dk.y = top + 4
	layoutAll(size, true)
	return nil
}

// numbers draws "i numeri principali": the big numbers on cards in a grid
// (three across; two across for four), the other blocks under it.
func (dk *deck) numbers(s document.Slide, top float64) error {
	var nums *document.Numbers
	var rest []document.Block
	for _, b := range s.Blocks {
		if n, ok := b.(*document.Numbers); ok && nums == nil {
			nums = n
			continue
		}
		rest = append(rest, b)
	}
	if nums == nil || len(nums.Items) == 0 {
		return fmt.Errorf("a numbers slide needs big numbers")
	}
	k := len(nums.Items)
	cols := 3
	if k == 4 {
		cols = 2
	}
	cols = min(cols, k)
	rows := (k + cols - 1) / cols
	const gap, pad = 8.0, 6.0
	W := slideW - 2*slideMargin
	cellW := (W - gap*float64(cols-1)) / float64(cols)
	inner := cellW - 2*pad - 1.6

	// The values are as large as the widest allows, within bounds; one
	// too wide even at the smallest readable size is shortened.
	values := make([]string, k)
	vs, ok := fitSize(dk.th.FontSize*2.6, MinSlideText, func(size float64) bool {
		for _, n := range nums.Items {
			if dk.width(n.Value, "B", size) > inner {
				return false
			}
		}
		return true
	})
	for i, n := range nums.Items {
		values[i] = n.Value
		if !ok {
			values[i] = dk.fit(n.Value, "B", vs, inner)
		}
	}
	if !ok {
		dk.warn(shortened("a big number is", vs))
	}
	vlead := vs * mmPerPt * 1.05
	most := 0 // the most lines of a label; 0: any
	cellH := func(size float64) float64 {
		h := 0.0
		for _, n := range nums.Items {
			h = max(h, dk.newText(n.Label, size, lead(size), "").atMost(most).height(inner))
		}
		return 2*pad + vlead + 2 + h
	}
	room := contentBottom - top
	var restH float64
	fits := func(size float64) bool {
		restH = 0
		if len(rest) > 0 {
			restH = lead(size) + dk.measure(func(draw bool) { dk.flow(rest, 0, W, size, dk.p.ink, draw) })
		}
		return float64(rows)*cellH(size)+float64(rows-1)*gap+restH <= room
	}
	size, ok := fitSize(dk.th.FontSize*0.95, MinSlideText, fits)
	if !ok {
		// The labels are names from the data, as often as not: they are
		// shortened, at the smallest size, to as many lines as leave room.
		lines := 0
		for _, n := range nums.Items {
			lines = max(lines, len(dk.newText(n.Label, size, lead(size), "").lines(inner)))
		}
		for most = lines - 1; most >= 1 && !fits(size); most-- {
		}
		if most < 1 {
			return notFit("the big numbers and the text under them")
		}
		dk.warn(shortened("the labels of the big numbers are", size))
	}
	ch := cellH(size)
	gridH := float64(rows)*ch + float64(rows-1)*gap
	y0 := top + max(0, (room-gridH-restH)/3)
	for i, n := range nums.Items {
		r, c := i/cols, i%cols
		inRow := min(cols, k-r*cols) // a short last row is centred
		x := slideMargin + (W-float64(inRow)*cellW-float64(inRow-1)*gap)/2 + float64(c)*(cellW+gap)
		y := y0 + float64(r)*(ch+gap)
		dk.fill(dk.p.tint)
		dk.f.Rect(x, y, cellW, ch, "F")
		dk.fill(dk.p.accent)
		dk.f.Rect(x, y, 1.6, ch, "F")
		dk.color(dk.p.accent)
		dk.font("B", vs)
		dk.f.Text(x+1.6+pad, y+pad+vs*mmPerPt*0.75, values[i])
		dk.y = y + pad + vlead + 2
		dk.color(dk.p.ink)
		dk.newText(n.Label, size, lead(size), "").atMost(most).draw(x+1.6+pad, inner, "L", false)
	}
	if len(rest) > 0 {
		dk.y = y0 + gridH + lead(size)
		dk.flow(rest, slideMargin, W, size, dk.p.ink, true)
	}
	return nil
}

// chartOf returns the slide's chart and its other blocks.
func chartOf(s document.Slide) (*document.Chart, []document.Block) {
	var c *document.Chart
	var rest []document.Block
	for _, b := range s.Blocks {
		if ch, ok := b.(*document.Chart); ok && c == nil {
			c = ch
			continue
		}
		rest = append(rest, b)
	}
	return c, rest
}

// maxNoteLines is the most lines of a chart's caption and note on a slide.
const maxNoteLines = 3

// figure draws the chart in the box x, y, w × h with its caption and source
// under it, in the largest chart text that keeps every label whole.
func (dk *deck) figure(c *document.Chart, title string, x, y, w, h float64) error {
	note := c.Note
	if c.Caption != "" && !strings.EqualFold(c.Caption, title) {
		note = c.Caption + ". " + note
	}
	nt := dk.plainText(note, furnitureSize, lead(furnitureSize), "").atMost(maxNoteLines)
	noteH := nt.height(w)
	ch := h - noteH - 3
	var l *chart.Layout
	var err error
	_, ok := fitSize(MinSlideText+chartSizeGap, MinSlideText, func(size float64) bool {
		l, err = dk.chartLayout(c, w, ch, size, false)
		return err == nil && slideFits(l)
	})
	if err != nil {
		return err
	}
	if !ok {
		// Too many categories, or labels too long: names from the data.
		// The chart is made to fit below a note of the most lines.
		ch = h - float64(maxNoteLines)*lead(furnitureSize) - 3
		var grouped string
		var warnings []string
		_, ok = fitSize(MinSlideText+chartSizeGap, MinSlideText, func(size float64) bool {
			l, grouped, warnings, ok, err = dk.slideChart(c, w, ch, size)
			return ok || err != nil
		})
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("the chart %q has too many or too long labels to show them at %g pt: choose another indicator or layout",
				shortTitle(c.Caption, maxTitleInMessage), MinSlideText)
		}
		for _, m := range warnings {
			dk.warn(m)
		}
		if grouped != "" { // first, lest a long note cut it
			note = grouped + " " + note
		}
		nt = dk.plainText(note, furnitureSize, lead(furnitureSize), "").atMost(maxNoteLines)
	}
	if len(dk.plainText(note, furnitureSize, lead(furnitureSize), "").lines(w)) > maxNoteLines {
		dk.warn(shortened("the note of the chart is", furnitureSize))
	}
	if err := drawLayout(dk.f, x, y, l); err != nil {
		return err
	}
	dk.curStyle = "?" // the chart set fonts of its own
	dk.y = y + ch + 3
	dk.color(dk.p.muted)
	nt.draw(x, w, "L", false)
	return nil
}

// chartSlide shows one chart across the slide.
func (dk *deck) chartSlide(s document.Slide, top float64) error {
	c, _ := chartOf(s)
	return dk.figure(c, s.Title, slideMargin, top, slideW-2*slideMargin, contentBottom-top)
}

// columns puts the chart on the left and the text on the right.
func (dk *deck) columns(s document.Slide, top float64) error {
	c, rest := chartOf(s)
	W := slideW - 2*slideMargin
	cw := W * 0.56
	tx := slideMargin + cw + 12
	tw := slideW - slideMargin - tx
	room := contentBottom - top
	size, h, ok := dk.fitFlow(rest, tw, room)
	if !ok {
		return notFit("the text beside the chart")
	}
	if err := dk.figure(c, s.Title, slideMargin, top, cw, room); err != nil {
		return err
	}
	dk.y = top + max(0, (room-h)/3)
	dk.flow(rest, tx, tw, size, dk.p.ink, true)
	return nil
}

// quoteSlide sets the quotation large, with an opening quote mark in the
// margin and its source under it.
func (dk *deck) quoteSlide(s document.Slide, top float64) error {
	var q *document.Quote
	for _, b := range s.Blocks {
		if qb, ok := b.(*document.Quote); ok {
			q = qb
		}
	}
	x := slideMargin + 26
	w := slideW - slideMargin - x - 10
	room := contentBottom - top
	set := func(size float64, draw bool) {
		for i, p := range q.Text {
			if i > 0 {
				dk.y += lead(size) * 0.5
			}
			dk.put(dk.newText(p.Spans, size, lead(size), "I"), x, w, "L", dk.p.ink, draw)
		}
		if q.Source != "" {
			dk.y += lead(size) * 0.6
			ss := max(MinSlideText, size*0.75)
			dk.put(dk.plainText("— "+q.Source, ss, lead(ss), ""), x, w, "R", dk.p.muted, draw)
		}
	}
	size, ok := fitSize(dk.th.FontSize*1.3, MinSlideText, func(size float64) bool {
		return dk.measure(func(draw bool) { set(size, draw) }) <= room
	})
	if !ok {
		return notFit("the quotation")
	}
	h := dk.measure(func(draw bool) { set(size, draw) })
	dk.y = top + max(0, (room-h)/2)
	ms := dk.th.FontSize * 5
	dk.color(dk.p.tint)
	dk.font("B", ms)
	dk.f.Text(slideMargin-2, dk.y+ms*mmPerPt*0.62, "“")
	set(size, true)
	return nil
}

// coverText sets a title and paragraphs in the colours given, left-aligned
// at x or centred across the slide, as large as fits within bounds; it
// returns the height, or draws at dk.y. A title too long even at
// minTitleSize is shortened to three lines; so are the paragraphs, when
// short is set (the subtitle and credits of the title slide, which come
// from the edition), else they are an error.
func (dk *deck) coverText(title string, body []document.Block, x, w, titleMax, room float64, align string, short, draw bool) (float64, error) {
	tt := dk.titleText(title, titleMax, w, 3, draw)
	th := tt.height(w)
	set := func(size float64, draw bool, most []int) {
		if len(body) == 0 {
			return
		}
		dk.y += lead(size) * 0.8
		for i, b := range body {
			if i > 0 {
				dk.y += lead(size) * 0.4
			}
			if p, ok := b.(*document.Paragraph); ok {
				dk.put(dk.newText(p.Spans, size, lead(size), "").atMost(at(most, i)), x, w, align, dk.p.onAccent, draw)
			} else {
				dk.flow([]document.Block{b}, x, w, size, dk.p.onAccent, draw)
			}
		}
	}
	height := func(size float64, most []int) float64 {
		return th + dk.measure(func(draw bool) { set(size, draw, most) })
	}
	var most []int
	size, ok := fitSize(dk.th.FontSize*1.1, MinSlideText, func(size float64) bool {
		return height(size, nil) <= room
	})
	if !ok && short {
		most, ok = dk.shorten(body, w, size, room, func(most []int) float64 { return height(size, most) })
		if ok && draw {
			dk.warn(shortened("the text under the title is", size))
		}
	}
	if !ok {
		return 0, notFit("the text")
	}
	h := height(size, most)
	if draw {
		dk.color(dk.p.onAccent)
		tt.draw(x, w, align, false)
		set(size, true, most)
	}
	return h, nil
}

// section draws a divider on the accent colour: the theme's number, its
// title and a line or two.
func (dk *deck) section(s document.Slide) error {
	dk.sect++
	dk.background(dk.p.accent)
	dk.furniture(dk.p.onAccentMuted, false)
	x, w := slideMargin+10, slideW-2*slideMargin-20
	ns := dk.th.FontSize * 4
	nh := ns * mmPerPt
	room := contentBottom - 20 - nh
	h, err := dk.coverText(s.Title, s.Blocks, x, w, dk.th.FontSize*2, room, "L", false, false)
	if err != nil {
		return err
	}
	top := 20 + (contentBottom-20-nh-h)/2
	dk.color(dk.p.onAccentMuted)
	dk.font("B", ns)
	dk.f.Text(x, top+nh*0.72, strconv.Itoa(dk.sect))
	dk.y = top + nh + 2
	_, err = dk.coverText(s.Title, s.Blocks, x, w, dk.th.FontSize*2, room, "L", false, true)
	return err
}

// closing draws the last word, centred on the accent colour.
func (dk *deck) closing(s document.Slide) error {
	dk.background(dk.p.accent)
	w := slideW - 2*slideMargin - 20
	room := slideH - 40
	h, err := dk.coverText(s.Title, s.Blocks, slideMargin+10, w, dk.th.FontSize*2.3, room, "C", false, false)
	if err != nil {
		return err
	}
	dk.y = (slideH - h) / 2
	_, err = dk.coverText(s.Title, s.Blocks, slideMargin+10, w, dk.th.FontSize*2.3, room, "C", false, true)
	dk.color(dk.p.onAccentMuted)
	dk.sampleMark(slideH-8, false)
	return err
}

// titleSlide draws the deck's first page: the city, the title and the
// first paragraph on the accent colour, the other paragraphs (credits,
// date) below, the logo at the bottom right.
func (dk *deck) titleSlide(s document.Slide) error {
	f := dk.f
	band := slideH * 0.64
	dk.fill(dk.p.accent)
	f.Rect(0, 0, slideW, band, "F")
	x, w := slideMargin+4, slideW-2*slideMargin-8
	var sub, credits []document.Block
	for i, b := range s.Blocks {
		if i == 0 {
			sub = append(sub, b)
		} else {
			credits = append(credits, b)
		}
	}
	cs := dk.th.FontSize * 0.85
	dk.color(dk.p.onAccentMuted)
	dk.font("B", cs)
	city := dk.fit(printable(strings.ToUpper(dk.d.City)), "B", cs, w)
	f.Text(x, 26, city)
	room := band - 38 - 10
	h, err := dk.coverText(s.Title, sub, x, w, dk.th.FontSize*2, room, "L", true, false)
	if err != nil {
		return err
	}
	dk.y = 38 + (room-h)/2
	if _, err := dk.coverText(s.Title, sub, x, w, dk.th.FontSize*2, room, "L", true, true); err != nil {
		return err
	}
	cw := w
	if dk.logoW > 0 {
		cw -= dk.logoW*1.6 + 10
	}
	croom := slideH - band - 16
	if dk.d.Sample != "" {
		croom -= sampleLine // the sample notice's line at the foot
	}
	size, _, ok := dk.fitFlow(credits, cw, croom)
	var most []int
	if !ok { // the credits come from the edition: organisation, partners…
		most, ok = dk.shorten(credits, cw, size, croom, func(most []int) float64 {
			return dk.measure(func(draw bool) { dk.flowMost(credits, 0, cw, size, dk.p.muted, draw, most) })
		})
		if !ok {
			return notFit("the credits")
		}
		dk.warn(shortened("the credits are", size))
	}
	size = min(size, dk.th.FontSize*0.85)
	dk.y = band + 10
	dk.flowMost(credits, x, cw, max(size, MinSlideText), dk.p.muted, true, most)
	dk.sampleTitle(x, cw)
	if dk.logoW > 0 {
		lh := logoH * 1.6
		f.ImageOptions("logo", slideW-slideMargin-dk.logoW*1.6, slideH-10-lh, dk.logoW*1.6, lh, false, fpdf.ImageOptions{}, 0, "")
	}
	return nil
}
