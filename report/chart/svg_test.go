package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"rendiconto/report/document"
)

var (
	update = flag.Bool("update", false, "rewrite the golden SVGs in testdata")
	svgDir = flag.String("svgdir", "", "write every test chart as SVG to this directory, to look at")
)

// svgCase is a chart for the SVG tests.
type svgCase struct {
	name string
	d    Data
}

// svgCases are, for every kind, plain data, empty data and the awkward
// data each kind must take: gaps (NaN) in lines and sparklines, signed
// horizontal bars, a pie whose values add up to 0.
func svgCases() []svgCase {
	districts := []string{"Borgo Panigale-Reno", "Navile", "Porto-Saragozza", "San Donato-San Vitale", "Santo Stefano", "Savena"}
	years := []string{"2018", "2019", "2020", "2021"}
	one := gallerySeries(320, 1450, 870, 2210, 640, 1105)
	two := []Series{{Name: "2019", Values: []float64{320, 1450, 870, 2210, 640, 1105}}, {Name: "2020", Values: []float64{410, 1300, 870, 2500, 0, 1200}}}
	var cases []svgCase
	for _, k := range document.ChartKinds() {
		cases = append(cases, svgCase{k + "-empty", Data{Kind: k}})
		d := Data{Kind: k, Labels: districts, Series: one}
		switch k {
		case Stacked, Dumbbell, Spark:
			d.Series = two
		case Line:
			d.Labels, d.Series = years, []Series{{Name: "Progetti", Values: []float64{42, 51, 47, 60}}}
		}
		cases = append(cases, svgCase{k, d})
	}
	nan := math.NaN()
	return append(cases,
		svgCase{"line-gaps", Data{Kind: Line, Labels: years, Series: []Series{
			{Name: "Finanziati", Values: []float64{42, nan, 47, 60}}, {Name: "Conclusi", Values: []float64{nan, 44, 46, nan}}}}},
		svgCase{"spark-gaps", Data{Kind: Spark, Labels: years, Percent: true, Series: []Series{
			{Name: "Quota di progetti nuovi", Values: []float64{0.1875, nan, 0.214, 0.3}},
			{Name: "Nessun valore", Values: []float64{nan, nan, nan, nan}}}}},
		svgCase{"hbar-signed", Data{Kind: HBar, Signed: true, Percent: true, Span: 0.1, Labels: districts[:4],
			Series: gallerySeries(0.021, -0.061, 0, 0.08)}},
		svgCase{"pie-zero", Data{Kind: Pie, Labels: []string{"A", "B"}, Series: gallerySeries(0, 0)}},
		svgCase{"donut-zero", Data{Kind: Donut, Labels: []string{"A", "B"}, Series: gallerySeries(0, 0)}},
		svgCase{"bar-en", Data{Kind: Bar, Lang: "en", Labels: districts[:3], Series: gallerySeries(1234.5, 5, 0)}},
		svgCase{"title-escaped", Data{Kind: Bar, Title: `Tavoli <"A&B">`, Labels: []string{"<x>", "y & z"}, Series: gallerySeries(1, 2)}},
	)
}

