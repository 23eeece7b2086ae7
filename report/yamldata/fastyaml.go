package yamldata

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastParse reads data written in the plain subset of YAML that data files
// use, into the same node tree as the YAML library, about ten times
// faster; nil means "not in the subset", and the caller parses with the
// library, which also gives the messages of a file that is not valid.
//
// The subset: block mappings and lists indented with spaces, keys as plain
// words, values on the key's line (plain, single- or double-quoted, or a
// [list] or {mapping} closed on the same line) or a block below it, and
// comments. Anything else (tabs, anchors, tags, multi-line texts, quoted
// keys, document markers, a value that the library would read as two
// lines) is left to the library. Each node has the library's kind, style,
// tag, value, line and column (in characters); comments are not kept, as
// nothing reads them. The values share the memory of one copy of data.
func fastParse(data []byte) (root *yaml.Node) {
	if !fastBytes(data) {
		return nil
	}
	p := &fastParser{src: string(data)}
	if !p.split() {
		return nil
	}
	defer func() {
		// A slip here must never stop a run: the library reads it instead.
		if recover() != nil {
			root = nil
		}
	}()
	l := p.nextContent(0)
	if l < 0 {
		return nil // empty: the library says so
	}
	n, next, ok := p.block(l, p.lines[l].indent)
	if !ok || next >= 0 {
		return nil
	}
	return n
}

// fastBytes reports whether data holds only what fastParse reads: UTF-8
// text of printable characters, lines ending in \n or \r\n, no tab and no
// character the library treats apart (a byte order mark, the line breaks
// U+0085, U+2028 and U+2029, characters past U+FFFF).
func fastBytes(data []byte) bool {
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c >= 0x20 && c < 0x7F, c == '\n':
		case c == '\r':
			if i+1 >= len(data) || data[i+1] != '\n' {
				return false
			}
		case c >= 0xC2 && c <= 0xEF:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError || r < 0xA0 || r == 0x2028 || r == 0x2029 || r >= 0xFEFF && (r == 0xFEFF || r >= 0xFFFE) {
				return false
			}
			i += size - 1
		default:
			return false
		}
	}
	return true
}

// fastParser holds the text and its lines.
type fastParser struct {
	src   string
	lines []fastLine
	depth int
	// Nodes, and the children of collections, are handed out from chunks
	// (one allocation for many); stack holds the children of the
	// collections being read.
	slab  []yaml.Node
	ptrs  []*yaml.Node
	stack []*yaml.Node
	at    int // the byte of the last node made
}

// chunk is how many nodes to allocate at once from byte pos on: about as
// many as the rest of the text holds (a data file has a node every 8 to
// 20 bytes), at most 4096.
func (p *fastParser) chunk(pos int) int {
	return min((len(p.src)-pos)/12+32, 4096)
}

// fastLine is one line of the text, without its line break.
type fastLine struct {
	start, end int  // byte offsets in src
	indent     int  // leading spaces
	blank      bool // only spaces
	comment    bool // only a comment after the spaces
	ascii      bool
}

// maxFastDepth is the nesting fastParse reads; deeper is the library's.
const maxFastDepth = 100

// maxFastKey is the length of a key fastParse reads: the library refuses a
// key of more than 1024 characters.
const maxFastKey = 1000

// split cuts the text into lines; it returns false on a document marker
// or a directive, which are the library's.
func (p *fastParser) split() bool {
	s := p.src
	p.lines = make([]fastLine, 0, strings.Count(s, "\n")+1)
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		next := len(s)
		if end < 0 {
			end = len(s)
		} else {
			end += start
			next = end + 1
		}
		text := s[start:end]
		if strings.HasSuffix(text, "\r") {
			text = text[:len(text)-1]
			end--
		}
		if strings.HasPrefix(text, "---") || strings.HasPrefix(text, "...") || strings.HasPrefix(text, "%") {
			return false
		}
		ln := fastLine{start: start, end: end, ascii: true}
		for ln.indent < len(text) && text[ln.indent] == ' ' {
			ln.indent++
		}
		ln.blank = ln.indent == len(text)
		ln.comment = !ln.blank && text[ln.indent] == '#'
		for i := 0; i < len(text); i++ {
			if text[i] >= utf8.RuneSelf {
				ln.ascii = false
				break
			}
		}
		p.lines = append(p.lines, ln)
		start = next
	}
	return true
}

// text is line l from byte pos (an offset in src) to its end.
func (p *fastParser) text(l, pos int) string { return p.src[pos:p.lines[l].end] }

