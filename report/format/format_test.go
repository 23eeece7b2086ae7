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
		{Percent(0.17, 1, "it"), "17%"},
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
