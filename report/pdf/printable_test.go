package pdf

import (
	"bytes"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"rendiconto/report/chart"
	"rendiconto/report/document"
	"rendiconto/report/fonts"
)

// hostile are texts the embedded font cannot draw, each with what the page
// shows instead.
var hostile = []struct{ name, text, shown string }{
	{"emoji", "Casa 😀 aperta", "Casa □ aperta"},
	{"chinese", "社区 中心", "□□ □□"},
	{"arabic", "مركز", "□□□□"},
	{"controls", "a\x00b\x1bc\x07d", "a□b□c□d"},
}

// hostileDocument puts s in the title, a heading, a paragraph, a table cell,
// a chart label and a series name.
func hostileDocument(s string) *document.Document {
	doc := testDocument()
	doc.Title = s
	doc.Header = s
	doc.Blocks = []document.Block{
		&document.Heading{Level: 1, Text: "Parte " + s},
		&document.Heading{Level: 2, Text: s},
		para(s),
		&document.List{Items: []document.Paragraph{*para(s)}},
		&document.Quote{Text: []document.Paragraph{*para(s)}, Source: s},
		&document.Table{Caption: s, Header: []string{s, "n"}, Rows: [][]string{{s, "7"}}, Note: s},
		&document.Chart{Caption: s, Kind: "stacked", Labels: []string{s, "Navile"},
			Series: []document.Series{{Name: s, Values: []float64{7, 3}}, {Name: "altri", Values: []float64{1, 2}}}, Note: s},
	}
	return doc
}

func hostileDeck(s string) *document.Deck {
	d := testDeck()
	d.Title, d.City = s, s
	for i := range d.Slides {
		d.Slides[i].Title = s
	}
	d.Slides[3].Blocks = []document.Block{&document.Numbers{Items: []document.Number{
		{Value: "101", Label: []document.Span{{Text: s}}}, {Value: "7", Label: []document.Span{{Text: "tavoli"}}}}}}
	d.Slides[4].Blocks = []document.Block{&document.Chart{Kind: "hbar", Caption: s, Labels: []string{s, "Nord"},
		Series: []document.Series{{Name: s, Values: []float64{7, 6}}}}}
	d.Slides[7].Blocks = []document.Block{para(s)}
	return d
}

// pdfText is the text pdftotext reads in a PDF, or "" when it is missing.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ""
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestUndrawableText: text the font lacks never panics nor vanishes: the
// page shows the replacement mark, the caller's document is untouched.
func TestUndrawableText(t *testing.T) {
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			doc := hostileDocument(tc.text)
			clean := printableDocument(doc)
			if !reflect.DeepEqual(doc, hostileDocument(tc.text)) {
				t.Error("printableDocument changed its input")
			}
			if clean.Title != tc.shown || clean.Header != tc.shown {
				t.Errorf("title %q, header %q, want %q", clean.Title, clean.Header, tc.shown)
			}
			want := hostileDocument(tc.shown)
			want.Front = clean.Front
			if !reflect.DeepEqual(clean, want) {
				t.Errorf("some block keeps undrawable text:\n%#v", clean.Blocks)
			}

			out, err := Report(doc, ReportOptions{})
			if err != nil {
				t.Fatalf("Report: %v", err)
			}
			if !reflect.DeepEqual(doc, hostileDocument(tc.text)) {
				t.Error("Report changed its input")
			}
			if text := pdfText(t, out); text != "" && strings.Count(text, tc.shown) < 8 {
				t.Errorf("the report shows %q %d times, want it everywhere:\n%s", tc.shown, strings.Count(text, tc.shown), text)
			}

			deck := hostileDeck(tc.text)
			out, err = Slides(deck, SlideTheme{Footer: tc.text})
			if err != nil {
				t.Fatalf("Slides: %v", err)
			}
			if !reflect.DeepEqual(deck, hostileDeck(tc.text)) {
				t.Error("Slides changed its input")
			}
			if text := pdfText(t, out); text != "" && strings.Count(text, tc.shown) < len(deck.Slides) {
				t.Errorf("the slides show %q %d times:\n%s", tc.shown, strings.Count(text, tc.shown), text)
			}
		})
	}
}

// TestUndrawableChart: DrawChart, exported, replaces what it cannot draw.
func TestUndrawableChart(t *testing.T) {
	for _, tc := range hostile {
		f := newGalleryDoc()
		f.AddPage()
		d := chart.Data{Kind: chart.Line, Title: tc.text, Labels: []string{tc.text, "b"},
			Series: []chart.Series{{Name: tc.text, Values: []float64{1, 2}}, {Name: "x", Values: []float64{2, 1}}}}
		if err := DrawChart(f, 20, 30, 170, 100, d, DefaultStyle()); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if d.Labels[0] != tc.text || d.Series[0].Name != tc.text {
			t.Errorf("%s: DrawChart changed its data", tc.name)
		}
		var buf bytes.Buffer
		if err := f.Output(&buf); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if text := pdfText(t, buf.Bytes()); text != "" && !strings.Contains(text, tc.shown) {
			t.Errorf("%s: the chart does not show %q:\n%s", tc.name, tc.shown, text)
		}
	}
}

// TestMetadata: the metadata keep any script of the BMP, in the viewer's
// fonts, but no control characters and nothing fpdf cannot encode.
func TestMetadata(t *testing.T) {
	for in, want := range map[string]string{
		"社区 中心":           "社区 中心",
		"Casa 😀":          "Casa " + string(fonts.Replacement),
		"a\x00b\x1bc\x07": "abc",
		"riga\nseconda":   "riga seconda",
		"bad\xff":         "bad" + string(fonts.Replacement),
	} {
		if got := metaText(in); got != want {
			t.Errorf("metaText(%q) = %q, want %q", in, got, want)
		}
	}
	doc := hostileDocument("社区")
	out, err := Report(doc, ReportOptions{Author: "x\x1by"})
	if err != nil {
		t.Fatal(err)
	}
	// "社区" in UTF-16BE, as fpdf writes text strings
	if !bytes.Contains(out, []byte("\x79\x3e\x53\x3a")) {
		t.Error("the title lost its Chinese in the metadata")
	}
	if bytes.Contains(out, []byte("x\x00\x1b")) {
		t.Error("a control character reached the metadata")
	}
}

func TestInternalError(t *testing.T) {
	err := internalError("index out of range")
	if !strings.HasPrefix(err.Error(), "pdf: internal error: ") {
		t.Errorf("%q", err)
	}
}
