package yamldata

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
	"rendiconto/report/fonts"
)

// maxByteErrors is how many bad bytes of one file are reported one by one.
const maxByteErrors = 10

// maxFontWarnings is how many texts of one file are warned about one by
// one for characters the font cannot draw; the rest are counted.
const maxFontWarnings = 20

// checkBytes reports invalid UTF-8 and control characters in the raw file
// with their line and column, before the YAML parser refuses them without
// a line. A file that starts with a UTF-16 byte order mark is left to the
// parser, which decodes it. It returns false when anything was found.
func (d *decoder) checkBytes(data []byte) bool {
	if len(data) >= 2 && (data[0] == 0xFE && data[1] == 0xFF || data[0] == 0xFF && data[1] == 0xFE) {
		return true
	}
	line, col, found := 1, 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c >= 0x20 && c < 0x7F { // printable ASCII: the common case
			i++
			col++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(data[i:])
		}
		var msg string
		switch {
		case r == '\n':
			line, col = line+1, 0
		case r == '\t' || r == '\r' || (r == '\uFEFF' && i == 0):
		case r == utf8.RuneError && size == 1:
			msg = fmt.Sprintf("invalid UTF-8 (byte 0x%02X): save the file as UTF-8", c)
		case unicode.IsControl(r):
			msg = fmt.Sprintf("control character %U is not allowed in data files: remove it", r)
		}
		if msg != "" {
			found++
			if found <= maxByteErrors {
				d.errs.Add(report.Pos{File: d.file, Line: line, Col: col}, "%s", msg)
			}
		}
		i += size
		col++
	}
	if found > maxByteErrors {
		d.errs.Add(report.Pos{File: d.file, Line: line, Col: col}, "%d more invalid bytes or control characters in this file", found-maxByteErrors)
	}
	return found == 0
}

// checkText checks the characters of one scalar, wherever it is: a control
// character (only a tab or a line break may appear, and only where a field
// allows several lines) is an error; a character the report's font cannot
// draw is a warning, since it will print as a replacement mark.
func (d *decoder) checkText(n *yaml.Node) {
	s := n.Value
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F {
			ascii = false
			break
		}
	}
	if ascii {
		return
	}
	var missing []rune
	offset := 0 // runes before r
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r == utf8.RuneError:
			// in the file as such: checkBytes has refused invalid UTF-8
			d.errs.Add(d.charPos(n, offset), "U+FFFD, the mark of a character lost when the text was converted, in text: write the character again")
			return
		case unicode.IsControl(r):
			d.errs.Add(d.charPos(n, offset), "control character %U in text: remove it", r)
			return
		case !fonts.Covers(r) && len(missing) < 4 && !containsRune(missing, r):
			if len(missing) == 0 {
				d.fontPos = d.charPos(n, offset)
			}
			missing = append(missing, r)
		}
		offset++
	}
	if len(missing) == 0 || d.warns == nil {
		return
	}
	d.fontWarnings++
	if d.fontWarnings > maxFontWarnings {
		return
	}
	names := make([]string, len(missing))
	for i, r := range missing {
		names[i] = fmt.Sprintf("%U %s", r, strconv.Quote(string(r)))
	}
	verb := "cannot be drawn by the report's font; it will print as"
	if len(missing) > 1 {
		verb = "cannot be drawn by the report's font; they will print as"
		if len(missing) == 4 {
			names[3] = "…"
		}
	}
	*d.warns = append(*d.warns, Warning{d.fontPos, fmt.Sprintf("%s %s %c", strings.Join(names, ", "), verb, fonts.Replacement)})
}

// finishText adds the count of texts not warned about one by one.
func (d *decoder) finishText() {
	if d.warns != nil && d.fontWarnings > maxFontWarnings {
		*d.warns = append(*d.warns, Warning{report.Pos{File: d.file},
			fmt.Sprintf("%d more texts hold characters the report's font cannot draw", d.fontWarnings-maxFontWarnings)})
	}
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// charPos is the position of the offset-th character of a scalar: exact
// for a plain or single-quoted value on one line, the value's start
// otherwise (escapes and folded lines move characters around).
func (d *decoder) charPos(n *yaml.Node, offset int) report.Pos {
	p := d.pos(n)
	if strings.Contains(n.Value, "\n") {
		return p
	}
	switch n.Style {
	case 0:
		p.Col += offset
	case yaml.SingleQuotedStyle:
		if !strings.Contains(n.Value, "'") {
			p.Col += offset + 1
		}
	}
	return p
}

// textKind says how long a text field may be and whether it may span
// lines; the limits are report's.
type textKind struct {
	max       int
	multiline bool
}

var (
	codeText  = textKind{max: report.MaxCode}
	nameText  = textKind{max: report.MaxName}
	titleText = textKind{max: report.MaxTitle}
	freeText  = textKind{max: report.MaxText, multiline: true}
)

// textOf returns the text of a scalar field of the given kind, or "" after
// an error when it spans lines where it may not, or is too long.
func (d *decoder) textOf(n *yaml.Node, what string, k textKind) string {
	if n == nil || isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!bool" {
		d.errorf(n, "%s must be text, not %s", what, kindName(n))
		return ""
	}
	s := n.Value
	if !k.multiline {
		if i := lineBreak(s); i >= 0 {
			what2 := "a line break"
			if s[i] == '\t' {
				what2 = "a tab"
			}
			d.errorf(n, "%s must be on one line, but it holds %s", what, what2)
			return ""
		}
	}
	if len(s) > k.max { // bytes ≥ characters: count only when it may matter
		if c := utf8.RuneCountInString(s); c > k.max {
			d.errorf(n, "%s is too long: %d characters, at most %d (see Limits in docs/data-model.md)", what, c, k.max)
			return ""
		}
	}
	return s
}

// lineBreak is strings.IndexAny(s, "\n\r\t\u2028\u2029"), ten times
// faster on the short texts of every record: a byte scan, the rare
// U+2028 and U+2029 checked at their first byte.
func lineBreak(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '\t':
			return i
		case 0xE2:
			if strings.HasPrefix(s[i:], "\u2028") || strings.HasPrefix(s[i:], "\u2029") {
				return i
			}
		}
	}
	return -1
}

// deepLine finds the line where a file nests deeper than the YAML parser
// allows (more than 10000 open brackets or indentation levels), which the
// parser reports without a line: the first line past the limit, else the
// deepest. Brackets inside quotes and comments are skipped.
func deepLine(data []byte) int {
	const limit = 10000
	line, depth, bestLine, best := 1, 0, 1, -1
	indent, atStart := 0, true
	var quote, prev byte // prev: the last character other than a space
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '\n':
			// a quoted scalar may span lines: quote is kept
			line, indent, atStart = line+1, 0, true
			continue
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote, prev = 0, c
			}
			continue
		case atStart && (c == ' ' || c == '-'):
			indent++
			continue
		case c == ' ' || c == '\t':
			continue
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t'):
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
			continue
		case (c == '\'' || c == '"') && (atStart || strings.IndexByte(":[{,-", prev) >= 0):
			quote = c // a quote opens a scalar only where a value starts
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth = max(0, depth-1)
		}
		atStart, prev = false, c
		if level := depth + indent; level > best {
			bestLine, best = line, level
			if level > limit {
				return line
			}
		}
	}
	return bestLine
}
