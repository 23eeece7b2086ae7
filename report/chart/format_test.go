package chart

import (
	"strings"
	"testing"

	"rendiconto/report/document"
)

func TestFormatValue(t *testing.T) {
	tests := []struct {
		v       float64
		percent bool
		want    string
	}{
		{14844, false, "14.844"},
		{1000000, false, "1.000.000"},
		{0, false, "0"},
		{-14844, false, "−14.844"},
		{-0.0001, false, "0,0"},
		{12.25, false, "12,3"},
		{3.5, false, "3,5"},
		{1234.56, false, "1.234,6"},
		{0.172, true, "17,2%"},
		{0.17, true, "17,0%"},
		{1, true, "100,0%"},
		{-0.05, true, "−5,0%"},
		{0, true, "0,0%"},
		{3.82, false, "3,8"},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.v, tt.percent, "it"); got != tt.want {
			t.Errorf("FormatValue(%v, %v) = %q, want %q", tt.v, tt.percent, got, tt.want)
		}
	}
	english := []struct {
		v       float64
		percent bool
		want    string
	}{{14844, false, "14,844"}, {3.82, false, "3.8"}, {0.172, true, "17.2%"}, {0.17, true, "17.0%"}}
	for _, tt := range english {
		if got := FormatValue(tt.v, tt.percent, "en"); got != tt.want {
			t.Errorf("FormatValue(%v, %v, en) = %q, want %q", tt.v, tt.percent, got, tt.want)
		}
	}
}

// TestValueFormat: a chart prints every value of its series with the same
// decimals (one precision rule: "84,0" beside "61,4", "39,0%" beside
// "24,5%"), whole counts without decimals.
func TestValueFormat(t *testing.T) {
	tests := []struct {
		d    Data
		v    float64
		want string
	}{
		{Data{Series: []Series{{Values: []float64{84, 61.4}}}, Lang: "it"}, 84, "84,0"},
		{Data{Series: []Series{{Values: []float64{7, 5, 3}}}, Lang: "it"}, 7, "7"},
		{Data{Series: []Series{{Values: []float64{7}}, {Values: []float64{2.5}}}, Lang: "en"}, 7, "7.0"},
		{Data{Series: []Series{{Values: []float64{0.39, 0.245}}}, Percent: true, Lang: "it"}, 0.39, "39,0%"},
	}
	for i, tt := range tests {
		if got := ValueFormat(tt.d)(tt.v); got != tt.want {
			t.Errorf("case %d: ValueFormat(%v) = %q, want %q", i, tt.v, got, tt.want)
		}
	}
}

func TestFormatTick(t *testing.T) {
	tests := []struct {
		v, step float64
		percent bool
		want    string
	}{
		{20000, 5000, false, "20.000"},
		{0.5, 0.25, false, "0,50"},
		{0, 0.25, false, "0,00"},
		{-2000, 1000, false, "−2.000"},
		{-2, 0.5, true, "−200%"},
		{-0.25, 0.05, true, "−25%"},
		{-0.0001, 0.05, true, "0%"},
		{-0.5, 0.25, false, "−0,50"},
		{0.25, 0.05, true, "25%"},
		{0.025, 0.025, true, "2,5%"},
	}
	for _, tt := range tests {
		if got := formatTick(tt.v, tt.step, tt.percent, "it"); got != tt.want {
			t.Errorf("formatTick(%v, %v, %v) = %q, want %q", tt.v, tt.step, tt.percent, got, tt.want)
		}
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		lo, hi, minStep float64
		want            scale
	}{
		{0, 0, 0, scale{0, 1, 0.2}},
		{0, 0, 1, scale{0, 1, 1}},
		{0, 100000, 0, scale{0, 100000, 20000}},
		{0, 14844, 0, scale{0, 15000, 5000}},
		{-1200, 3400, 0, scale{-2000, 4000, 1000}},
		{0, 0.428, 0, scale{0, 0.5, 0.1}},
		{0, 3, 1, scale{0, 3, 1}},
	}
	for _, tt := range tests {
		got := niceScale(tt.lo, tt.hi, 6, tt.minStep)
		if !approxEqual(got.lo, tt.want.lo) || !approxEqual(got.hi, tt.want.hi) || !approxEqual(got.step, tt.want.step) {
			t.Errorf("niceScale(%v, %v, 6, %v) = %+v, want %+v", tt.lo, tt.hi, tt.minStep, got, tt.want)
		}
	}
}

