package document

import "testing"

func TestChartKinds(t *testing.T) {
	for _, k := range ChartKinds() {
		if !ValidChartKind(k) {
			t.Errorf("ValidChartKind(%q) = false", k)
		}
	}
	for _, s := range []string{"", "radar", "Bar", "bar "} {
		if ValidChartKind(s) {
			t.Errorf("ValidChartKind(%q) = true", s)
		}
	}
	ChartKinds()[0] = "radar"
	if ValidChartKind("radar") {
		t.Error("ChartKinds returned the list itself")
	}
}
