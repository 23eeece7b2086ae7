package chart

import (
	"math"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"rendiconto/report/fonts"
)

// Text is measured as fpdf measures it, so that a chart's layout and the
// PDF agree to the last bit: a string is the sum of its runes' advance
// widths (no kerning), each the TrueType advance in thousandths of an em,
// rounded; a rune the font lacks counts as its missing glyph (glyph 0).

// capHeight is the height of a capital letter of Liberation Sans, in ems.
const capHeight = 0.72

// The ascent and descent of Liberation Sans, in ems: a browser's box of a
// text runs from the ascent above the baseline to the descent below, and
// a layout keeps that box inside its rectangle.
const (
	ascent  = 0.905
	descent = 0.212
)

// face is one style of the embedded font, its widths measured the first
// time each rune is asked for (a document uses a few hundred of the
// 65,536 runes of the Basic Multilingual Plane).
type face struct {
	once    sync.Once
	mu      sync.Mutex // guards f and buf
	f       *sfnt.Font
	buf     sfnt.Buffer
	upem    int
	missing int32                 // width of glyph 0
	bmp     [0x10000]atomic.Int32 // the width + 1; 0 not measured yet
}

var faces [4]face

var styleIndex = map[string]int{"": 0, "B": 1, "I": 2, "BI": 3}

func (fc *face) load(style string) {
	f, err := sfnt.Parse(fonts.Styles[style])
	if err != nil {
		panic("chart: embedded font does not parse: " + err.Error())
	}
	fc.f, fc.upem = f, int(f.UnitsPerEm())
	fc.missing = fc.advance(0)
	if fc.missing == 0 {
		fc.missing = 500 // as fpdf
	}
}

// advance returns glyph g's advance width in thousandths of an em.
func (fc *face) advance(g sfnt.GlyphIndex) int32 {
	// At ppem = units per em the advance comes back in font units, exactly.
	a, err := fc.f.GlyphAdvance(&fc.buf, g, fixed.Int26_6(fc.upem<<6), font.HintingNone)
	if err != nil {
		return 0
	}
	scale := 1000 / float64(fc.upem) // as fpdf computes it
	return int32(math.Round(scale * float64(a>>6)))
}

// measure returns the width of r, a rune of the BMP, measuring it.
func (fc *face) measure(r rune) int32 {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	g := &fc.bmp[r]
	if w := g.Load(); w != 0 {
		return w - 1
	}
	w := fc.missing
	if i, err := fc.f.GlyphIndex(&fc.buf, r); err == nil && i != 0 {
		w = fc.advance(i)
	}
	g.Store(w + 1)
	return w
}

// Advance returns the advance width of r in style ("", "B", "I" or "BI")
// of the embedded font, in thousandths of the font size, as fpdf counts
// it. It is safe for concurrent use.
func Advance(style string, r rune) int {
	if r >= 0xD800 && r <= 0xDFFF {
		r = 0xFFFD // as a surrogate encodes in UTF-8
	}
	i := styleIndex[style]
	fc := &faces[i]
	fc.once.Do(func() { fc.load(style) })
	if r >= 0 && int(r) < len(fc.bmp) {
		if w := fc.bmp[r].Load(); w != 0 {
			return int(w - 1)
		}
		return int(fc.measure(r))
	}
	return int(fc.missing)
}

// Width returns the width of s in style at size points, in points.
func Width(s, style string, size float64) float64 {
	units := 0
	for _, r := range s {
		units += Advance(style, r)
	}
	return float64(units) * size / 1000
}

// Ellipsize shortens s with "…" until it is at most maxW wide as measured.
// Widths grow with the prefix, so the longest prefix that fits is found by
// bisection: a few measures of s, not one a rune.
func Ellipsize(s string, maxW float64, measure func(string) float64) string {
	if measure(s) <= maxW {
		return s
	}
	r := []rune(s)
	cut := func(k int) string { return strings.TrimRight(string(r[:k]), " ,.-–") + "…" }
	// the first k in 1..len(r)-1 whose cut is too wide
	k := 1 + sort.Search(len(r)-1, func(i int) bool { return measure(cut(i+1)) > maxW })
	if k == 1 {
		return "…"
	}
	return cut(k - 1)
}
