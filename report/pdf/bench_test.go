package pdf

import (
	"bytes"
	"fmt"
	"testing"

	"rendiconto/report/chart"
	"rendiconto/report/document"
)

// chartBenchData is a 10-category chart of the given kind.
func chartBenchData(k string) chart.Data {
	d := chart.Data{Kind: k}
	for i := range 10 {
		d.Labels = append(d.Labels, fmt.Sprintf("Quartiere %d", i+1))
	}
	series := 1
	if k == chart.Stacked || k == chart.Line {
		series = 3
	}
	for s := range series {
		v := make([]float64, 10)
		for i := range v {
			v[i] = float64(1000 + (i*37+s*101)%90*113)
		}
		d.Series = append(d.Series, chart.Series{Name: fmt.Sprintf("Serie %d", s+1), Values: v})
	}
	return d
}

// chartPDFSize returns the size of a document with n charts, one a page.
func chartPDFSize(b *testing.B, d chart.Data, n int) int {
	f := newGalleryDoc()
	for range n {
		f.AddPage()
		if err := DrawChart(f, 20, 30, 170, 100, d, DefaultStyle()); err != nil {
			b.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Len()
}

func BenchmarkChart(b *testing.B) {
	for _, k := range document.ChartKinds() {
		b.Run(k, func(b *testing.B) {
			d := chartBenchData(k)
			f := newGalleryDoc()
			b.ReportAllocs()
			for b.Loop() {
				f.AddPage()
				if err := DrawChart(f, 20, 30, 170, 100, d, DefaultStyle()); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			// The growth per chart, without the fonts every document embeds once.
			perChart := float64(chartPDFSize(b, d, 21)-chartPDFSize(b, d, 1)) / 20
			b.ReportMetric(perChart, "B/chart")
		})
	}
}
