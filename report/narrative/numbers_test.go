package narrative

import (
	"context"
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/words"
	"rendiconto/templates"
)

// parseNum reads a number as printed in lang ("1.234,5", "−0,2", "+4,2
// p.p.", "17,2%"); ok is false for n.d., n/a, n.p. or text.
func parseNum(s, lang string) (v float64, decimals int, ok bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, " p.p."), "%"))
	s = strings.ReplaceAll(s, "−", "-")
	s = strings.TrimPrefix(s, "+")
	if lang == "en" {
		s = strings.ReplaceAll(s, ",", "")
	} else {
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		decimals = len(s) - i - 1
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, decimals, err == nil
}

// TestComparisonAsPrinted: in the comparison of the sample editions, in
// both languages, every change printed is the difference of the two values
// printed beside it (a reader who subtracts finds it), with their decimals;
// the English cover and notes are in English with labels, not codes; "n/a"
// in English; no row at zero in both editions; no empty Note column.
func TestComparisonAsPrinted(t *testing.T) {
	codeRE := regexp.MustCompile(`\b[a-z]+_[a-z_]+\b|was:`)
	for _, lang := range []string{"it", "en"} {
		t.Run(lang, func(t *testing.T) {
			hs := history(t, "../../data", lang, 2019, 2020)
			doc := Comparison(report.Compare(hs[0], hs[1]), hs, lang)
			if lang == "en" && strings.Contains(doc.Subtitle, "comunità") {
				t.Errorf("English subtitle in Italian: %q", doc.Subtitle)
			}
			checked := 0
			for _, b := range doc.Blocks {
				switch b := b.(type) {
				case *document.Paragraph:
					if m := codeRE.FindString(spans(b.Spans)); m != "" {
						t.Errorf("a code in the text: %q", m)
					}
					if lang == "en" && strings.Contains(spans(b.Spans), "n.d.") {
						t.Errorf("n.d. in English: %q", spans(b.Spans))
					}
				case *document.Chart:
					if lang == "en" && strings.Contains(b.Note, "n.d.") {
						t.Errorf("%s: n.d. in English: %q", b.Caption, b.Note)
					}
				case *document.Table:
					first := 1 // the from column: 1 in a breakdown, 2 in the summary
					if b.Header[0] == "Id" {
						first = 2
					}
					if n := len(b.Header); b.Header[n-1] == words.For(lang).Compare.Note {
						has := false
						for _, r := range b.Rows {
							has = has || r[n-1] != ""
						}
						if !has {
							t.Errorf("%s: a Note column with no note", b.Caption)
						}
					}
					for _, r := range b.Rows {
						for j, c := range r {
							if m := codeRE.FindString(c); m != "" && !(j == 0 && first == 2) { // the Id column
								t.Errorf("%s: a code in a cell: %q", b.Caption, m)
							}
							if lang == "en" && c == "n.d." {
								t.Errorf("%s: n.d. in English", b.Caption)
							}
						}
						from, fd, ok1 := parseNum(r[first], lang)
						to, td, ok2 := parseNum(r[first+1], lang)
						ch, cd, ok3 := parseNum(r[first+2], lang)
						if !ok1 || !ok2 || !ok3 {
							continue
						}
						checked++
						if from == 0 && to == 0 && first == 1 {
							t.Errorf("%s: row %q at zero in both editions", b.Caption, r[0])
						}
						if fd != td || cd != fd {
							t.Errorf("%s: row %q printed with different decimals: %v", b.Caption, r[0], r)
						}
						if math.Abs(to-from-ch) > 1e-6 {
							t.Errorf("%s: row %q: %s → %s printed as a change of %s", b.Caption, r[0], r[first], r[first+1], r[first+2])
						}
					}
				}
			}
			if checked < 100 {
				t.Errorf("only %d changes checked", checked)
			}
		})
	}
}

// TestCutTop: "the most frequent" is never the whole list through a tie,
// and rows are tied only when they print the same.
func TestCutTop(t *testing.T) {
	rows := func(vals ...string) []Top {
		out := make([]Top, len(vals))
		for i, v := range vals {
			out[i] = Top{Label: strconv.Itoa(i), Value: v}
		}
		return out
	}
	tests := []struct {
		vals []string
		n    int
		want int
	}{
		{[]string{"4", "4", "3", "1", "1", "1"}, 4, 3}, // the tie of 1s would be the rest: stop before it
		{[]string{"2", "1", "1", "1", "1"}, 3, 1},
		{[]string{"2", "2", "2"}, 1, 3},                // all tied: every row, a tie the caller says
		{[]string{"5", "3", "3", "1"}, 2, 3},           // a tie at the cut, not the rest: kept
		{[]string{"3,7", "3,7", "2,1"}, 1, 2},          // printed equal: tied
		{[]string{"3,8", "3,7", "2,1"}, 1, 1},          // printed apart: no tie
		{[]string{"60,0%", "40,0%", "20,0%"}, 3, 3},    // no tie: as asked
		{[]string{"9", "4", "4", "4", "2", "1"}, 2, 4}, // a tie that does not reach the end: kept
		{nil, 3, 0},
	}
	for i, tt := range tests {
		if got := cutTop(rows(tt.vals...), tt.n); len(got) != tt.want {
			t.Errorf("case %d: cutTop(%v, %d) keeps %d rows, want %d", i, tt.vals, tt.n, len(got), tt.want)
		}
	}
}

