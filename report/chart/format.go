package chart

import (
	"math"

	"rendiconto/report/format"
)

// formatNumber formats v with the given number of decimals and the
// language's separators (Italian by default). Negative zero prints as "0";
// a negative number takes the minus sign "−" (U+2212), as signed value
// labels do, not the hyphen: ticks and labels of one chart agree.
func formatNumber(v float64, decimals int, lang string) string {
	italian := format.Printer(lang)
	scale := math.Pow(10, float64(decimals))
	v = math.Round(v*scale) / scale
	sign := ""
	if v < 0 {
		sign, v = "−", -v
	}
	if v == 0 {
		v = 0
	}
	if decimals == 0 {
		return sign + italian.Sprintf("%d", int64(v))
	}
	return sign + italian.Sprintf("%.*f", decimals, v)
}

// FormatValue formats a value label alone: a whole number without
// decimals, any other with exactly one (a zero fraction kept: "15,0"); with
// percent, v is a fraction printed with one decimal, "17,0%" or "17,2%".
// A chart formats its values with valueFormat, so that a series prints
// every value with the same decimals.
func FormatValue(v float64, percent bool, lang string) string {
	if percent {
		return formatNumber(v*100, 1, lang) + "%"
	}
	return formatNumber(v, format.AutoDecimals(v), lang)
}

// ValueFormat returns how the chart's value labels are printed: shares
// with one decimal; other values without decimals when every value of
// every series is a whole number, else all with one decimal ("84,0"
// beside "61,4", never "84"); changes signed ("+2,1%", "−6,1%"). A missing
// value (NaN, a gap) prints "–" and does not count. The web edition's data
// tables print a chart's values with it, as the chart does.
func ValueFormat(d Data) func(v float64) string {
	values := make([][]float64, len(d.Series))
	for i, s := range d.Series {
		values[i] = s.Values
	}
	f := SeriesFormat(values, d.Percent, d.Lang)
	if !d.Signed {
		return f
	}
	return func(v float64) string {
		if math.IsNaN(v) {
			return f(v)
		}
		s := f(math.Abs(v))
		switch {
		case s == f(0):
			return s
		case v > 0:
			return "+" + s
		}
		return "−" + s
	}
}

// SeriesFormat is ValueFormat of some series' values (a sparkline's row
// has decimals of its own; a slide's chart is measured before it is drawn).
func SeriesFormat(series [][]float64, percent bool, lang string) func(v float64) string {
	decimals := 0
	for _, s := range series {
		for _, v := range s {
			if !math.IsNaN(v) {
				decimals = max(decimals, format.AutoDecimals(v))
			}
		}
	}
	return func(v float64) string {
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			return "–"
		case percent:
			return formatNumber(v*100, 1, lang) + "%"
		}
		return formatNumber(v, decimals, lang)
	}
}

// formatTick formats an axis tick with the decimals its step needs, so that
// all ticks of an axis agree: 0; 0,25; 0,5 or "0%", "25%".
func formatTick(v, step float64, percent bool, lang string) string {
	if percent {
		return formatNumber(v*100, stepDecimals(step*100), lang) + "%"
	}
	return formatNumber(v, stepDecimals(step), lang)
}

// stepDecimals returns the decimals needed to print multiples of step.
func stepDecimals(step float64) int {
	for d := 0; d < 6; d++ {
		s := step * math.Pow(10, float64(d))
		if math.Abs(s-math.Round(s)) < 1e-6*math.Max(1, s) {
			return d
		}
	}
	return 6
}

// scale is a linear axis from lo to hi with ticks every step.
type scale struct {
	lo, hi, step float64
}

// niceScale returns an axis covering lo..hi and zero with about maxTicks
// round ticks (steps of 1, 2, 2.5 or 5 times a power of ten, at least
// minStep). A minStep of 1 or more asks for whole steps (counts): 2.5 is
// then left out below 25. An empty range becomes 0..1.
func niceScale(lo, hi float64, maxTicks int, minStep float64) scale {
	whole := minStep >= 1
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi-lo == 0 {
		hi = 1
	}
	if maxTicks < 2 {
		maxTicks = 2
	}
	raw := (hi - lo) / float64(maxTicks-1)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if whole && m*mag != math.Trunc(m*mag) {
			continue // counts: no step of 2.5, no tick "2,5 progetti"
		}
		if m*mag >= raw*(1-1e-9) {
			step = m * mag
			break
		}
	}
	step = math.Max(step, minStep)
	return scale{
		lo:   math.Floor(lo/step+1e-9) * step,
		hi:   math.Ceil(hi/step-1e-9) * step,
		step: step,
	}
}

// ticks returns the tick values from lo to hi.
func (s scale) ticks() []float64 {
	n := int(math.Round((s.hi - s.lo) / s.step))
	t := make([]float64, 0, n+1)
	for i := 0; i <= n; i++ {
		t = append(t, s.lo+float64(i)*s.step)
	}
	return t
}

// pos maps v onto a length: 0 at lo, length at hi.
func (s scale) pos(v, length float64) float64 {
	return (v - s.lo) / (s.hi - s.lo) * length
}
