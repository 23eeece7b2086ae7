package pdf

import (
	"strings"

	"rendiconto/report/document"
	"rendiconto/report/words"
)

// sampleLabel is what every page's footer says of an edition whose
// records are synthetic (document.Front.Sample).
func sampleLabel(lang string) string { return words.For(lang).PDF.Sample }

// sampleSpans is the cover's sample sentence with its label ("Dati di
// esempio:") in bold.
func sampleSpans(s string) []document.Span {
	if head, rest, ok := strings.Cut(s, ": "); ok && len(head) < 40 {
		return []document.Span{{Text: head + ":", Bold: true}, {Text: " " + rest}}
	}
	return []document.Span{{Text: s}}
}

// The cover's sample notice: a tinted box under the organisation and
// partners, or, when they run long, between the edition's line and the foot
// of the page.
const (
	sampleGap     = 12.0  // below the partners
	sampleLast    = 244.0 // the box ends above the rule at 250
	sampleFoot    = 270.0 // the box's top at the foot
	sampleBoxH    = 16.0
	sampleSize    = 10.0
	sampleLeading = 4.8
)

// sampleCover draws the sample notice on the cover, when there is one: a
// tinted box with an accent bar, its sentence on at most two lines.
// top is where the text above it ends.
func (l *layout) sampleCover(top float64) {
	s := l.doc.Sample
	if s == "" {
		return
	}
	y := top + sampleGap
	if y+sampleBoxH > sampleLast {
		y = sampleFoot
	}
	f := l.f
	l.fill(tint)
	f.Rect(marginL, y, textW, sampleBoxH, "F")
	l.fill(accent)
	f.Rect(marginL, y, 1.2, sampleBoxH, "F")
	t := l.newText(sampleSpans(s), sampleSize, sampleLeading, "").atMost(2)
	w := textW - 8
	l.color(ink)
	l.y = y + (sampleBoxH-t.height(w))/2
	t.draw(marginL+4, w, "L", false)
}

// sampleFooter draws "Dati di esempio" in bold at the left of a page's
// footer and returns its width with the gap after it, when the document is
// sample; 0 otherwise.
func (l *layout) sampleFooter(x, y float64) float64 {
	if l.doc.Sample == "" {
		return 0
	}
	label := sampleLabel(l.doc.Lang)
	l.font("B", 8)
	l.f.Text(x, y, label)
	sep := " · "
	w := l.width(label, "B", 8)
	l.font("", 8)
	l.f.Text(x+w, y, sep)
	return w + l.width(sep, "", 8)
}

// sampleLine is the room the sample sentence takes at the foot of the
// title slide, mm.
const sampleLine = 10.0

// sampleMark draws "Dati di esempio" in bold at the left of a slide's
// foot, with its baseline at base, in the current colour, when the deck is
// sample; it returns the width it took (with a separator when more
// follows), 0 otherwise.
func (dk *deck) sampleMark(base float64, more bool) float64 {
	if dk.d.Sample == "" {
		return 0
	}
	label := sampleLabel(dk.d.Lang)
	dk.font("B", furnitureSize)
	dk.f.Text(slideMargin, base, label)
	w := dk.width(label, "B", furnitureSize)
	if more {
		sep := " · "
		dk.font("", furnitureSize)
		dk.f.Text(slideMargin+w, base, sep)
		w += dk.width(sep, "", furnitureSize)
	}
	return w
}

// sampleTitle draws the sample sentence at the foot of the title slide,
// under the credits and left of the logo, when the deck is sample.
func (dk *deck) sampleTitle(x, w float64) {
	if dk.d.Sample == "" {
		return
	}
	// as large as one line allows, from 16 points down to the footer's size
	size := 16.0
	t := dk.newText(sampleSpans(dk.d.Sample), size, lead(size), "")
	for size > furnitureSize && len(t.lines(w)) > 1 {
		size--
		t = dk.newText(sampleSpans(dk.d.Sample), size, lead(size), "")
	}
	t.atMost(1)
	dk.color(dk.p.ink)
	dk.y = slideH - 8 - lead(size)/2 - size*mmPerPt*0.35
	t.draw(x, w, "L", false)
}
