package yamldata

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// syntaxError turns a message of the YAML library ("mapping values are not
// allowed in this context") into words a person filling a data file
// understands, with the line and column of the mistake and a hint where
// the cause is typical. libLine is the line the library gave (0: none); it
// is often the start of the enclosing list or mapping, so the line is
// found again from the bytes: the first line after which the file's
// beginning fails with the same message.
func syntaxError(data []byte, libLine int, msg string) (line, col int, text string) {
	data = utf8Text(data)
	line = problemLine(data, msg, libLine)
	if line == 0 {
		line = libLine
	}
	src := lineText(data, line)
	col, text = explain(src, msg)
	if line == 0 {
		col = 0
	}
	return line, col, text
}

// utf8Text returns data as UTF-8 without a byte order mark: the library
// reads UTF-16 too, and counts columns after the mark.
func utf8Text(data []byte) []byte {
	if len(data) >= 2 && (data[0] == 0xFE && data[1] == 0xFF || data[0] == 0xFF && data[1] == 0xFE) {
		order := binary.ByteOrder(binary.BigEndian)
		if data[0] == 0xFF {
			order = binary.LittleEndian
		}
		units := make([]uint16, 0, len(data)/2)
		for i := 2; i+1 < len(data); i += 2 {
			units = append(units, order.Uint16(data[i:]))
		}
		return []byte(string(utf16.Decode(units)))
	}
	return bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
}

// firstError returns the message (without "yaml: line N: ") of the first
// syntax error of data, or "" when it parses.
func firstError(data []byte) (msg string) {
	defer func() {
		if recover() != nil {
			msg = ""
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return ""
		}
		if err != nil {
			m := strings.TrimPrefix(err.Error(), "yaml: ")
			if sm := lineRE.FindStringSubmatch(err.Error()); sm != nil {
				m = sm[2]
			}
			return m
		}
	}
}

// maxSearch is the size of a file beyond which the place of a syntax error
// is searched for only from the top-level item around the library's line:
// each try parses the file up to a line again.
const maxSearch = 1 << 20

// problemLine returns the smallest number of whole lines from the start of
// data that fail with msg, or 0 when none does. libLine, when not 0, is
// the library's line: the mistake is on it or after it (a line earlier
// for the parser's errors), so the search starts from the top-level item
// (a line starting in the first column) at or before it, which parses
// alone; failing that, from the file's start.
func problemLine(data []byte, msg string, libLine int) int {
	var ends []int // ends[i]: the byte after line i+1
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		ends = append(ends, len(data))
	}
	lo := max(0, libLine-2) // lines certainly before the mistake
	lo = min(lo, len(ends))
	// The window: from the last top-level line among the first lo+1.
	for top := lo; top > 0; top-- {
		at := ends[top-1] // the start of line top+1
		if at < len(data) && !strings.ContainsRune(" \t#\r\n", rune(data[at])) {
			if firstError(data[at:]) == msg {
				if l := searchLine(data[at:], ends[top:], at, msg, lo-top); l > 0 {
					return top + l
				}
			}
			break
		}
	}
	if len(data) > maxSearch || firstError(data) != msg {
		return 0
	}
	return searchLine(data, ends, 0, msg, lo)
}

