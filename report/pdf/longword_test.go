package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"rendiconto/report/chart"
	"rendiconto/report/document"
)

// longWord is a word of n runes without spaces, as a district name pasted
// without them.
func longWord(n int) string {
	return strings.Repeat("Quartiere", n/9+1)[:n]
}

// longWordDocument has a title, a heading, a paragraph, a table cell and a
// chart label each holding one n-rune word.
func longWordDocument(n int) *document.Document {
	w := longWord(n)
	doc := testDocument()
	doc.Title = w
	doc.Blocks = []document.Block{
		&document.Heading{Level: 1, Text: "Parte " + w},
		&document.Heading{Level: 2, Text: w},
		para("Il quartiere " + w + " ha sette tavoli."),
		&document.Table{Caption: w, Header: []string{"Quartiere", "tavoli"}, Rows: [][]string{{w, "7"}, {"Navile", "3"}}},
		&document.Chart{Caption: w, Kind: "hbar", Labels: []string{w, "Navile"},
			Series: []document.Series{{Name: w, Values: []float64{7, 3}}}},
		&document.Chart{Caption: "Barre", Kind: "bar", Labels: []string{w, "Navile"},
			Series: []document.Series{{Name: "tavoli", Values: []float64{7, 3}}}},
	}
	return doc
}

func BenchmarkLongWord(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		w := longWord(n)
		b.Run(fmt.Sprintf("paragraph-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l := newTestLayout()
				l.newText([]document.Span{{Text: w}}, bodySize, bodyLeading, "").lines(textW)
			}
		})
		b.Run(fmt.Sprintf("chartlabel-%d", n), func(b *testing.B) {
			d := chart.Data{Kind: chart.HBar, Labels: []string{w, "Navile"}, Series: []chart.Series{{Name: "tavoli", Values: []float64{7, 3}}}}
			f := newGalleryDoc()
			b.ReportAllocs()
			for b.Loop() {
				f.AddPage()
				if err := DrawChart(f, 20, 30, 170, 100, d, DefaultStyle()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("report-%d", n), func(b *testing.B) {
			doc := longWordDocument(n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Report(doc, ReportOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// newTestLayout is a layout on an A4 page, to set text on.
func newTestLayout() *layout {
	l := &layout{f: fpdf.New("P", "mm", "A4", ""), widths: map[measured]float64{}, curStyle: "?"}
	RegisterFonts(l.f)
	l.f.AddPage()
	return l
}

// TestLongWordLinear: breaking a long word measures each of its characters
// a bounded number of times, not once per shorter prefix as it used to
// (quadratic: 400 s for a 10,000-character district name).
func TestLongWordLinear(t *testing.T) {
	const n = 20000
	w := longWord(n)
	l := newTestLayout()
	lines := l.plainText(w, bodySize, bodyLeading, "B").lines(textW)
	if len(lines) < 2 {
		t.Fatalf("%d lines", len(lines))
	}
	joined := ""
	for _, line := range lines {
		for _, wd := range line {
			joined += wd.text
			if wd.w > textW {
				t.Errorf("a piece is %.1f mm wide", wd.w)
			}
		}
	}
	if joined != w {
		t.Error("the pieces lose text")
	}
	if l.work > 3*n {
		t.Errorf("breaking a %d-rune word measured %d runes", n, l.work)
	}

	// The whole report, with the word in every kind of block: twice the
	// word, twice the work, and a bounded number of measures of it.
	reportWork := func(n int) int {
		doc := longWordDocument(n)
		l := &layout{doc: printableDocument(doc), meta: doc.Front, widths: map[measured]float64{}}
		if err := l.run(); err != nil {
			t.Fatal(err)
		}
		return l.work
	}
	w1, w2 := reportWork(n), reportWork(2*n)
	t.Logf("%d runes measured, %d with twice the word", w1, w2)
	if w1 > 50*n || float64(w2) > 2.1*float64(w1) {
		t.Errorf("a report with a %d-rune word measured %d runes, with twice the word %d", n, w1, w2)
	}
}

// TestEllipsizeLinear: shortening a long label or contents entry measures
// a few candidates by bisection, not one per character dropped.
func TestEllipsizeLinear(t *testing.T) {
	const n = 100000
	s := longWord(n)
	runes := 0
	measure := func(s string) float64 { runes += len(s); return float64(len(s)) }
	if got := ellipsize(s, 50, measure); got != s[:47]+"…" {
		t.Errorf("ellipsize = %q", got)
	}
	if runes > 20*n {
		t.Errorf("ellipsizing a %d-rune label measured %d runes", n, runes)
	}
	runes = 0
	fits := func(s string) bool { return measure(s) <= 50 }
	if got := tocName(s, fits); got != s[:47]+"…" {
		t.Errorf("tocName = %q", got)
	}
	if runes > 20*n {
		t.Errorf("shortening a %d-rune heading measured %d runes", n, runes)
	}
}

// TestShortenSame: the bisections return what the old one-rune-at-a-time
// loops returned.
func TestShortenSame(t *testing.T) {
	measure := func(s string) float64 { return float64(len(s)) }
	oldEllipsize := func(s string, maxW float64) string {
		if measure(s) <= maxW {
			return s
		}
		r := []rune(s)
		for len(r) > 1 {
			r = r[:len(r)-1]
			t := strings.TrimRight(string(r), " ,.-–") + "…"
			if measure(t) <= maxW {
				return t
			}
		}
		return "…"
	}
	oldToc := func(name string, maxW float64) string {
		for measure(name) > maxW && len(name) > 4 {
			name = strings.TrimSpace(string([]rune(name)[:len([]rune(name))-2])) + "…"
		}
		return name
	}
	for _, s := range []string{"", "a", "ab", "abcdef", " ab, cd.  ef -– gh  ", "  spazi   in   testa", "è à ù ò", "Quartiere Navile, zona – nord"} {
		for maxW := -1.0; maxW <= float64(len(s))+4; maxW++ {
			if got, want := ellipsize(s, maxW, measure), oldEllipsize(s, maxW); got != want {
				t.Errorf("ellipsize(%q, %g) = %q, want %q", s, maxW, got, want)
			}
			fits := func(s string) bool { return measure(s) <= maxW }
			if got, want := tocName(s, fits), oldToc(s, maxW); got != want {
				t.Errorf("tocName(%q, %g) = %q, want %q", s, maxW, got, want)
			}
		}
	}
}

// TestAtMost: a text drawn in one piece is cut to its lines, the last
// ending with "…" and no line wider than the room.
func TestAtMost(t *testing.T) {
	l := newTestLayout()
	txt := l.plainText("Comune di "+longWord(5000)+" e altri", 13, 6.5, "B").atMost(3)
	lines := txt.lines(textW)
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	last := lines[2]
	if len(last) != 1 || !strings.HasSuffix(last[0].text, "…") || last[0].w > textW {
		t.Errorf("last line %+v", last)
	}
	if h := txt.height(textW); h != 3*6.5 {
		t.Errorf("height %g, want %g", h, 3*6.5)
	}
}
