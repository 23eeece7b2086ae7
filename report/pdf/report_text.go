package pdf

import (
	"slices"
	"strings"

	"rendiconto/report/document"
)

// word is a piece of text between spaces, in one style. join marks a piece
// that continues the previous word without a space, as in "**17**%".
type word struct {
	text  string
	style string // "", "B", "I", "BI"
	w     float64
	join  bool
}

func spanStyle(bold, italic bool) string {
	switch {
	case bold && italic:
		return "BI"
	case bold:
		return "B"
	case italic:
		return "I"
	}
	return ""
}

// text is a run of words to set in one size.
type text struct {
	l       *layout
	size    float64
	leading float64
	space   float64
	words   []word
	most    int // the most lines it is set on, the last shortened with "…"; 0: any

	// The lines last broken, their width and most: a text measured, then
	// drawn, is broken once.
	broken      [][]word
	brokenWidth float64
	brokenMost  int
}

// newText splits the spans into words; base ("B", "I") is added to every
// span's own style.
func (l *layout) newText(spans []document.Span, size, leading float64, base string) *text {
	t := &text{l: l, size: size, leading: leading}
	t.space = l.width(" ", "", size)
	n := 0
	for _, sp := range spans {
		n += strings.Count(sp.Text, " ") + 1
	}
	t.words = make([]word, 0, n) // at most one word a piece
	glue := false
	for _, sp := range spans {
		style := spanStyle(sp.Bold || strings.Contains(base, "B"), sp.Italic || strings.Contains(base, "I"))
		i := 0
		for p := range strings.SplitSeq(sp.Text, " ") {
			if i > 0 {
				glue = false
			}
			i++
			if p == "" {
				continue
			}
			t.words = append(t.words, word{text: p, style: style, w: l.width(p, style, size), join: glue && len(t.words) > 0})
			glue = true
		}
	}
	return t
}

// plainText is newText for an unstyled string.
func (l *layout) plainText(s string, size, leading float64, style string) *text {
	return l.newText([]document.Span{{Text: s}}, size, leading, style)
}

// lines breaks the words into lines no wider than width. A word wider than
// the line is broken between characters.
func (t *text) lines(width float64) [][]word {
	if t.broken != nil && t.brokenWidth == width && t.brokenMost == t.most {
		return t.broken
	}
	t.l.breaks++
	t.broken, t.brokenWidth, t.brokenMost = t.breakLines(width), width, t.most
	return t.broken
}

func (t *text) breakLines(width float64) [][]word {
	// Each line is a run of the words: a slice of them, capped so that
	// appending to a line copies it.
	var out [][]word
	words := t.split(width)
	start := 0
	curW := 0.0
	for i, w := range words {
		gap := t.space
		if w.join || i == start {
			gap = 0
		}
		if i > start && !w.join && curW+gap+w.w > width {
			out = append(out, words[start:i:i])
			start, curW, gap = i, 0, 0
		}
		curW += gap + w.w
	}
	if start < len(words) {
		out = append(out, words[start:len(words):len(words)])
	}
	if t.most > 0 && len(out) > t.most {
		out = append(out[:t.most-1], t.cut(out[t.most-1], out[t.most][0], width))
	}
	return out
}

// cut shortens line, followed by next, with "…" to fit width: the line and
// the word after it do not fit, so there is always something to cut.
func (t *text) cut(line []word, next word, width float64) []word {
	var b strings.Builder
	for i, w := range append(line, next) {
		if i > 0 && !w.join {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	style := line[len(line)-1].style
	measure := func(s string) float64 { return t.l.width(s, style, t.size) }
	s := ellipsize(b.String(), width, measure)
	return []word{{text: s, style: style, w: measure(s)}}
}

// atMost limits the text to n lines.
func (t *text) atMost(n int) *text {
	t.most = n
	return t
}

// split returns the words, with any word wider than width cut into pieces
// that fit, each but the first joined to the one before. A piece takes
// characters while the sum of their widths fits: one pass over the word.
func (t *text) split(width float64) []word {
	if !slices.ContainsFunc(t.words, func(w word) bool { return w.w > width }) {
		return t.words // nothing to cut: the words themselves, only read
	}
	out := make([]word, 0, len(t.words)+4)
	f := t.l.f
	for _, w := range t.words {
		if w.w <= width {
			out = append(out, w)
			continue
		}
		glyph := glyphs(w.style)
		start, units := 0, 0
		for i, r := range w.text {
			u := glyph(r)
			t.l.work++
			if i > start && unitsWidth(f, units+u, t.size) > width {
				out = append(out, word{text: w.text[start:i], style: w.style, w: unitsWidth(f, units, t.size), join: w.join})
				w.join = false
				start, units = i, 0
			}
			units += u
		}
		out = append(out, word{text: w.text[start:], style: w.style, w: unitsWidth(f, units, t.size), join: w.join})
	}
	return out
}

// height is the height of the text set across width.
func (t *text) height(width float64) float64 {
	return float64(len(t.lines(width))) * t.leading
}

// draw sets the text at (x, l.y) across width, justified unless align is
// "L", "R" or "C", breaking pages between lines when breakable. It moves l.y
// below the text.
func (t *text) draw(x, width float64, align string, breakable bool) {
	lines := t.lines(width)
	n := len(lines)
	for i, line := range lines {
		switch {
		case !breakable:
		case i == 0 && n <= 3:
			t.l.ensure(float64(n) * t.leading) // three lines or fewer never split
		case i == 0:
			t.l.ensure(2 * t.leading) // no first line alone at a page's foot
		case n-i == 2:
			t.l.ensure(2 * t.leading) // no last line alone at a page's top
		default:
			t.l.ensure(t.leading)
		}
		t.line(line, x, width, align, i == len(lines)-1)
		t.l.y += t.leading
	}
}

// line draws one line of words with its baseline in the middle of the
// leading.
func (t *text) line(line []word, x, width float64, align string, last bool) {
	natural, gaps := 0.0, 0
	for i, w := range line {
		natural += w.w
		if i > 0 && !w.join {
			natural += t.space
			gaps++
		}
	}
	space := t.space
	switch {
	case align == "R":
		x += width - natural
	case align == "C":
		x += (width - natural) / 2
	case align == "" && !last && gaps > 0 && (width-natural)/float64(gaps) < 2.5*t.space:
		// justify, unless the gaps would gape: then the line stays ragged
		space += (width - natural) / float64(gaps)
	}
	base := t.l.y + t.leading/2 + t.size*0.3528*0.35
	f := t.l.f
	for i, w := range line {
		if i > 0 && !w.join {
			x += space
		}
		t.l.font(w.style, t.size)
		f.Text(x, base, w.text)
		x += w.w
	}
}
