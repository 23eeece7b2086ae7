package report

import (
	"fmt"
	"strings"
	"testing"
)

// results builds the results of one indicator broken down by activities,
// on an edition whose activities vocabulary is vocab.
func results(year int, vocab []Entry, value Value, rows ...Row) *Results {
	ed := &Edition{Year: year, Vocabularies: map[string]*Vocabulary{"activities": {Name: "activities", Entries: vocab}}}
	ind := &Indicator{ID: "act", Source: SourceProjects, Measure: MeasureCount, By: "activities"}
	r := &Result{Indicator: ind, Value: value}
	if value.Known {
		r.Breakdown = rows
	}
	return &Results{Edition: ed, List: []*Result{r}, byID: map[string]*Result{"act": r}}
}

func showValue(v Value) string {
	if !v.Known {
		return "null"
	}
	return fmt.Sprintf("%.4g", v.Num)
}

func showChange(c *Change) string {
	s := fmt.Sprintf("%s→%s Δ%s %s%%", showValue(c.From), showValue(c.To), showValue(c.Change), showValue(c.ChangePct))
	for _, r := range c.Breakdown {
		s += fmt.Sprintf(" | %s %s→%s Δ%s", r.Key, showValue(r.From), showValue(r.To), showValue(r.Change))
		if r.Note != "" {
			s += " " + r.Note
		}
	}
	if c.DefinitionChange {
		s += " | redefined"
	}
	return s
}

