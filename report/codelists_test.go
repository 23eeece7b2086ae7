package report

import (
	"strings"
	"testing"
)

// TestCodeLists says every kind of change of a code list, across an
// edition in between: a and b merged (through ab, renamed abc), s split
// into s1 and s2, k kept, r relabelled, d dropped, n new in between and
// m new in the later edition.
func TestCodeLists(t *testing.T) {
	from := results(2018, []Entry{{Code: "a"}, {Code: "b"}, {Code: "s"}, {Code: "k", Label: "K"}, {Code: "r", Label: "R"}, {Code: "d"}}, Known(0))
	mid := results(2019, []Entry{{Code: "ab", Was: []string{"a", "b"}}, {Code: "s"}, {Code: "k", Label: "K"}, {Code: "r", Label: "R"}, {Code: "d"}, {Code: "n"}}, Known(0))
	to := results(2020, []Entry{{Code: "abc", Was: []string{"ab"}}, {Code: "s1", Was: []string{"s"}}, {Code: "s2", Was: []string{"s"}},
		{Code: "k", Label: "K"}, {Code: "r", Label: "R2"}, {Code: "n"}, {Code: "m"}}, Known(0))
	lists := NewComparer(from, to, []*Edition{mid.Edition}).CodeLists()
	if len(lists) != 1 || lists[0].Domain != "activities" {
		t.Fatalf("got %+v", lists)
	}
	var got []string
	for _, c := range lists[0].Changes {
		codes := func(es []Entry) string {
			var s []string
			for _, e := range es {
				s = append(s, e.Code)
			}
			return strings.Join(s, "+")
		}
		got = append(got, c.Kind+" "+codes(c.Was)+">"+codes(c.Codes))
	}
	want := "merged a+b>abc | split s>s1+s2 | renamed r>r | new >n | new >m | dropped d>"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	if l := NewComparer(from, from, nil).CodeLists(); len(l) != 0 {
		t.Errorf("an edition compared with itself: %+v", l)
	}
}
