package chart

import (
	"fmt"
	"strings"
	"testing"
)

// TestLayoutFit: a label that fits at a size, and one that does not,
// as the layout says and as it draws them.
func TestLayoutFit(t *testing.T) {
	long := "Associazionidipromozionesocialeevolontariatodelterritoriometropolitano"
	tests := []struct {
		name      string
		d         Data
		w, h      float64
		size      float64
		strict    bool
		fits      bool
		legible   bool // nothing smaller, turned or crowded
		shortened bool // some label drawn with "…"
	}{
		{"hbar short labels", Data{Kind: HBar, Labels: []string{"Navile", "Savena"}, Series: gallerySeries(3, 7)}, 400, 150, 8, false, true, true, false},
		{"hbar long word, narrow", Data{Kind: HBar, Labels: []string{long, "Savena"}, Series: gallerySeries(3, 7)}, 200, 150, 8, false, false, true, true},
		{"hbar long word, strict", Data{Kind: HBar, Labels: []string{long, "Savena"}, Series: gallerySeries(3, 7)}, 200, 150, 8, true, false, true, true},
		{"bar three labels", Data{Kind: Bar, Labels: []string{"Navile", "Savena", "Reno"}, Series: gallerySeries(3, 7, 1)}, 400, 200, 8, false, true, true, false},
		{"bar labels too big", Data{Kind: Bar, Labels: []string{"Borgo Panigale-Reno", "San Donato-San Vitale", "Porto-Saragozza"}, Series: gallerySeries(3, 7, 1)}, 150, 200, 14, false, false, false, true},
		{"bar labels strict", Data{Kind: Bar, Labels: []string{"Borgo Panigale-Reno", "San Donato-San Vitale", "Porto-Saragozza"}, Series: gallerySeries(3, 7, 1)}, 150, 200, 14, true, false, true, true},
		{"bar 30 values", Data{Kind: Bar, Labels: strings.Fields(strings.Repeat("x ", 30)), Series: gallerySeries(thousands(30)...)}, 150, 200, 8, false, false, false, false},
		{"pie fits", Data{Kind: Pie, Labels: []string{"Enti", "Altre"}, Series: gallerySeries(160, 58)}, 400, 200, 8, false, true, true, false},
		{"pie legend too tall", Data{Kind: Pie, Labels: strings.Fields(strings.Repeat("voce ", 20)), Series: gallerySeries(make([]float64, 20)...)}, 400, 100, 10, false, false, false, false},
		{"spark fits", Data{Kind: Spark, Labels: []string{"2019", "2020"}, Series: []Series{{Name: "Utenti", Values: []float64{1, 2}}}}, 400, 60, 8, false, true, true, false},
		{"legend name too long", Data{Kind: Stacked, Labels: []string{"A"}, Series: []Series{{Name: long + " " + long, Values: []float64{1}}, {Name: "B", Values: []float64{2}}}}, 200, 200, 8, false, false, true, true},
	}
	for _, tt := range tests {
		st := DefaultStyle()
		st.FontSize, st.Strict = tt.size, tt.strict
		l, err := Lay(tt.d, tt.w, tt.h, st)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		drawn := strings.Contains(strings.Join(l.Texts(), "|"), "…")
		if l.Fits() != tt.fits || l.Legible() != tt.legible || drawn != tt.shortened || (l.Shortened() > 0) != tt.shortened {
			t.Errorf("%s: Fits %v Legible %v Shortened %d, drawn with … %v; want %v %v %v",
				tt.name, l.Fits(), l.Legible(), l.Shortened(), drawn, tt.fits, tt.legible, tt.shortened)
		}
	}
}

// TestFitsAgreesWithDraw: over every case, box and size, a layout that
// says it fits draws no label shortened, smaller or turned, and one that
// says none is shortened draws none with "…".
func TestFitsAgreesWithDraw(t *testing.T) {
	boxes := [][2]float64{{400, 220}, {200, 120}, {120, 300}, {600, 60}}
	for _, tc := range svgCases() {
		for _, box := range boxes {
			for _, size := range []float64{6, 8, 12, 18} {
				for _, strict := range []bool{false, true} {
					st := DefaultStyle()
					st.FontSize, st.Strict = size, strict
					name := fmt.Sprintf("%s %gx%g %gpt strict %v", tc.name, box[0], box[1], size, strict)
					l, err := Lay(tc.d, box[0], box[1], st)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					cut := 0
					for _, o := range l.ops {
						if o.text == "" {
							continue
						}
						if strings.Contains(o.text, "…") {
							cut++
						}
						if l.Legible() && (o.turned || o.size < size*0.9-1e-9) {
							t.Errorf("%s: legible, but %q is set at %g pt, turned %v", name, o.text, o.size, o.turned)
						}
					}
					if (cut > 0) != (l.Shortened() > 0) {
						t.Errorf("%s: %d texts drawn with …, Shortened() = %d", name, cut, l.Shortened())
					}
					if l.Fits() && cut > 0 {
						t.Errorf("%s: fits, but draws %d shortened texts", name, cut)
					}
					if strict && !l.Legible() && l.shrunk > 0 {
						t.Errorf("%s: strict, but %d label groups set smaller", name, l.shrunk)
					}
				}
			}
		}
	}
}

// thousands returns n values of four digits.
func thousands(n int) []float64 {
	vs := make([]float64, n)
	for i := range vs {
		vs[i] = float64(1000 + 37*i)
	}
	return vs
}