// TestReportTables: in the 2019 report, in both languages, a breakdown
// table's first header names its dimension, its headers are capitalised, a
// several-answers table ends in the records considered with no 100%, every
// share and rate keeps its decimal, and a table whose printed rows do not
// add up to its printed total says the values are rounded.
func TestReportTables(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		t.Run(lang, func(t *testing.T) {
			hs := history(t, "../../data", lang, 2018, 2019)
			sub, _ := fs.Sub(templates.FS, lang)
			doc, err := Build(context.Background(), Source{FS: sub, Name: "templates/" + lang}, hs, lang, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			multi, rounded := checkTables(t, doc, lang)
			if multi == 0 {
				t.Error("no several-answers table checked")
			}
			if rounded == 0 {
				t.Error("no table says its values are rounded (the 2019 staff per project, 3,8 + 2,3 + 1,4 against 7,6)")
			}
			// the sentences that give the 7,6 beside its parts say so too,
			// and the expenditure per user is in whole euros, written once
			text := prose(doc)
			want := map[string][]string{
				"it": {"la figura ne riporta la media per ufficio di appartenenza (valori arrotondati).", "altri uffici (valori arrotondati).", "La spesa per gli interventi è di 2.623 euro per utente e di 170 euro per residente."},
				"en": {"the figure gives the average by office (rounded).", "other offices (rounded).", "Expenditure on interventions is €2,623 per user and €170 per resident."},
			}[lang]
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("the 2019 report does not say %q", w)
				}
			}
			for _, h := range []string{"Voce", "Item"} {
				for _, b := range doc.Blocks {
					if tb, ok := b.(*document.Table); ok && len(tb.Header) > 0 && tb.Header[0] == h {
						t.Errorf("a table's first header is the generic %q", h)
					}
				}
			}
		})
	}
}

// checkTables checks a report's breakdown tables (see TestReportTables)
// and counts those of several answers and those that say their values are
// rounded.
func checkTables(t *testing.T, doc *document.Document, lang string) (multi, rounded int) {
	t.Helper()
	for _, b := range doc.Blocks {
		tb, ok := b.(*document.Table)
		if !ok || len(tb.Header) < 2 || !tb.Total {
			continue
		}
		if tb.Header[0] == "Voce" || tb.Header[0] == "Item" {
			t.Errorf("%s: first header %q", tb.Caption, tb.Header[0])
		}
		for _, h := range tb.Header {
			if h != "" && strings.ToUpper(h[:1]) != h[:1] {
				t.Errorf("%s: header %q not capitalised", tb.Caption, h)
			}
		}
		last := tb.Rows[len(tb.Rows)-1]
		if strings.Contains(tb.Note, words.For(lang).Multi) {
			multi++
			if last[0] == words.For(lang).Total || len(last) > 2 && last[2] != "" {
				t.Errorf("%s: several answers, last row %v", tb.Caption, last)
			}
		}
		if strings.Contains(tb.Note, words.For(lang).Rounded) {
			rounded++
		}
		for _, r := range tb.Rows {
			for _, c := range r[1:] {
				if sharesRE.MatchString(c) {
					t.Errorf("%s: a share without its decimal: %q", tb.Caption, c)
				}
			}
		}
	}
	return multi, rounded
}

// TestComparedRows: a comparison leaves out the rows at zero in both
// editions and the benchmark thresholds, and of a longer list shows the
// largest changes in list order.
func TestComparedRows(t *testing.T) {
	k := report.Known
	ind := &report.Indicator{ID: "X", Parts: []report.Part{{Key: "a", Field: "a"}, {Key: "lep", Per: 5000}}}
	ch := &report.Change{Indicator: ind, Breakdown: []report.RowChange{
		{Key: "a", From: k(1), To: k(2), Change: k(1)},
		{Key: "lep", From: k(2), To: k(2), Change: k(0)},
		{Key: "z1", From: k(0), To: k(0), Change: k(0)},
		{Key: "z2", From: k(0), To: k(0), Change: k(0)},
		{Key: "new", To: k(0), Note: report.NoteNew},
		{Key: "w", From: k(0), To: k(0), Change: k(0), FromWithheld: true},
	}}
	rows, zeros := comparedRows(ch)
	var keys []string
	for _, r := range rows {
		keys = append(keys, r.Key)
	}
	if got := strings.Join(keys, " "); got != "a new w" || zeros != 2 {
		t.Errorf("comparedRows = %q, %d zeros; want \"a new w\", 2", got, zeros)
	}
	big := []report.RowChange{{Key: "s", Change: k(1)}, {Key: "l", Change: k(-9)}, {Key: "n"}, {Key: "m", Change: k(5)}}
	keys = nil
	for _, r := range largestChanges(big, 2) {
		keys = append(keys, r.Key)
	}
	if got := strings.Join(keys, " "); got != "l m" {
		t.Errorf("largestChanges = %q, want \"l m\"", got)
	}
}

// TestRowNoteLabels: a row's note names the earlier codes by their labels.
func TestRowNoteLabels(t *testing.T) {
	labels := map[string]string{"famiglie_minori": "Famiglie e minori", "a": "A", "b": "B"}
	for _, tt := range []struct {
		lang string
		r    report.RowChange
		want string
	}{
		{"it", report.RowChange{Note: report.NoteSplit, Was: []string{"famiglie_minori"}}, "voce scorporata da «Famiglie e minori»"},
		{"en", report.RowChange{Note: report.NoteSplit, Was: []string{"famiglie_minori"}}, "split from “Famiglie e minori”"},
		{"it", report.RowChange{Note: report.NoteMapped, Was: []string{"a", "b"}}, "da «A» e «B»"},
		{"en", report.RowChange{Note: report.NoteNew}, "new item"},
	} {
		if got := rowNote(tt.r, &words.For(tt.lang).Compare, labels); got != tt.want {
			t.Errorf("rowNote(%v, %s) = %q, want %q", tt.r.Was, tt.lang, got, tt.want)
		}
	}
}
