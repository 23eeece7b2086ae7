package report

import (
	"fmt"
	"testing"
)

// withheldMarks prints a result's rows and value, "x" for withheld.
func withheldMarks(r *Result) string {
	s := ""
	for _, row := range r.Breakdown {
		if row.Withheld {
			s += "x "
		} else {
			s += fmt.Sprint(row.Value) + " "
		}
	}
	if r.Withheld {
		return s + "| x"
	}
	return s + "| " + fmt.Sprint(r.Value.Num)
}

func rowsOf(keys []string, values ...float64) []Row {
	var rows []Row
	for i, v := range values {
		rows = append(rows, Row{Key: keys[i], Value: v})
	}
	return rows
}

func resultsOf(list ...*Result) *Results {
	rs := &Results{List: list, byID: map[string]*Result{}}
	for _, r := range list {
		rs.byID[r.Indicator.ID] = r
	}
	return rs
}

func TestWithhold(t *testing.T) {
	abc := []string{"a", "b", "c", "d"}
	grid := []string{"a/x", "a/y", "b/x", "b/y"}
	for _, tc := range []struct {
		name string
		r    *Result
		want string
	}{
		{"one-way", &Result{Indicator: &Indicator{ID: "i", Source: SourceGroups, Measure: MeasureSum, By: "district", People: true},
			Value: Known(27), Breakdown: rowsOf(abc, 10, 2, 15)}, "x x 15 | 27"},
		{"not people", &Result{Indicator: &Indicator{ID: "i", Source: SourceGroups, Measure: MeasureSum, By: "district"},
			Value: Known(27), Breakdown: rowsOf(abc, 10, 2, 15)}, "10 2 15 | 27"},
		{"a small value", &Result{Indicator: &Indicator{ID: "i", Source: SourceServices, Measure: MeasureSum, People: true},
			Value: Known(2)}, "| x"},
		{"zero reveals nobody", &Result{Indicator: &Indicator{ID: "i", Source: SourceServices, Measure: MeasureSum, People: true},
			Value: Known(0), Breakdown: rowsOf(abc, 0, 0)}, "0 0 | 0"},
		{"by × across", &Result{Indicator: &Indicator{ID: "i", Source: SourceServices, Measure: MeasureSum, By: "sex", Across: "age_band", People: true},
			Value: Known(29), Breakdown: rowsOf(grid, 10, 2, 9, 8)}, "x x x x | 29"},
		{"multi-valued rows stand alone", &Result{Indicator: &Indicator{ID: "i", Source: SourceProjects, Measure: MeasureSum, Field: "beneficiaries.total", By: "districts", People: true},
			Value: Known(51), Breakdown: rowsOf(abc, 1, 50, 3)}, "x 50 3 | 51"},
		{"a ratio follows its counts", &Result{Indicator: &Indicator{ID: "i", Source: SourceServices, Measure: MeasureRatio, By: "district", People: true},
			Value: Known(2.7), Breakdown: rowsOf(abc, 1.0, 0.2, 1.5),
			counts: map[string]float64{"": 27, "a": 10, "b": 2, "c": 15}}, "x x 1.5 | 2.7"},
	} {
		rs := resultsOf(tc.r)
		n := Withhold(rs, 3)
		if got := withheldMarks(tc.r); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
		for _, row := range tc.r.Breakdown {
			if row.Withheld && (!row.NA || row.Value != 0) {
				t.Errorf("%s: a withheld row keeps its value: %+v", tc.name, row)
			}
			if row.Withheld {
				n--
			}
		}
		if tc.r.Withheld {
			n--
			if tc.r.Value.Known || tc.r.Reason == "" {
				t.Errorf("%s: a withheld value is known or unexplained: %+v", tc.name, tc.r)
			}
		}
		if n != 0 {
			t.Errorf("%s: Withhold counted %d more than it marked", tc.name, n)
		}
	}
}

// A figure computed from a withheld value is withheld with it, in a chain.
func TestWithholdFollows(t *testing.T) {
	users := &Indicator{ID: "B.1.1", Source: SourceServices, Measure: MeasureSum, People: true}
	perFTE := &Indicator{ID: "A.3.7", Measure: MeasureRatio, Numerator: &Operand{ID: "B.1.1", Ref: users}}
	twice := &Indicator{ID: "Z", Measure: MeasureRatio, Denominator: &Operand{ID: "A.3.7", Ref: perFTE}}
	other := &Indicator{ID: "Y", Measure: MeasureRatio}
	rs := resultsOf(
		&Result{Indicator: twice, Value: Known(1), Breakdown: rowsOf([]string{"a"}, 4)},
		&Result{Indicator: perFTE, Value: Known(0.1)},
		&Result{Indicator: users, Value: Known(2)},
		&Result{Indicator: other, Value: Known(5)},
	)
	Withhold(rs, 3)
	for _, id := range []string{"B.1.1", "A.3.7", "Z"} {
		if r, _ := rs.Lookup(id); !r.Withheld {
			t.Errorf("%s is published", id)
		}
	}
	if r, _ := rs.Lookup("Z"); !r.Breakdown[0].Withheld {
		t.Error("a row of a figure computed from a withheld value is published")
	}
	if r, _ := rs.Lookup("Y"); r.Withheld {
		t.Error("an unrelated figure is withheld")
	}
}
