package document

import "slices"

// The chart kinds: what a template's chart action, a catalogue's chart: and
// package chart (which lays them out for every medium) know. chartKinds is
// the one list of them.
const (
	ChartBar     = "bar"     // vertical bars, one series
	ChartHBar    = "hbar"    // horizontal bars, one series
	ChartStacked = "stacked" // vertical stacked bars, one or more series
	ChartDonut   = "donut"   // ring of slices with a legend, one series
	ChartPie     = "pie"     // slices with a legend, one series
	ChartLine    = "line"    // lines over categories, one or more series
	// ChartSpark is a sparkline table: one row per series, its name, its
	// values by category and a small line on a scale of its own. A value
	// may be NaN: no figure to show (printed "–", a gap in the line).
	ChartSpark = "spark"
	// ChartDumbbell is a dot per series on each category's row, the first
	// and the last joined by a line: a breakdown in two editions.
	ChartDumbbell = "dumbbell"
)

var chartKinds = []string{ChartBar, ChartHBar, ChartStacked, ChartDonut, ChartPie, ChartLine, ChartSpark, ChartDumbbell}

// ChartKinds returns the chart kinds, in a stable order (a new slice).
func ChartKinds() []string { return slices.Clone(chartKinds) }

// ValidChartKind reports whether s is a chart kind.
func ValidChartKind(s string) bool { return slices.Contains(chartKinds, s) }