func approxEqual(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestParseColor(t *testing.T) {
	tests := []struct {
		in      string
		r, g, b uint8
		err     bool
	}{
		{in: "#1f5f8b", r: 0x1f, g: 0x5f, b: 0x8b},
		{in: "1F5F8B", r: 0x1f, g: 0x5f, b: 0x8b},
		{in: "#fff", r: 255, g: 255, b: 255},
		{in: "#12345", err: true},
		{in: "#12345g", err: true},
		{in: "#+12345", err: true},
		{in: "", err: true},
		{in: "blue", err: true},
	}
	for _, tt := range tests {
		c, err := ParseColor(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("ParseColor(%q) error = %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if err == nil && (c.R != tt.r || c.G != tt.g || c.B != tt.b || c.A != 255) {
			t.Errorf("ParseColor(%q) = %v", tt.in, c)
		}
	}
}

func TestPaletteError(t *testing.T) {
	st := DefaultStyle()
	st.Palette = []string{"#1f5f8b", "#zzzzzz"}
	d := Data{Kind: Bar, Labels: []string{"A"}, Series: gallerySeries(1)}
	_, err := Lay(d, 280, 170, st)
	if err == nil || !strings.Contains(err.Error(), `palette colour 2: bad hex colour "#zzzzzz"`) {
		t.Errorf("err = %v", err)
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range document.ChartKinds() {
		got, err := ParseKind(k)
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, err)
		}
	}
	for _, s := range []string{"", "Bar", "barre", "area"} {
		if _, err := ParseKind(s); err == nil {
			t.Errorf("ParseKind(%q): no error", s)
		}
	}
}

func TestLayErrors(t *testing.T) {
	tests := []struct {
		name string
		d    Data
		want string
	}{
		{"kind", Data{Kind: "area"}, `unknown chart kind "area"`},
		{"count", Data{Kind: Bar, Labels: []string{"A", "B"}, Series: gallerySeries(1)}, "has 1 values for 2 labels"},
		{"series", Data{Kind: Pie, Labels: []string{"A"}, Series: []Series{{Values: []float64{1}}, {Values: []float64{2}}}}, "2 series, want 1"},
		{"negative pie", Data{Kind: Donut, Labels: []string{"A"}, Series: gallerySeries(-1)}, "negative value"},
	}
	for _, tt := range tests {
		_, err := Lay(tt.d, 280, 170, DefaultStyle())
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestSignedValues: a chart of changes labels them with their sign, a
// true minus, and zero without one.
func TestSignedValues(t *testing.T) {
	f := ValueFormat(Data{Signed: true, Percent: true, Lang: "it", Series: []Series{{Values: []float64{0.021, -0.061, 0}}}})
	for v, want := range map[float64]string{0.021: "+2,1%", -0.061: "−6,1%", 0: "0,0%", -0.00001: "0,0%"} {
		if got := f(v); got != want {
			t.Errorf("%v: %q, want %q", v, got, want)
		}
	}
}

func gallerySeries(values ...float64) []Series { return []Series{{Name: "Valore", Values: values}} }

// TestSymmetricAxis: signed bars with a shared span get an axis ending at
// the round number just past the larger of the span and the data, with
// as many labels as fit (zero and both ends always labelled).
func TestSymmetricAxis(t *testing.T) {
	tests := []struct {
		name  string
		span  float64
		data  []float64
		width float64
		want  string // the tick labels
	}{
		{"span 150%, data ±25%, narrow", 1.5, []float64{0.21, -0.25, 0.05}, 350, "−150%|0%|150%"},
		{"span 150%, data ±25%, wide", 1.5, []float64{0.21, -0.25, 0.05}, 480, "−150%|−100%|−50%|0%|50%|100%|150%"},
		{"data past the span", 0.1, []float64{0.21, -0.25, 0.05}, 350, "−25%|0%|25%"},
		{"data past the span, 80%", 0.5, []float64{0.8, -0.1}, 480, "−80%|−60%|−40%|−20%|0%|20%|40%|60%|80%"},
		{"span 100%", 1, []float64{0.05, -0.02}, 350, "−100%|−50%|0%|50%|100%"},
	}
	for _, tt := range tests {
		d := Data{Kind: HBar, Signed: true, Percent: true, Span: tt.span, Labels: make([]string, len(tt.data)), Series: gallerySeries(tt.data...)}
		for i := range d.Labels {
			d.Labels[i] = string(rune('A' + i))
		}
		l, err := Lay(d, tt.width, 200, webStyle())
		if err != nil {
			t.Fatal(err)
		}
		var ticks []string
		for _, s := range l.Texts() {
			if strings.HasSuffix(s, "%") && !strings.Contains(s, ",") {
				ticks = append(ticks, s)
			}
		}
		if got := strings.Join(ticks, "|"); got != tt.want {
			t.Errorf("%s: ticks %s, want %s", tt.name, got, tt.want)
		}
	}
	steps := []struct {
		m       float64
		fit     int
		n       int
		step, k float64
	}{
		{1.5, 3, 3, 0.5, 3},
		{1.5, 7, 3, 0.5, 1},
		{0.25, 5, 5, 0.05, 5},
		{1, 5, 2, 0.5, 1},
		{1, 9, 4, 0.25, 1},
		{0.8, 5, 4, 0.2, 2},
		{0, 5, 2, 0.5, 1},
	}
	for _, tt := range steps {
		n, step := symmetricSteps(tt.m, tt.fit, 0)
		k := labelStride(n, tt.fit)
		if n != tt.n || !approxEqual(step, tt.step) || float64(k) != tt.k {
			t.Errorf("symmetricSteps(%v, %d) = %d × %v, stride %d; want %d × %v, stride %v", tt.m, tt.fit, n, step, k, tt.n, tt.step, tt.k)
		}
	}
}