// nextContent is the first line from l on that is neither blank nor a
// comment, or -1.
func (p *fastParser) nextContent(l int) int {
	for ; l < len(p.lines); l++ {
		if ln := p.lines[l]; !ln.blank && !ln.comment {
			return l
		}
	}
	return -1
}

// col is the library's column (from 1, in characters) of byte pos of line
// l.
func (p *fastParser) col(l, pos int) int {
	ln := p.lines[l]
	if ln.ascii {
		return pos - ln.start + 1
	}
	return utf8.RuneCountInString(p.src[ln.start:pos]) + 1
}

func (p *fastParser) node(kind yaml.Kind, tag, value string, l, pos int) *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, p.chunk(pos))
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	p.at = pos
	n.Kind, n.Tag, n.Value, n.Line, n.Column = kind, tag, value, l+1, p.col(l, pos)
	return n
}

// children returns the nodes pushed on the stack from base on, as a
// collection's Content, and pops them.
func (p *fastParser) children(base int) []*yaml.Node {
	k := len(p.stack) - base
	if k == 0 {
		return nil
	}
	if len(p.ptrs) < k {
		p.ptrs = make([]*yaml.Node, max(k, p.chunk(p.at)))
	}
	c := p.ptrs[:k:k]
	p.ptrs = p.ptrs[k:]
	copy(c, p.stack[base:])
	p.stack = p.stack[:base]
	return c
}

// isEntry reports whether s starts a block list's entry: "-" then a space
// or the line's end.
func isEntry(s string) bool { return len(s) > 0 && s[0] == '-' && (len(s) == 1 || s[1] == ' ') }

// keyEnd returns, when s starts with a plain key and its colon, the key
// (without trailing spaces) and the colon's offset in s.
func keyEnd(s string) (string, int, bool) {
	if !plainStart(s, false) {
		return "", 0, false
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' {
				key := strings.TrimRight(s[:i], " ")
				return key, i, len(key) <= maxFastKey
			}
		case '#':
			if s[i-1] == ' ' {
				return "", 0, false
			}
		}
	}
	return "", 0, false
}

// plainStart reports whether a plain scalar may start s: not with an
// indicator, nor with "-" before a space or a flow indicator (the library
// reads "?x" and ":x" as plain, left to it here).
func plainStart(s string, flow bool) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '-':
		if len(s) == 1 {
			return false
		}
		switch s[1] {
		case ' ', ',', '[', ']', '{', '}', '#':
			return false
		}
	case ' ', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	return true
}

// block reads the mapping or list whose first line is l, indented by
// indent; next is the following line with content (-1 at the end).
func (p *fastParser) block(l, indent int) (n *yaml.Node, next int, ok bool) {
	if p.depth++; p.depth > maxFastDepth {
		return nil, 0, false
	}
	defer func() { p.depth-- }()
	pos := p.lines[l].start + indent
	s := p.text(l, pos)
	if isEntry(s) {
		return p.list(l, pos, false)
	}
	if _, _, ok := keyEnd(s); ok {
		return p.mapping(l, pos)
	}
	return nil, 0, false // a text on its own line: the library's
}

// list reads a block list whose first entry's "-" is at byte pos of line
// l. An indentless list (the value of a key at the same indent) ends at
// the first line at its indent that is not an entry.
func (p *fastParser) list(l, pos int, indentless bool) (*yaml.Node, int, bool) {
	indent := pos - p.lines[l].start
	n := p.node(yaml.SequenceNode, "!!seq", "", l, pos)
	base := len(p.stack)
	for {
		var item *yaml.Node
		var next int
		ok := true
		at := pos + 1
		s := p.text(l, at)
		rest := strings.TrimLeft(s, " ")
		at += len(s) - len(rest)
		switch {
		case rest == "" || rest[0] == '#':
			next = p.nextContent(l + 1)
			if next >= 0 && p.lines[next].indent > indent {
				item, next, ok = p.block(next, p.lines[next].indent)
			} else {
				item = p.node(yaml.ScalarNode, "!!null", "", l, pos+1) // after the "-"
			}
		case isEntry(rest):
			return nil, 0, false // "- - x": the library's
		default:
			if _, _, isKey := keyEnd(rest); isKey {
				p.depth++
				item, next, ok = p.mapping(l, at)
				p.depth--
			} else {
				item, next, ok = p.value(l, at, indent)
			}
		}
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, item)
		if next < 0 || p.lines[next].indent < indent {
			n.Content = p.children(base)
			return n, next, true
		}
		if p.lines[next].indent > indent {
			return nil, 0, false
		}
		l, pos = next, p.lines[next].start+indent
		if !isEntry(p.text(l, pos)) {
			if indentless {
				n.Content = p.children(base)
				return n, next, true
			}
			return nil, 0, false
		}
	}
}

