package html

import (
	"fmt"
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"rendiconto/report/chart"
)

// rgb is a colour of the style sheet.
type rgb struct{ r, g, b uint8 }

// parseHex parses "#rrggbb" or "#rgb" (the "#" may be left out), as the
// chart package does.
func parseHex(s string) (rgb, error) {
	c, err := chart.ParseColor(s)
	return rgb{c.R, c.G, c.B}, err
}

func (c rgb) String() string { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }

// contrast is the WCAG contrast ratio of two colours, from 1 to 21: the
// chart package's, the one place the formula is written.
func contrast(a, b rgb) float64 {
	return chart.Contrast(drawing.Color{R: a.r, G: a.g, B: a.b, A: 255}, drawing.Color{R: b.r, G: b.g, B: b.b, A: 255})
}

// MinContrast is the least contrast of text with its background: WCAG 2.1
// AA for text of normal size.
const MinContrast = chart.MinTextContrast

// readable darkens c until it has at least MinContrast against every one
// of the backgrounds: each step mixes it 5% further towards black, so its
// hue stays. Black passes against any background light enough for body
// text, so the loop ends.
func readable(c rgb, backgrounds ...rgb) rgb {
	base := c
	for step := 0; step <= 20; step++ {
		t := float64(step) / 20
		m := func(v uint8) uint8 { return uint8(math.Round(float64(v) * (1 - t))) }
		c = rgb{m(base.r), m(base.g), m(base.b)}
		ok := true
		for _, bg := range backgrounds {
			if contrast(c, bg) < MinContrast {
				ok = false
				break
			}
		}
		if ok {
			return c
		}
	}
	return c
}

// Readable returns hex darkened for the web edition until it has a
// contrast of at least 4.5:1 with each background (all "#rrggbb"): the
// rule for a configured colour used as text, or behind white text. A
// colour that passes is returned as it is (written "#rrggbb").
func Readable(hex string, backgrounds ...string) (string, error) {
	c, err := parseHex(hex)
	if err != nil {
		return "", err
	}
	bgs := make([]rgb, len(backgrounds))
	for i, b := range backgrounds {
		if bgs[i], err = parseHex(b); err != nil {
			return "", err
		}
	}
	return readable(c, bgs...).String(), nil
}
