package report

import "testing"

func TestHint(t *testing.T) {
	codes := []string{"navile", "savena", "santo_stefano", "aps", "odv", "sst_reti", "code", "label", "was"}
	tests := []struct{ in, want string }{
		{"naville", ` (did you mean "navile"?)`},
		{"asp", ` (did you mean "aps"?)`},
		{"sst-reti", ` (did you mean "sst_reti"?)`},
		{"note", ""},
		{"crowdfunding", ""},
	}
	for _, tt := range tests {
		if got := Hint(tt.in, codes); got != tt.want {
			t.Errorf("Hint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Hint("x", []string{"city", "district", "zone"}); got != " (one of: city, district, zone)" {
		t.Errorf("short list: got %q", got)
	}
}