// mapping reads a block mapping whose first key starts at byte pos of line
// l.
func (p *fastParser) mapping(l, pos int) (*yaml.Node, int, bool) {
	indent := pos - p.lines[l].start
	n := p.node(yaml.MappingNode, "!!map", "", l, pos)
	base := len(p.stack)
	for {
		s := p.text(l, pos)
		key, colon, ok := keyEnd(s)
		if !ok {
			return nil, 0, false
		}
		k := p.node(yaml.ScalarNode, plainTag(key), key, l, pos)
		var v *yaml.Node
		var next int
		at := pos + colon + 1
		s = p.text(l, at)
		rest := strings.TrimLeft(s, " ")
		at += len(s) - len(rest)
		if rest == "" || rest[0] == '#' {
			next = p.nextContent(l + 1)
			switch {
			case next >= 0 && p.lines[next].indent > indent:
				v, next, ok = p.block(next, p.lines[next].indent)
			case next >= 0 && p.lines[next].indent == indent && isEntry(p.text(next, p.lines[next].start+indent)):
				p.depth++
				v, next, ok = p.list(next, p.lines[next].start+indent, true)
				p.depth--
			default:
				v = p.node(yaml.ScalarNode, "!!null", "", l, pos+colon+1) // after the ":"
			}
		} else {
			v, next, ok = p.value(l, at, indent)
		}
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, k, v)
		if next < 0 || p.lines[next].indent < indent {
			n.Content = p.children(base)
			return n, next, true
		}
		if p.lines[next].indent > indent {
			return nil, 0, false
		}
		l, pos = next, p.lines[next].start+indent
	}
}

// value reads the value that starts at byte pos of line l and ends the
// line (a comment may follow), in a block indented by indent.
func (p *fastParser) value(l, pos, indent int) (*yaml.Node, int, bool) {
	s := p.text(l, pos)
	var n *yaml.Node
	var end int // bytes of s read
	ok := true
	switch s[0] {
	case '"', '\'':
		n, end, ok = p.quoted(l, pos)
	case '[', '{':
		if p.depth+1 > maxFastDepth {
			return nil, 0, false
		}
		n, end, ok = p.flow(l, pos)
	default:
		if !plainStart(s, false) {
			return nil, 0, false
		}
		end = len(s)
		if i := strings.Index(s, " #"); i >= 0 {
			end = i
		}
		v := strings.TrimRight(s[:end], " ")
		if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") {
			return nil, 0, false // a key where a value is: the library's message
		}
		// The library reads on into a more indented line (a text over
		// several lines): not read here.
		for m := l + 1; m < len(p.lines); m++ {
			if ln := p.lines[m]; !ln.blank {
				if ln.indent > indent && !ln.comment {
					return nil, 0, false
				}
				break
			}
		}
		return p.node(yaml.ScalarNode, plainTag(v), v, l, pos), p.nextContent(l + 1), true
	}
	if !ok {
		return nil, 0, false
	}
	// After a quoted text or a flow collection, only a comment.
	rest := s[end:]
	if trimmed := strings.TrimLeft(rest, " "); trimmed != "" && (trimmed[0] != '#' || len(trimmed) == len(rest)) {
		return nil, 0, false
	}
	return n, p.nextContent(l + 1), true
}

// quoted reads a single- or double-quoted text closed on its line, from
// byte pos of line l; end is the bytes read from pos.
func (p *fastParser) quoted(l, pos int) (n *yaml.Node, end int, ok bool) {
	s := p.text(l, pos)
	q := s[0]
	var b []byte // the value when it differs from the text
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			if b == nil {
				b = append([]byte(nil), s[1:i]...)
			}
			b = append(b, '\'')
			i++
		case c == q:
			v := s[1:i]
			if b != nil {
				v = string(b)
			}
			style := yaml.DoubleQuotedStyle
			if q == '\'' {
				style = yaml.SingleQuotedStyle
			}
			n = p.node(yaml.ScalarNode, "!!str", v, l, pos)
			n.Style = style
			return n, i + 1, true
		case c == '\\' && q == '"':
			if b == nil {
				b = append([]byte(nil), s[1:i]...)
			}
			var size int
			if b, size, ok = unescape(b, s[i+1:]); !ok {
				return nil, 0, false
			}
			i += size
		default:
			if b != nil {
				b = append(b, c)
			}
		}
	}
	return nil, 0, false // closed on another line: the library's
}

