package fonts

import (
	"strings"
	"sync"
	"unicode"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
)

// Styles are the TrueType files of the four styles, by fpdf style name:
// regular (""), bold ("B"), italic ("I") and bold italic ("BI").
var Styles = map[string][]byte{
	"":   liberationsansregular.TTF,
	"B":  liberationsansbold.TTF,
	"I":  liberationsansitalic.TTF,
	"BI": liberationsansbolditalic.TTF,
}

// Replacement is the mark drawn in place of a character the font lacks: a
// white square, visible on the page and present in every style.
const Replacement = '□'

// covered holds, for every rune of the Basic Multilingual Plane, whether
// all four styles have a glyph for it. Runes above U+FFFF are never
// covered: the PDF library's font subsetting cannot address them.
var covered = sync.OnceValue(func() []bool {
	set := make([]bool, 0x10000)
	for i := range set {
		set[i] = true
	}
	var buf sfnt.Buffer
	for _, ttf := range Styles {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic("fonts: embedded font does not parse: " + err.Error())
		}
		for r := range set {
			if !set[r] {
				continue
			}
			if i, err := f.GlyphIndex(&buf, rune(r)); err != nil || i == 0 {
				set[r] = false
			}
		}
	}
	return set
})

// Covers reports whether the font draws r in every style. Spaces and the
// line breaks of multi-line text count as drawn; other control characters
// do not.
func Covers(r rune) bool {
	switch {
	case r == ' ' || r == '\n' || r == '\t':
		return true
	case r < 0 || r > 0xFFFF || unicode.IsControl(r):
		return false
	}
	return covered()[r]
}

// Printable returns s with every character the font cannot draw replaced
// by Replacement (and tabs and line breaks by spaces), so that a renderer
// never fails on it and a reader sees that something is missing. It returns
// s itself when there is nothing to replace.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if r == '\n' || r == '\t' || !Covers(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case Covers(r):
			b.WriteRune(r)
		default:
			b.WriteRune(Replacement)
		}
	}
	return b.String()
}
