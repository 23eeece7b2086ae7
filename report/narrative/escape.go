package narrative

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"rendiconto/report"
	"rendiconto/report/document"
)

// markup is Markdown the program writes itself (the placeholders of blocks
// set aside): an action that prints it prints it as it is. Every other value
// an action prints is text, escaped by env.text. Data can never be of this
// type, since no template function turns a string into it.
type markup string

// escapeText writes s so that goldmark reads it back as the same plain text:
// line breaks and tabs become spaces, the ends are trimmed (leading spaces
// could make an indented code block), and every ASCII punctuation character
// is backslash-escaped. That covers whatever starts a heading, list,
// quotation, table cell, emphasis, link, code span, HTML or entity, and a
// setext underline. Quotes are curled here, as the typographer curls those
// of the templates (it takes quadratic time over a long run of them).
func escapeText(s string) string {
	s = strings.Trim(strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\v', '\f':
			return ' '
		}
		return r
	}, s), " ")
	n := 0
	for i := 0; i < len(s); i++ {
		if escaped(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + n)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			b.WriteString(curl(s, i, "‘", "’"))
		case c == '"':
			b.WriteString(curl(s, i, "“", "”"))
		case escaped(c):
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// curl returns the opening or closing form of the quote at s[i]: opening
// after the start, a space or an opening bracket and before a non-space,
// closing (or an apostrophe) otherwise.
func curl(s string, i int, open, close string) string {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	if (i == 0 || unicode.IsSpace(before) || strings.ContainsRune("([{«“‘—–-", before)) &&
		i+1 < len(s) && !unicode.IsSpace(after) {
		return open
	}
	return close
}

// escaped reports whether c is ASCII punctuation, which escapeText
// escapes. A byte of a multi-byte UTF-8 sequence is never one.
func escaped(c byte) bool {
	switch {
	case '!' <= c && c <= '/', ':' <= c && c <= '@', '[' <= c && c <= '`', '{' <= c && c <= '~':
		return true
	}
	return false
}

// unescapeText removes the backslashes of Markdown escapes from the text of
// a goldmark Text node, which keeps them (its renderer drops them).
func unescapeText(b []byte) string {
	if !strings.ContainsRune(string(b), '\\') {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) && escaped(b[i+1]) {
			i++
		}
		out.WriteByte(b[i])
	}
	return out.String()
}

// A block set aside stands in the Markdown as an HTML block of its own,
// <rendiconto-block n="3">, found in goldmark's tree. Escaped data cannot
// form an HTML block, since its < is escaped, so it cannot forge one; a
// template can, but only to place again a block of its own.
const placeholderTag = `<rendiconto-block n="%d">`

var placeholderRE = regexp.MustCompile(`^<rendiconto-block n="(\d+)">$`)

// placeholder returns the text standing for the block set aside at index i,
// as a block of its own.
func placeholder(i int) markup {
	return markup("\n\n" + fmt.Sprintf(placeholderTag, i) + "\n\n")
}

// placeholderBlock reports whether the HTML block is a placeholder, and the
// block set aside it stands for.
func (c *converter) placeholderBlock(n *ast.HTMLBlock) (document.Block, bool) {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(c.src))
	}
	m := placeholderRE.FindStringSubmatch(strings.TrimSpace(b.String()))
	if m == nil {
		return nil, false
	}
	i, err := strconv.Atoi(m[1])
	if err != nil || i < 0 || i >= len(c.aside) {
		return nil, false
	}
	return c.aside[i], true
}

// maxRange is the largest number a template may range over literally,
// {{range 1000000}}: more is a mistake or an attack, refused when the
// template is parsed rather than when the time limit stops it.
const maxRange = 1_000_000

// prepare checks the parsed templates of one file and makes every action
// that prints a value print it through the function _text, which escapes it
// (as html/template adds its escapers). The action's index is _text's first
// argument, so that a limit hit names the last action printed.
func (e *env) prepare(t *template.Template) error {
	var errs report.ErrorList
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		tree := tt.Tree
		var walk func(n parse.Node)
		walk = func(n parse.Node) {
			switch n := n.(type) {
			case *parse.ListNode:
				if n == nil {
					return
				}
				for _, c := range n.Nodes {
					walk(c)
				}
			case *parse.ActionNode:
				if len(n.Pipe.Decl) > 0 {
					return // {{$x := …}} prints nothing
				}
				e.actions = append(e.actions, action{tree, n})
				at := &parse.NumberNode{NodeType: parse.NodeNumber, Pos: n.Pos, IsInt: true, Int64: int64(len(e.actions) - 1), Text: strconv.Itoa(len(e.actions) - 1)}
				n.Pipe.Cmds = append(n.Pipe.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Pos,
					Args: []parse.Node{parse.NewIdentifier("_text").SetTree(tree).SetPos(n.Pos), at}})
			case *parse.IfNode:
				walk(n.List)
				walk(n.ElseList)
			case *parse.WithNode:
				walk(n.List)
				walk(n.ElseList)
			case *parse.RangeNode:
				if num, ok := rangeLiteral(n.Pipe); ok {
					errs = append(errs, &report.Error{Pos: nodePos(tree, num),
						Msg: fmt.Sprintf("range %s: a template may range over a number up to %d, not more", num.Text, maxRange)})
				}
				walk(n.List)
				walk(n.ElseList)
			}
		}
		walk(tree.Root)
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// rangeLiteral returns the number of {{range N}} when it is a literal past
// maxRange.
func rangeLiteral(p *parse.PipeNode) (*parse.NumberNode, bool) {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return nil, false
	}
	n, ok := p.Cmds[0].Args[0].(*parse.NumberNode)
	if !ok {
		return nil, false
	}
	big := n.IsInt && n.Int64 > maxRange || n.IsUint && n.Uint64 > maxRange || n.IsFloat && n.Float64 > maxRange
	return n, big
}

// action is an action that prints, and the tree it is in.
type action struct {
	tree *parse.Tree
	node parse.Node
}

// nodePos is the position of a node of the tree, as text/template writes it
// in its messages.
func nodePos(tree *parse.Tree, n parse.Node) report.Pos {
	loc, _ := tree.ErrorContext(n)
	if m := posRE.FindStringSubmatch(loc); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return report.Pos{File: m[1], Line: line, Col: col}
	}
	return report.Pos{File: tree.ParseName}
}

var posRE = regexp.MustCompile(`^(.*):(\d+):(\d+)$`)
