package chart

import "testing"

// BenchmarkSVG lays out and writes each kind's plain case as SVG; it
// reports the bytes of the element.
func BenchmarkSVG(b *testing.B) {
	for _, tc := range svgCases() {
		if _, err := ParseKind(tc.name); err != nil {
			continue // the kinds' plain cases only
		}
		b.Run(tc.name, func(b *testing.B) {
			var n int
			b.ReportAllocs()
			for b.Loop() {
				out, err := SVG(tc.d, 400, 220, DefaultStyle(), tc.name)
				if err != nil {
					b.Fatal(err)
				}
				n = len(out)
			}
			b.ReportMetric(float64(n), "B/svg")
		})
	}
}
