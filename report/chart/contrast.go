package chart

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// The contrast rules of WCAG 2.1, for the colours a chart draws: text at
// least 4.5:1 with what it stands on (AA for text of normal size), the
// marks that carry data at least 3:1 (non-text contrast) where a style
// asks for it.
const (
	MinTextContrast = 4.5
	MinMarkContrast = 3
)

// Luminance is the relative luminance of c, as WCAG 2.1 defines it.
func Luminance(c drawing.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func Contrast(a, b drawing.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Darken returns c mixed towards black, in steps of 2.5%, until its
// contrast with every one of the backgrounds is at least min; a colour
// that passes comes back as it is. Its hue stays. Black passes against
// any background light enough for a chart, so the loop ends.
func Darken(c drawing.Color, min float64, backgrounds ...drawing.Color) drawing.Color {
	black := drawing.Color{A: 255}
	for step := 0; step <= 40; step++ {
		d := Mix(c, black, float64(step)/40)
		ok := true
		for _, bg := range backgrounds {
			ok = ok && Contrast(d, bg) >= min
		}
		if ok {
			return d
		}
	}
	return black
}