// TestCompareAcross follows the was: entries of the edition in between:
// 2018's a and b became 2019's ab, renamed abc in 2020.
func TestCompareAcross(t *testing.T) {
	from := results(2018, []Entry{{Code: "a"}, {Code: "b"}, {Code: "k"}}, Known(9), Row{Key: "a", Value: 2}, Row{Key: "b", Value: 3}, Row{Key: "k", Value: 4})
	mid := results(2019, []Entry{{Code: "ab", Was: []string{"a", "b"}}, {Code: "k"}, {Code: "n"}}, Known(0))
	to := results(2020, []Entry{{Code: "abc", Was: []string{"ab"}}, {Code: "k"}, {Code: "n"}}, Known(12), Row{Key: "abc", Value: 6}, Row{Key: "k", Value: 5}, Row{Key: "n", Value: 1})
	got := showChange(CompareAcross(from, to, []*Edition{mid.Edition}).Indicators[0])
	if want := "9→12 Δ3 33.33% | abc 5→6 Δ1 mapped | k 4→5 Δ1 | n null→1 Δnull new"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestCompareMergedRate(t *testing.T) {
	from := results(2018, []Entry{{Code: "x"}, {Code: "y"}}, Known(20), Row{Key: "x", Value: 10}, Row{Key: "y", Value: 30})
	to := results(2019, []Entry{{Code: "z", Was: []string{"x", "y"}}}, Known(21), Row{Key: "z", Value: 21})
	for _, rs := range []*Results{from, to} {
		rs.List[0].Indicator.Measure = MeasureMean
	}
	got := showChange(Compare(from, to).Indicators[0])
	if want := "20→21 Δ1 5% | z null→21 Δnull merged | redefined"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestCompare(t *testing.T) {
	oldVocab := []Entry{{Code: "aggregazione"}, {Code: "integrazione"}, {Code: "lavoro"}, {Code: "laboratori"}, {Code: "famiglie"}}
	newVocab := []Entry{
		{Code: "socialita", Was: []string{"aggregazione", "integrazione"}},
		{Code: "lavoro"},
		{Code: "digitale"},
		{Code: "genitori", Was: []string{"famiglie"}},
		{Code: "minori", Was: []string{"famiglie"}},
	}
	tests := []struct {
		name     string
		from, to *Results
		want     string
	}{
		{
			name: "mapping, new, split and dropped codes",
			from: results(2018, oldVocab, Known(40), Row{Key: "aggregazione", Value: 10}, Row{Key: "integrazione", Value: 5}, Row{Key: "lavoro", Value: 8}, Row{Key: "laboratori", Value: 3}, Row{Key: "famiglie", Value: 6}),
			to:   results(2019, newVocab, Known(50), Row{Key: "socialita", Value: 20}, Row{Key: "lavoro", Value: 4}, Row{Key: "digitale", Value: 2}, Row{Key: "genitori", Value: 4}, Row{Key: "minori", Value: 3}),
			want: "40→50 Δ10 25% | socialita 15→20 Δ5 mapped | lavoro 8→4 Δ-4 | digitale null→2 Δnull new" +
				" | genitori null→4 Δnull split | minori null→3 Δnull split | laboratori 3→null Δnull dropped | redefined",
		},
		{
			name: "a missing file on one side is null, never zero",
			from: results(2018, oldVocab, Value{}),
			to:   results(2019, newVocab, Known(5), Row{Key: "socialita", Value: 5}, Row{Key: "lavoro", Value: 0}, Row{Key: "digitale", Value: 0}, Row{Key: "genitori", Value: 0}, Row{Key: "minori", Value: 0}),
			want: "null→5 Δnull null% | socialita null→5 Δnull mapped | lavoro null→0 Δnull | digitale null→0 Δnull" +
				" | genitori null→0 Δnull split | minori null→0 Δnull split | redefined",
		},
		{
			name: "a kept code also claimed by another is a split",
			from: results(2018, []Entry{{Code: "a1"}, {Code: "a2"}}, Known(6), Row{Key: "a1", Value: 4}, Row{Key: "a2", Value: 2}),
			to:   results(2019, []Entry{{Code: "a2"}, {Code: "b1", Was: []string{"a1", "a2"}}}, Known(7), Row{Key: "a2", Value: 3}, Row{Key: "b1", Value: 4}),
			want: "6→7 Δ1 16.67% | a2 null→3 Δnull split | b1 null→4 Δnull split | redefined",
		},
		{
			name: "a change from zero has no percentage",
			from: results(2018, []Entry{{Code: "lavoro"}}, Known(0), Row{Key: "lavoro", Value: 0}),
			to:   results(2019, []Entry{{Code: "lavoro"}}, Known(3), Row{Key: "lavoro", Value: 3}),
			want: "0→3 Δ3 null% | lavoro 0→3 Δ3",
		},
		{
			name: "missing in the later edition",
			from: results(2018, []Entry{{Code: "lavoro"}}, Known(3), Row{Key: "lavoro", Value: 3}),
			to:   results(2019, []Entry{{Code: "lavoro"}}, Value{}),
			want: "3→null Δnull null% | lavoro 3→null Δnull",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(tt.from, tt.to)
			got := showChange(c.Indicators[0])
			if got != tt.want {
				t.Errorf("\n got %s\nwant %s", strings.ReplaceAll(got, " | ", "\n   | "), strings.ReplaceAll(tt.want, " | ", "\n   | "))
			}
		})
	}
}

// hugeBreakdowns is n indicators broken down by a vocabulary of codes
// codes, in two editions; the later one renames every other code.
func hugeBreakdowns(n, codes int) (from, to *Results) {
	var oldVocab, newVocab []Entry
	var oldRows, newRows []Row
	for i := range codes {
		c := fmt.Sprintf("act%04d", i)
		oldVocab = append(oldVocab, Entry{Code: c})
		oldRows = append(oldRows, Row{Key: c, Value: float64(i)})
		e := Entry{Code: c}
		if i%2 == 1 {
			e = Entry{Code: c + "n", Was: []string{c}}
		}
		newVocab = append(newVocab, e)
		newRows = append(newRows, Row{Key: e.Code, Value: float64(i + 1)})
	}
	from = results(2018, oldVocab, Known(1), oldRows...)
	to = results(2019, newVocab, Known(2), newRows...)
	for _, rs := range []*Results{from, to} {
		r := rs.List[0]
		for k := 1; k < n; k++ {
			id := fmt.Sprintf("act%d", k)
			ind := *r.Indicator
			ind.ID = id
			rk := &Result{Indicator: &ind, Value: r.Value, Breakdown: r.Breakdown}
			rs.List = append(rs.List, rk)
			rs.byID[id] = rk
		}
	}
	return from, to
}

// TestCompareHugeBreakdowns: the was: entries of a vocabulary are traced
// once for all the indicators that break down by it, each code once, not
// looked up code by code in the whole list.
func TestCompareHugeBreakdowns(t *testing.T) {
	from, to := hugeBreakdowns(50, 3000)
	cr := NewComparer(from, to, nil)
	for _, r := range to.List {
		cr.Change(r.Indicator.ID)
	}
	was := cr.was
	ch, _ := cr.Change("act49")
	if got := showChange(ch); !strings.Contains(got, " | act0001n 1→2 Δ1 mapped | ") {
		t.Errorf("the renamed code is not mapped: %.200s", got)
	}
	if got, want := showChange(ch), showChange(Compare(from, to).Indicators[49]); got != want {
		t.Errorf("Comparer.Change differs from Compare:\n%.300s\n%.300s", got, want)
	}
	// one vocabulary indexed (3,000 entries) and its codes traced (3,000)
	if was.work > 2*3000 {
		t.Errorf("%d entries and codes visited for 50 indicators by one vocabulary of 3,000 codes; want at most 6,000", was.work)
	}
}

func BenchmarkHugeBreakdowns(b *testing.B) {
	from, to := hugeBreakdowns(50, 3000)
	b.ReportAllocs()
	for b.Loop() {
		Compare(from, to)
	}
}

// TestCompareMergedCountsRecordsOnce: a group tagged [casa, lavoro], both
// codes merged into one in the next edition, counts once in the merged row
// (and adds its citizens once), not once per old code.
func TestCompareMergedCountsRecordsOnce(t *testing.T) {
	edition := func(year int, vocab []Entry, groups ...Group) *Edition {
		return &Edition{Year: year, Vocabularies: map[string]*Vocabulary{"themes": {Name: "themes", Entries: vocab}}, Groups: groups}
	}
	cat := &Catalogue{Indicators: []*Indicator{
		{ID: "groups", Source: SourceGroups, Measure: MeasureCount, By: "themes"},
		{ID: "citizens", Source: SourceGroups, Measure: MeasureSum, Field: "citizens", By: "themes"},
	}}
	from := Compute(edition(2021, []Entry{{Code: "casa"}, {Code: "lavoro"}, {Code: "salute"}},
		Group{ID: "G1", Themes: []string{"casa", "lavoro"}, Citizens: 10},
		Group{ID: "G2", Themes: []string{"lavoro", "salute"}, Citizens: 4},
		Group{ID: "G3", Themes: []string{"salute"}, Citizens: 1},
	), cat)
	to := Compute(edition(2022, []Entry{{Code: "casa_lavoro", Was: []string{"casa", "lavoro"}}, {Code: "salute"}},
		Group{ID: "G1", Themes: []string{"casa_lavoro"}, Citizens: 12},
		Group{ID: "G2", Themes: []string{"casa_lavoro", "salute"}, Citizens: 4},
	), cat)
	c := Compare(from, to)
	for i, want := range []string{
		"3→2 Δ-1 -33.33% | casa_lavoro 2→2 Δ0 mapped | salute 2→1 Δ-1",
		"15→16 Δ1 6.667% | casa_lavoro 14→16 Δ2 mapped | salute 5→4 Δ-1",
	} {
		if got := showChange(c.Indicators[i]); got != want {
			t.Errorf("%s:\n got %s\nwant %s", c.Indicators[i].Indicator.ID, got, want)
		}
	}
}
