package pdf

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-pdf/fpdf"
)

// fpdf measures UTF-8 text as the sum of its characters' advance widths
// (GetStringSymbolWidth, no kerning), in thousandths of the font size. The
// same sums, taken here rune by rune, let long words be broken in one pass.

// glyphWidths are the advance widths fpdf gives the runes of the Basic
// Multilingual Plane in one style of FontFamily, each measured the first
// time it is asked for (a document uses a few hundred of the 65,536:
// measuring all of them took milliseconds of every run), and the one it
// gives runes above it.
type glyphWidths struct {
	bmp   [0x10000]atomic.Int32 // the width + 1; 0 not measured yet
	above int32
}

// glyphMeasurer measures runes with its own document, one at a time.
type glyphMeasurer struct {
	mu sync.Mutex
	f  *fpdf.Fpdf
	t  [4]glyphWidths
}

var styleIndex = map[string]int{"": 0, "B": 1, "I": 2, "BI": 3}

var glyphTable = sync.OnceValue(func() *glyphMeasurer {
	m := &glyphMeasurer{f: fpdf.New("P", "mm", "A4", "")}
	RegisterFonts(m.f)
	for style, i := range styleIndex {
		m.f.SetFont(FontFamily, style, 10)
		m.t[i].above = int32(m.f.GetStringSymbolWidth("\U0001F600"))
	}
	if err := m.f.Error(); err != nil {
		panic("pdf: measuring the embedded font: " + err.Error())
	}
	return m
})

// measure returns the width of r, a rune of the BMP, in style (index i),
// measuring it if no one has yet.
func (m *glyphMeasurer) measure(i int, style string, r rune) int32 {
	m.mu.Lock()
	defer m.mu.Unlock()
	g := &m.t[i].bmp[r]
	if w := g.Load(); w != 0 {
		return w - 1
	}
	m.f.SetFont(FontFamily, style, 10)
	w := int32(m.f.GetStringSymbolWidth(string(r)))
	if err := m.f.Error(); err != nil {
		panic("pdf: measuring the embedded font: " + err.Error())
	}
	g.Store(w + 1)
	return w
}

// glyphs returns the advance width of r in style, as fpdf counts it.
func glyphs(style string) func(r rune) int {
	m := glyphTable()
	i := styleIndex[style]
	g := &m.t[i]
	return func(r rune) int {
		if r >= 0 && int(r) < len(g.bmp) {
			if w := g.bmp[r].Load(); w != 0 {
				return int(w - 1)
			}
			return int(m.measure(i, style, r))
		}
		return int(g.above)
	}
}

// unitsWidth is the width of units thousandths of size points in f's user
// units, computed as fpdf's GetStringWidth does, to the last bit.
func unitsWidth(f *fpdf.Fpdf, units int, size float64) float64 {
	return float64(units) * (size / f.GetConversionRatio()) / 1000
}

// ellipsize shortens s with "…" until it is at most maxW wide as measured.
// Widths grow with the prefix, so the longest prefix that fits is found by
// bisection: a few measures of s, not one a rune.
func ellipsize(s string, maxW float64, measure func(string) float64) string {
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
