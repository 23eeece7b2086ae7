package pdf

import (
	"github.com/go-pdf/fpdf"

	"rendiconto/report/chart"
)

// fpdf measures UTF-8 text as the sum of its characters' advance widths
// (GetStringSymbolWidth, no kerning), in thousandths of the font size.
// Package chart takes the same widths from the embedded TrueType files
// (chart.Advance), rune by rune, which lets long words be broken in one
// pass; the text here and the charts measure alike.

// glyphs returns the advance width of r in style, as fpdf counts it.
func glyphs(style string) func(r rune) int {
	return func(r rune) int { return chart.Advance(style, r) }
}

// unitsWidth is the width of units thousandths of size points in f's user
// units, computed as fpdf's GetStringWidth does, to the last bit.
func unitsWidth(f *fpdf.Fpdf, units int, size float64) float64 {
	return float64(units) * (size / f.GetConversionRatio()) / 1000
}

// ellipsize shortens s with "…" until it is at most maxW wide as measured.
var ellipsize = chart.Ellipsize
