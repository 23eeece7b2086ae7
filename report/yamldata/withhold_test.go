package yamldata

import (
	"os"
	"testing"

	"rendiconto/report"
)

// On the sample editions and the other city's, after Withhold no count of
// people from 1 to threshold−1 is left in a People indicator, and a
// withheld row never stands alone in a breakdown that adds up.
func TestWithholdSample(t *testing.T) {
	data, err := os.ReadFile("../../templates/catalogue.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := ParseCatalogue("catalogue.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, ed := range []struct {
		root string
		year int
	}{{"../../data", 2019}, {"../../data", 2020}, {"../../testdata/othercity", 2022}} {
		e, _, err := Load(ed.root, ed.year)
		if err != nil {
			t.Fatal(err)
		}
		for _, threshold := range []int{3, 5, 20} {
			rs := report.Compute(e, cat)
			n := report.Withhold(rs, threshold)
			t.Logf("%s %d, threshold %d: %d figures withheld", ed.root, ed.year, threshold, n)
			for _, r := range rs.List {
				if !r.Indicator.People {
					continue
				}
				isSmall := func(v float64) bool { return v >= 1 && v < float64(threshold) }
				if r.Value.Known && isSmall(r.Value.Num) && r.Indicator.Measure != report.MeasureRatio && r.Indicator.Measure != report.MeasureShare {
					t.Errorf("%d %s: value %v published", ed.year, r.Indicator.ID, r.Value.Num)
				}
				withheld := 0
				for _, row := range r.Breakdown {
					if row.Withheld {
						withheld++
					}
					if !row.NA && isSmall(row.Value) && r.Indicator.Additive() {
						t.Errorf("%d %s: row %s = %v published", ed.year, r.Indicator.ID, row.Key, row.Value)
					}
				}
				if withheld == 1 && r.Value.Known && r.Indicator.Additive() && r.Indicator.Across == "" && !multi(r.Indicator) {
					t.Errorf("%d %s: one withheld row beside a published total", ed.year, r.Indicator.ID)
				}
			}
		}
	}
}

func multi(ind *report.Indicator) bool {
	f := report.Schema[ind.Source][ind.By]
	return f.Kind == report.KindCodes
}