// searchLine finds the smallest number of lines of data that fail with
// msg, knowing that the first lo lines do not hold the mistake; ends are
// the lines' ends in the file, base the offset of data in it.
func searchLine(data []byte, ends []int, base int, msg string, lo int) int {
	lo, hi := max(lo, 0), len(ends) // the answer is in (lo, hi]
	if hi == 0 || lo >= hi {
		return 0
	}
	// Exponential steps first: the mistake is usually near lo, and a
	// prefix that parses costs its whole length.
	for step := 1; lo+step < hi; step *= 2 {
		if firstError(data[:ends[lo+step-1]-base]) == msg {
			hi = lo + step
			break
		}
		lo += step
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if firstError(data[:ends[mid-1]-base]) == msg {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// lineText returns line n (from 1) of data without its line break.
func lineText(data []byte, n int) string {
	if n < 1 {
		return ""
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	return strings.TrimSuffix(string(data), "\r")
}

// column turns a byte offset in a line into a column counted in
// characters, from 1, as the library counts them.
func column(s string, i int) int { return utf8.RuneCountInString(s[:i]) + 1 }

// indentEnd returns the offset of the first character of s that is not a
// space or tab.
func indentEnd(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// explain gives the column and the plain message of a syntax error on the
// line src.
func explain(src, msg string) (int, string) {
	first := indentEnd(src)
	switch {
	case strings.Contains(msg, "tab character"):
		i := strings.IndexByte(src[:first], '\t')
		if i < 0 {
			i = max(strings.IndexByte(src, '\t'), 0)
		}
		return column(src, i), "a tab is used to indent this line: indent with spaces only (replace the tab with spaces)"
	case msg == "found character that cannot start any token":
		if i := strings.IndexAny(src, "@`"); i >= 0 {
			return column(src, i), "a text cannot start with " + src[i:i+1] + ": put the whole text in quotes, such as \"" + src[i:] + "\""
		}
		if i := strings.IndexByte(src, '\t'); i >= 0 {
			return column(src, i), "a tab is used to indent this line: indent with spaces only (replace the tab with spaces)"
		}
		return column(src, first), "this character cannot start a value: put the whole text in quotes"
	case msg == "mapping values are not allowed in this context":
		return explainColon(src, first)
	case strings.Contains(msg, "end of stream") || strings.Contains(msg, "document indicator"):
		if i, q := openQuote(src); i >= 0 {
			return column(src, i), "the text in quotes opened here is never closed: add the closing " + q + " at the end of the text"
		}
		return column(src, first), "a text in quotes starting here is never closed: add the closing quote at the end of the text"
	case msg == "did not find expected ',' or ']'" || msg == "did not find expected ',' or '}'":
		open, close, what := "[", "]", "list in brackets"
		if strings.HasSuffix(msg, "'}'") {
			open, close, what = "{", "}", "mapping in braces"
		}
		if i := unclosed(src, open[0], close[0]); i >= 0 {
			return column(src, i), "the " + what + " opened here with " + open + " is never closed: add " + close + " at its end, on the same line (items are separated by commas)"
		}
		i := max(strings.Index(src, open), first)
		return column(src, i), "the " + what + " opened here with " + open + " is not written well: separate its items with commas and close it with " + close
	case msg == "did not find expected key" || msg == "did not find expected '-' indicator" ||
		msg == "block sequence entries are not allowed in this context" || msg == "could not find expected ':'":
		if i := afterQuote(src); i >= 0 {
			return column(src, i), "text after the closing quote: put the whole text in quotes (inside '…' write an apostrophe as '', inside \"…\" a quote as \\\")"
		}
		if i := stray(src, '[', ']'); i >= 0 {
			return column(src, i), "a ] with no [ before it: remove it"
		}
		if i := stray(src, '{', '}'); i >= 0 {
			return column(src, i), "a } with no { before it: remove it"
		}
		if strings.HasPrefix(src[first:], "- ") || src[first:] == "-" {
			return column(src, first), "this list item (-) is not in line with the items or fields above it: start it in the same column as the other \"-\" of its list"
		}
		if msg == "could not find expected ':'" {
			return column(src, first), "a line without \":\" among fields: write it as field: value"
		}
		return column(src, first), "this line is not indented like the lines above it: the fields of one record start in the same column, and a line goes further right only under a field that holds it"
	case strings.Contains(msg, "escape"), strings.Contains(msg, "hexdecimal"):
		i := max(strings.IndexByte(src, '\\'), first)
		return column(src, i), "a backslash (\\) in a text in double quotes starts a special character: write it as \\\\, or put the text in single quotes"
	case msg == "did not find expected alphabetic or numeric character":
		i := strings.IndexAny(src, "&*")
		if i < 0 {
			return column(src, first), "a text cannot start with & or *: put the whole text in quotes"
		}
		return column(src, i), "a text cannot start with " + src[i:i+1] + ": put the whole text in quotes"
	case strings.Contains(msg, "tag"):
		i := max(strings.IndexByte(src, '!'), first)
		return column(src, i), "a text cannot start with !: put the whole text in quotes"
	case strings.Contains(msg, "directive"):
		return column(src, first), "a line cannot start with %: put the whole text in quotes"
	case msg == "mapping keys are not allowed in this context":
		i := max(strings.IndexByte(src, '?'), first)
		return column(src, i), "a text cannot start with ?: put the whole text in quotes"
	case msg == "did not find expected node content":
		i := first
		if loc := extraComma.FindStringIndex(src); loc != nil {
			i = loc[0]
		}
		return column(src, i), "a value is missing here (two commas in a row, or a comma before ]): remove the extra comma"
	case strings.Contains(msg, "indentation indicator") || msg == "did not find expected comment or line break":
		return column(src, first), "after | or > only the text's lines may follow, starting on the next line"
	}
	return column(src, first), "this is not valid YAML here (" + msg + ")"
}

// extraComma is a comma with no value after it in brackets or braces.
var extraComma = regexp.MustCompile(`,[ \t]*[,\]}]`)

// explainColon places "mapping values are not allowed in this context":
// either a text holding ": " written without quotes, or a line indented
// further than the field above it.
func explainColon(src string, first int) (int, string) {
	rest := src[first:]
	off := first
	for strings.HasPrefix(rest, "- ") {
		n := 2 + indentEnd(rest[2:])
		rest, off = rest[n:], off+n
	}
	k := strings.Index(rest, ": ")
	if k < 0 && strings.HasSuffix(rest, ":") {
		k = len(rest) - 1
	}
	if k >= 0 {
		val := strings.TrimLeft(rest[k+1:], " ")
		if val != "" && !strings.ContainsAny(val[:1], "\"'[{") {
			if j := strings.Index(val+" ", ": "); j >= 0 {
				at := off + len(rest) - len(val) + j
				v := strings.TrimSpace(val)
				if c := strings.Index(v, " #"); c >= 0 {
					v = strings.TrimSpace(v[:c])
				}
				return column(src, at), "a \":\" followed by a space inside a text: put the whole text in quotes, such as " + rest[:k+1] + " \"" + strings.ReplaceAll(v, `"`, `\"`) + "\""
			}
		}
	}
	return column(src, first), "this line is indented further than the field above it: start it in the same column as the other fields of its record (or, if it continues the text above, put that text in quotes)"
}

// openQuote returns the offset of a quote on src that is not closed on
// the line, and the quote, or -1.
func openQuote(src string) (int, string) {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '#' && (i == 0 || src[i-1] == ' ') {
			return -1, ""
		}
		if (c != '"' && c != '\'') || !valueStart(src, i) {
			continue
		}
		j := closing(src, i)
		if j < 0 {
			return i, string(c)
		}
		i = j
	}
	return -1, ""
}

// valueStart reports whether a quote at i starts a value: at the start of
// the line or after "- ", ": ", "[", "{" or ",".
func valueStart(src string, i int) bool {
	j := i - 1
	for j >= 0 && src[j] == ' ' {
		j--
	}
	switch {
	case j < 0:
		return true
	case src[j] == '[' || src[j] == '{' || src[j] == ',':
		return true
	case src[j] == '-' || src[j] == ':':
		return j < i-1
	}
	return false
}

// closing returns the offset of the quote closing the one at i, or -1.
func closing(src string, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch {
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q && q == '\'' && j+1 < len(src) && src[j+1] == '\'':
			j++
		case src[j] == q:
			return j
		}
	}
	return -1
}

// afterQuote returns the offset of text that follows a closed quoted value
// on src (name: "a" b), or -1.
func afterQuote(src string) int {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '#' && (i == 0 || src[i-1] == ' ') {
			return -1
		}
		if (c != '"' && c != '\'') || !valueStart(src, i) {
			continue
		}
		j := closing(src, i)
		if j < 0 {
			return -1
		}
		k := j + 1
		for k < len(src) && src[k] == ' ' {
			k++
		}
		if k < len(src) && !strings.ContainsRune(",]}:#", rune(src[k])) {
			return k
		}
		i = j
	}
	return -1
}

// unclosed returns the offset of the first open bracket of src (outside
// quotes and comments) that the line does not close, or -1.
func unclosed(src string, open, close byte) int {
	stack, _ := brackets(src, open, close)
	if len(stack) > 0 {
		return stack[0]
	}
	return -1
}

// stray returns the offset of the first closing bracket of src with no
// opening one before it, or -1.
func stray(src string, open, close byte) int {
	_, i := brackets(src, open, close)
	return i
}

// brackets returns the offsets of the brackets src leaves open, and of
// the first closing one that closes nothing (-1 when none).
func brackets(src string, open, close byte) ([]int, int) {
	strayAt := -1
	var stack []int
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '#' && (i == 0 || src[i-1] == ' '):
			i = len(src)
		case (c == '"' || c == '\'') && valueStart(src, i):
			if j := closing(src, i); j >= 0 {
				i = j
			} else {
				i = len(src)
			}
		case c == open:
			stack = append(stack, i)
		case c == close && len(stack) > 0:
			stack = stack[:len(stack)-1]
		case c == close && strayAt < 0:
			strayAt = i
		}
	}
	return stack, strayAt
}