// unescape appends the character of the escape sequence at the start of s
// (after the backslash) to b, as the library reads it; size is the bytes
// of s read.
func unescape(b []byte, s string) (_ []byte, size int, ok bool) {
	if s == "" {
		return nil, 0, false
	}
	digits := 0
	switch s[0] {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		i := strings.IndexByte("0abtnvfre \"'\\N_LP", s[0])
		if i < 0 {
			return nil, 0, false
		}
		r := []rune("\x00\a\b\t\n\v\f\r\x1b \"'\\\u0085\u00a0\u2028\u2029")[i]
		return utf8.AppendRune(b, r), 1, true
	}
	if len(s) < 1+digits {
		return nil, 0, false
	}
	v := 0
	for _, c := range []byte(s[1 : 1+digits]) {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 + int(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 + int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v<<4 + int(c-'A'+10)
		default:
			return nil, 0, false
		}
	}
	if v >= 0xD800 && v <= 0xDFFF || v > 0x10FFFF {
		return nil, 0, false
	}
	return utf8.AppendRune(b, rune(v)), 1 + digits, true
}

// flow reads a [list] or {mapping} closed on its line, from byte pos of
// line l; end is the bytes read from pos.
func (p *fastParser) flow(l, pos int) (n *yaml.Node, end int, ok bool) {
	if p.depth++; p.depth > maxFastDepth {
		return nil, 0, false
	}
	defer func() { p.depth-- }()
	s := p.text(l, pos)
	closing := byte(']')
	n = p.node(yaml.SequenceNode, "!!seq", "", l, pos)
	if s[0] == '{' {
		closing = '}'
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
	}
	n.Style = yaml.FlowStyle
	i := skipSpaces(s, 1)
	if i < len(s) && s[i] == closing {
		return n, i + 1, true
	}
	base := len(p.stack)
	for {
		if closing == '}' {
			key, size, ok := flowKey(s[i:])
			if !ok {
				return nil, 0, false
			}
			p.stack = append(p.stack, p.node(yaml.ScalarNode, plainTag(key), key, l, pos+i))
			i = skipSpaces(s, i+size)
		}
		item, size, ok := p.flowItem(l, pos+i)
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, item)
		i = skipSpaces(s, i+size)
		switch {
		case i >= len(s):
			return nil, 0, false
		case s[i] == closing:
			n.Content = p.children(base)
			return n, i + 1, true
		case s[i] != ',':
			return nil, 0, false
		}
		i = skipSpaces(s, i+1)
		if i >= len(s) || s[i] == closing {
			return nil, 0, false // [a, ] is left to the library
		}
	}
}

// flowKey reads a plain key and its ": " at the start of s, inside a flow
// mapping; size is the bytes read.
func flowKey(s string) (key string, size int, ok bool) {
	if !plainStart(s, true) {
		return "", 0, false
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case ':':
			if i+1 < len(s) && s[i+1] == ' ' {
				key = strings.TrimRight(s[:i], " ")
				return key, i + 1, len(key) <= maxFastKey
			}
		case ',', '[', ']', '{', '}', '?', '#':
			return "", 0, false
		}
	}
	return "", 0, false
}

// flowItem reads a value inside a flow collection, from byte pos of line
// l; size is the bytes read.
func (p *fastParser) flowItem(l, pos int) (*yaml.Node, int, bool) {
	s := p.text(l, pos)
	if s == "" {
		return nil, 0, false
	}
	switch s[0] {
	case '"', '\'':
		n, size, ok := p.quoted(l, pos)
		if ok && size < len(s) && s[size] == ':' {
			return nil, 0, false // a quoted key: the library's
		}
		return n, size, ok
	case '[', '{':
		return p.flow(l, pos)
	}
	if !plainStart(s, true) {
		return nil, 0, false
	}
	i := 1
scan:
	for ; i < len(s); i++ {
		switch s[i] {
		case ',', ']', '}':
			break scan
		case '[', '{', '?':
			return nil, 0, false
		case ':':
			if i+1 == len(s) || strings.IndexByte(" ,[]{}", s[i+1]) >= 0 {
				return nil, 0, false // a key, or the library's reading of ':'
			}
		case '#':
			if s[i-1] == ' ' {
				return nil, 0, false // a comment: the collection is not closed
			}
		}
	}
	v := strings.TrimRight(s[:i], " ")
	return p.node(yaml.ScalarNode, plainTag(v), v, l, pos), i, true
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}
