package format

import (
	"testing"
	"time"

	"rendiconto/report"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		n        float64
		decimals int
		lang     string
		want     string
	}{
		{14844, 0, "it", "14.844"},
		{14844, 0, "en", "14,844"},
		{1000000, 1, "it", "1.000.000"},
		{3.45, 1, "it", "3,5"},
		{3.0, 1, "it", "3"},
		{-1234.5, 1, "it", "-1.234,5"},
		{0, 1, "it", "0"},
		{-0.01, 1, "it", "0"},
		{12.25, 2, "en", "12.25"},
	}
	for _, tt := range tests {
		if got := Number(tt.n, tt.decimals, tt.lang); got != tt.want {
			t.Errorf("Number(%v, %d, %s) = %q, want %q", tt.n, tt.decimals, tt.lang, got, tt.want)
		}
	}
}

func TestPercentSignedValue(t *testing.T) {
	tests := []struct{ got, want string }{
		{Percent(17.0/99, 1, "it"), "17,2%"},
		{Percent(0.17, 1, "it"), "17,0%"},
		{Percent(0.39, 1, "en"), "39.0%"},
		{Signed(17, 1, "it"), "+17,0"},
		{Signed(0, 1, "it"), "0,0"},
		{Value(report.Known(14.96), false, "it"), "15,0"},
		{Auto(84, "it"), "84"},
		{Auto(83.97, "it"), "84,0"},
		// a change from the values as printed: 4,8 → 5,0 is +0,2, not +0,1
		{ChangeFrom(report.Known(4.84), report.Known(4.96), 1, false, "it"), "+0,2"},
		// 1,6 and 1,6 printed: no change, though the exact values differ
		{ChangeFrom(report.Known(1.64), report.Known(1.56), 1, false, "en"), "0.0"},
		// shares: 17,2% → 21,4% is +4,2 p.p. (the exact difference is 4,3)
		{ChangeFrom(report.Known(0.17170), report.Known(0.21425), 1, true, "it"), "+4,2 p.p."},
		{ChangeFrom(report.Known(0.5714), report.Known(0.625), 1, false, "it"), "0,0"},
		{ChangeFrom(report.Value{}, report.Known(1), 0, false, "en"), "n/a"},
		{ChangePctFrom(report.Known(3.08), report.Known(3.23), 1, false, "it"), "+3,2%"},
		{ChangePctFrom(report.Known(0.04), report.Known(3), 1, false, "it"), "n.d."},
		{IndValue(report.Known(2623.5), &report.Indicator{Measure: report.MeasureRatio, Unit: report.Text{En: "euros per user"}}, "it"), "2.624"},
		{IndValue(report.Known(15), &report.Indicator{Measure: report.MeasureRatio, Unit: report.Text{En: "FTE per 10,000 residents"}}, "it"), "15,0"},
		{IndValue(report.Known(17), &report.Indicator{Measure: report.MeasureCount}, "it"), "17"},
		{IndValue(report.Known(6125), &report.Indicator{Measure: report.MeasureRatio, Unit: report.Text{It: "persone", En: "people"}}, "en"), "6,125"},
		{IndValue(report.Known(153), &report.Indicator{Measure: report.MeasureRatio, Unit: report.Text{It: "contatti ogni 1.000 residenti", En: "contacts per 1,000 residents"}}, "it"), "153,0"},
		{IndValue(report.Known(38.5), &report.Indicator{Measure: report.MeasureSum, Unit: report.Text{En: "FTE"}}, "en"), "38.5"},
		{Percent(0.5, 0, "en"), "50%"},
		{Signed(12, 0, "it"), "+12"},
		{Signed(-3.25, 1, "it"), "−3,3"},
		{Signed(0, 0, "it"), "0"},
		{Value(report.Value{}, false, "it"), "n.d."},
		{Value(report.Known(346), false, "it"), "346"},
		{Value(report.Known(14844), false, "it"), "14.844"},
		{Value(report.Known(17.0/99), true, "it"), "17,2%"},
		{Year(2024), "2024"},
		{Date(time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC), "it"), "30 giugno 2020"},
		{Date(time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC), "en"), "30 June 2020"},
		{Date(time.Time{}, "it"), "n.d."},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
