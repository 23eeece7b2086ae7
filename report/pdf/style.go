package pdf

import "rendiconto/report/chart"

// Style is the look of a chart: package chart's, named here for the
// callers of Report and Slides.
type Style = chart.Style

// DefaultStyle returns the report's chart style (see chart.DefaultStyle).
func DefaultStyle() Style { return chart.DefaultStyle() }

// ParsePalette and ParseColor parse hex colours, as package chart does.
var (
	ParsePalette = chart.ParsePalette
	ParseColor   = chart.ParseColor
)

// mix blends c towards d by t (see chart.Mix).
var mix = chart.Mix

// white is the colour of paper.
var white = chart.White