// TestSVGWellFormed: every case is one well-formed <svg> element named
// for its readers, with nothing fetched from outside, and the same bytes
// twice.
func TestSVGWellFormed(t *testing.T) {
	for _, tc := range svgCases() {
		b, err := SVG(tc.d, 400, 220, DefaultStyle(), "Figura: "+tc.name+" <&>")
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		again, _ := SVG(tc.d, 400, 220, DefaultStyle(), "Figura: "+tc.name+" <&>")
		if !bytes.Equal(b, again) {
			t.Errorf("%s: two runs gave different bytes", tc.name)
		}
		if *svgDir != "" {
			if err := os.WriteFile(filepath.Join(*svgDir, tc.name+".svg"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		depth, roots, texts := 0, 0, 0
		var title string
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed: %v\n%s", tc.name, err, b)
			}
			switch e := tok.(type) {
			case xml.StartElement:
				if depth == 0 {
					roots++
					attrs := map[string]string{}
					for _, a := range e.Attr {
						attrs[a.Name.Local] = a.Value
					}
					if e.Name.Local != "svg" || attrs["role"] != "img" || attrs["aria-label"] != "Figura: "+tc.name+" <&>" ||
						attrs["viewBox"] != "0 0 400 220" || attrs["width"] != "" || attrs["height"] != "" {
						t.Errorf("%s: root %s %v", tc.name, e.Name.Local, attrs)
					}
				}
				if e.Name.Local == "title" {
					var s string
					if err := dec.DecodeElement(&s, &e); err != nil {
						t.Fatal(err)
					}
					title = s
					continue
				}
				if e.Name.Local == "text" {
					texts++
				}
				for _, a := range e.Attr {
					if strings.Contains(a.Value, "url(") || a.Name.Local == "href" || strings.Contains(a.Value, "NaN") || strings.Contains(a.Value, "Inf") {
						t.Errorf("%s: attribute %s=%q", tc.name, a.Name.Local, a.Value)
					}
				}
				depth++
			case xml.EndElement:
				depth--
			}
		}
		if roots != 1 || title != "Figura: "+tc.name+" <&>" || texts == 0 {
			t.Errorf("%s: %d roots, title %q, %d texts", tc.name, roots, title, texts)
		}
	}
}

// TestSVGGolden compares a few kinds with testdata/*.svg (go test -update
// rewrites them).
func TestSVGGolden(t *testing.T) {
	for _, tc := range svgCases() {
		switch tc.name {
		case "bar", "hbar-signed", "line-gaps", "donut", "spark-gaps", "dumbbell", "pie-empty":
		default:
			continue
		}
		b, err := SVG(tc.d, 400, 220, DefaultStyle(), tc.name)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", tc.name+".svg")
		if *update {
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s differs from %s (go test -update after checking it)", tc.name, path)
		}
	}
}

// TestPlaceholderLanguage: data without categories says so in its
// language.
func TestPlaceholderLanguage(t *testing.T) {
	for lang, want := range map[string]string{"it": "nessun dato", "": "nessun dato", "en": "no data"} {
		l, err := Lay(Data{Kind: Bar, Lang: lang}, 200, 100, DefaultStyle())
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(l.Texts(), "|"); got != want {
			t.Errorf("%q: %q, want %q", lang, got, want)
		}
	}
}

// TestSVGDrawsTheLayout: the SVG's texts are the layout's, in order: Draw
// draws what Lay measured, no more, no less.
func TestSVGDrawsTheLayout(t *testing.T) {
	for _, tc := range svgCases() {
		l, err := Lay(tc.d, 300, 200, DefaultStyle())
		if err != nil {
			t.Fatal(err)
		}
		b, err := l.SVG(tc.name)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Texts []string `xml:"text"`
		}
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(doc.Texts, "|"), strings.Join(l.Texts(), "|"); got != want {
			t.Errorf("%s: SVG texts\n%s\nlayout texts\n%s", tc.name, got, want)
		}
	}
}

// TestSVGTextLength: every <text> carries the width the layout measured
// for it (chart.Width at its size and style) as textLength, squeezing or
// stretching any font the reader's browser substitutes into that box.
func TestSVGTextLength(t *testing.T) {
	for _, tc := range svgCases() {
		for _, st := range []Style{DefaultStyle(), webStyle()} {
			b, err := SVG(tc.d, 350, 220, st, tc.name)
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Texts []struct {
					Body   string `xml:",chardata"`
					Size   string `xml:"font-size,attr"`
					Weight string `xml:"font-weight,attr"`
					Style  string `xml:"font-style,attr"`
					Length string `xml:"textLength,attr"`
					Adjust string `xml:"lengthAdjust,attr"`
				} `xml:"text"`
			}
			if err := xml.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			for _, x := range doc.Texts {
				style := ""
				if x.Weight == "bold" {
					style += "B"
				}
				if x.Style == "italic" {
					style += "I"
				}
				size, err := strconv.ParseFloat(x.Size, 64)
				if err != nil {
					t.Fatalf("%s: font-size %q", tc.name, x.Size)
				}
				if want := num(Width(x.Body, style, size)); x.Length != want || x.Adjust != "spacingAndGlyphs" {
					t.Errorf("%s: %q textLength %q lengthAdjust %q, want %s spacingAndGlyphs", tc.name, x.Body, x.Length, x.Adjust, want)
				}
			}
		}
	}
}
