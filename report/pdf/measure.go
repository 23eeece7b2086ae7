package pdf

import (
	"sort"
	"strings"
	"sync"

	"github.com/go-pdf/fpdf"
)

// fpdf measures UTF-8 text as the sum of its characters' advance widths
// (GetStringSymbolWidth, no kerning), in thousandths of the font size. The
// same sums, taken here rune by rune, let long words be broken in one pass.

// glyphWidths are the advance widths fpdf gives every rune of the Basic
// Multilingual Plane in each style of FontFamily, and the one it gives runes
// above it.
type glyphWidths struct {
	bmp   []int32
	above int32
}

var styleIndex = map[string]int{"": 0, "B": 1, "I": 2, "BI": 3}

var glyphTable = sync.OnceValue(func() *[4]glyphWidths {
	f := fpdf.New("P", "mm", "A4", "")
	RegisterFonts(f)
	var t [4]glyphWidths
	for style, i := range styleIndex {
		f.SetFont(FontFamily, style, 10)
		g := glyphWidths{bmp: make([]int32, 0x10000)}
		for r := range g.bmp {
			g.bmp[r] = int32(f.GetStringSymbolWidth(string(rune(r))))
		}
		g.above = int32(f.GetStringSymbolWidth("\U0001F600"))
		t[i] = g
	}
	if err := f.Error(); err != nil {
		panic("pdf: measuring the embedded font: " + err.Error())
	}
	return &t
})

// glyphs returns the advance width of r in style, as fpdf counts it.
func glyphs(style string) func(r rune) int {
	g := &glyphTable()[styleIndex[style]]
	return func(r rune) int {
		if r >= 0 && int(r) < len(g.bmp) {
			return int(g.bmp[r])
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
