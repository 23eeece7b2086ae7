package html

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ids hands out the page's ids: deterministic (from the text, in document
// order) and unique (a counter after a repeated one).
type ids struct {
	used map[string]bool
}

// reserved are the ids of the page's frame.
var reserved = []string{"contenuto", "indice"}

func newIDs() *ids {
	m := map[string]bool{}
	for _, r := range reserved {
		m[r] = true
	}
	return &ids{used: m}
}

// next returns slug(text), or it with "-2", "-3"… when taken; fallback
// stands for a text that leaves no letter or digit.
func (d *ids) next(text, fallback string) string {
	base := slug(text)
	if base == "" {
		base = fallback
	}
	id := base
	for n := 2; d.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	d.used[id] = true
	return id
}

// maxSlug is the most runes of a slug: enough to tell headings apart.
const maxSlug = 48

// slug is text in lower case, its accents dropped, runs of anything but
// letters and digits as one "-": "Il contesto: città" → "il-contesto-citta".
// It starts with a letter (an id may, but a CSS selector may not, start
// with a digit): "2019" → "s-2019".
func slug(text string) string {
	var b strings.Builder
	n, dash := 0, false
	for _, r := range norm.NFD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // an accent, after its letter
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if n >= maxSlug {
				return finish(b.String())
			}
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			n++
		default:
			dash = true
		}
	}
	return finish(b.String())
}

func finish(s string) string {
	if s != "" && !unicode.IsLetter([]rune(s)[0]) {
		s = "s-" + s
	}
	return s
}
