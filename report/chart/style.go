package chart

import (
	"fmt"
	"math"
	"strconv"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Style is the look of a chart. Zero fields take DefaultStyle's values.
type Style struct {
	Palette   []string // series and slice colours in order, "#rrggbb" or "#rgb"
	FontSize  float64  // labels and ticks, points; the title is 1.2 times larger
	TextColor string   // labels, "#rrggbb"
	GridColor string   // grid lines, "#rrggbb"
	// Strict keeps every label at FontSize, never set smaller or turned: a
	// label that does not fit is shortened with "…" (see Layout.Shortened).
	// A slide asks for it; the report lets labels shrink and turn.
	Strict bool
	// MinFontSize is the smallest text a chart may set when it shrinks
	// labels, in points; zero: 4.5. The web edition sets it so that the
	// smallest text is still readable on a phone.
	MinFontSize float64
	// MinFillContrast, when positive, darkens the marks that carry data
	// (bars, slices, dots, lines, swatches) until they have this contrast
	// with white: 3 is WCAG 2.1's non-text contrast, which the web edition
	// asks for. Zero keeps the palette as it is, as the PDF does.
	MinFillContrast float64
	// LabelLines is the most lines a pie's legend label and a bar chart's
	// turned category label wrap onto before they are shortened with "…";
	// zero: 2, the PDF's rule (its page is fixed). The web edition sets 3,
	// its charts' height (ScreenHeight) giving rows the room: only extreme
	// labels are shortened there. (Horizontal rows take the lines their
	// height holds, up to three, in both.)
	LabelLines int
}

// defaultPalette is sober and prints well in colour and in grey: a deep
// blue, a teal, then warm accents of distinct lightness.
var defaultPalette = []string{
	"#1f5f8b", // deep blue
	"#2a9d8f", // teal
	"#e9a23b", // ochre
	"#c8553d", // terracotta
	"#6c5b7b", // muted plum
	"#8ab17d", // sage
	"#5c8fb8", // light steel blue
	"#b8860b", // dark gold
}

// DefaultStyle returns the report's chart style: 8-point text,
// dark grey text and the default palette.
func DefaultStyle() Style {
	return Style{
		Palette:   append([]string(nil), defaultPalette...),
		FontSize:  8,
		TextColor: "#333333",
		GridColor: "#dcdcdc",
	}
}

// theme is a Style resolved for drawing: colours parsed, defaults applied.
type theme struct {
	palette    []drawing.Color
	text, grid drawing.Color
	muted      drawing.Color // secondary text and the zero line
	size       float64
	min        float64 // the smallest text size, points
	fill       float64 // the least contrast of data marks with white; 0 none
	strict     bool
	lines      int // the most lines of a legend or turned label
}

func (st Style) theme() (theme, error) {
	def := DefaultStyle()
	if len(st.Palette) == 0 {
		st.Palette = def.Palette
	}
	if st.FontSize <= 0 {
		st.FontSize = def.FontSize
	}
	if st.TextColor == "" {
		st.TextColor = def.TextColor
	}
	if st.GridColor == "" {
		st.GridColor = def.GridColor
	}
	if st.MinFontSize <= 0 {
		st.MinFontSize = 4.5
	}
	if st.LabelLines <= 0 {
		st.LabelLines = 2
	}
	th := theme{size: st.FontSize, min: math.Min(st.MinFontSize, st.FontSize), fill: st.MinFillContrast, strict: st.Strict, lines: st.LabelLines}
	var err error
	if th.palette, err = ParsePalette(st.Palette); err != nil {
		return th, err
	}
	if th.text, err = ParseColor(st.TextColor); err != nil {
		return th, fmt.Errorf("text colour: %w", err)
	}
	if th.grid, err = ParseColor(st.GridColor); err != nil {
		return th, fmt.Errorf("grid colour: %w", err)
	}
	// Every text a chart writes reads at 4.5:1 on paper, the secondary text
	// (ticks, shares, earlier figures) too: lighter than the text, no
	// lighter than that.
	th.text = Darken(th.text, MinTextContrast, White)
	th.muted = Darken(Mix(th.text, White, 0.45), MinTextContrast, White)
	return th, nil
}

// ParsePalette parses hex colours; the error names the first bad one.
func ParsePalette(hex []string) ([]drawing.Color, error) {
	p := make([]drawing.Color, len(hex))
	for i, h := range hex {
		c, err := ParseColor(h)
		if err != nil {
			return nil, fmt.Errorf("palette colour %d: %w", i+1, err)
		}
		p[i] = c
	}
	return p, nil
}

// ParseColor parses "#rrggbb" or "#rgb" (the "#" may be left out).
func ParseColor(s string) (drawing.Color, error) {
	h := s
	if len(h) > 0 && h[0] == '#' {
		h = h[1:]
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return drawing.Color{}, fmt.Errorf("bad hex colour %q: want #rrggbb", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return drawing.Color{}, fmt.Errorf("bad hex colour %q: want #rrggbb", s)
	}
	return drawing.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, nil
}

// White is the colour of paper.
var White = drawing.Color{R: 255, G: 255, B: 255, A: 255}

// Mix blends c towards d by t (0 keeps c, 1 gives d).
func Mix(c, d drawing.Color, t float64) drawing.Color {
	m := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return drawing.Color{R: m(c.R, d.R), G: m(c.G, d.G), B: m(c.B, d.B), A: 255}
}

// color returns the i-th series colour. Past the end of the palette the
// colours come round again, lighter each time, so neighbours differ.
func (th theme) color(i int) drawing.Color {
	n := len(th.palette)
	round := i / n
	return th.mark(Mix(th.palette[i%n], White, math.Min(0.3*float64(round), 0.75)))
}

// mark returns c as a mark that carries data: darkened until it has the
// style's MinFillContrast with white, if it asks for one.
func (th theme) mark(c drawing.Color) drawing.Color {
	if th.fill <= 0 {
		return c
	}
	return Darken(c, th.fill, White)
}

// textIn returns c darkened for text on paper: a value written in its
// series' colour reads at 4.5:1.
func (th theme) textIn(c drawing.Color) drawing.Color {
	return Darken(c, MinTextContrast, White)
}

// onColor returns a text colour readable on background c: the text colour
// or white, whichever contrasts more; on a middle tone where neither reads
// at 4.5:1, the text colour darkened until it does.
func (th theme) onColor(c drawing.Color) drawing.Color {
	best := White
	if Contrast(th.text, c) >= Contrast(White, c) {
		best = th.text
	}
	if Contrast(best, c) >= MinTextContrast {
		return best
	}
	return Darken(th.text, MinTextContrast, c)
}
