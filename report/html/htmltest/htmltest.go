package htmltest

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Check parses page and returns every rule it breaks, none when it keeps
// them all: lang set, a title, one h1 and no heading level skipped,
// landmarks, the skip link first among the focusable elements and leading
// to main, every figure with a figcaption, every table with a caption and
// every th with a scope and a text, every scrolling region named and focusable,
// every svg an image with a name, ids unique, every link inside the page
// leading to an id, and no request of any kind (no URL in src or href
// outside the page, no script with src, no linked style sheet, no url()
// in the style sheet).
func Check(page []byte) []string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{"not HTML: " + err.Error()}
	}
	c := &checker{ids: map[string]int{}}
	c.walk(doc)
	return c.finish()
}

type checker struct {
	problems   []string
	ids        map[string]int
	hrefs      []string // links inside the page, "#id"
	lang       string
	title      string
	h1         int
	lastLevel  int
	landmarks  map[string]int
	firstFocus *html.Node
	mainID     string
}

func (c *checker) add(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// Text is the text of n, without what is only for screen readers
// (class "vh") added.
func Text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if cl, _ := attr(k, "class"); k.Type == html.ElementNode && hasClass(cl, "vh") {
				continue
			}
			walk(k)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func hasClass(list, class string) bool {
	for _, c := range strings.Fields(list) {
		if c == class {
			return true
		}
	}
	return false
}

// external reports whether a URL leaves the page (a data: URL does not).
func external(u string) bool {
	u = strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(u, "http:") || strings.HasPrefix(u, "https:") || strings.HasPrefix(u, "//") ||
		strings.HasPrefix(u, "ftp:") || strings.HasPrefix(u, "file:")
}

func (c *checker) walk(n *html.Node) {
	if n.Type == html.ElementNode {
		c.element(n)
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.walk(k)
	}
}

func (c *checker) element(n *html.Node) {
	if c.landmarks == nil {
		c.landmarks = map[string]int{}
	}
	if id, ok := attr(n, "id"); ok {
		c.ids[id]++
	}
	for _, key := range []string{"src", "href", "xlink:href", "srcset", "poster", "action", "data"} {
		if v, ok := attr(n, key); ok && external(v) {
			c.add("<%s %s=%q>: a request outside the page", n.Data, key, v)
		}
	}
	if v, ok := attr(n, "href"); ok && strings.HasPrefix(v, "#") {
		c.hrefs = append(c.hrefs, v[1:])
	}
	if c.firstFocus == nil && focusable(n) {
		c.firstFocus = n
	}
	switch n.DataAtom {
	case atom.Html:
		c.lang, _ = attr(n, "lang")
	case atom.Title:
		c.title = Text(n)
	case atom.Script:
		if _, ok := attr(n, "src"); ok {
			c.add("<script src>: a request outside the page")
		}
	case atom.Link:
		c.add("<link>: a linked resource")
	case atom.Style:
		if s := strings.ToLower(Text(n)); strings.Contains(s, "url(") || strings.Contains(s, "@import") {
			c.add("<style>: url() or @import")
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		level := int(n.Data[1] - '0')
		if level == 1 {
			c.h1++
		}
		if level > c.lastLevel+1 {
			c.add("<%s> %q after h%d: a heading level skipped", n.Data, Text(n), c.lastLevel)
		}
		if Text(n) == "" {
			c.add("<%s> empty", n.Data)
		}
		c.lastLevel = level
	case atom.Header, atom.Footer, atom.Main, atom.Nav:
		c.landmarks[n.Data]++
		if n.DataAtom == atom.Main {
			c.mainID, _ = attr(n, "id")
		}
		if n.DataAtom == atom.Nav {
			if !named(n) {
				c.add("<nav> without a name")
			}
		}
	case atom.Figure:
		first, last := firstElement(n), lastElement(n)
		if !(first != nil && first.DataAtom == atom.Figcaption || last != nil && last.DataAtom == atom.Figcaption) {
			c.add("<figure id=%q> without a figcaption first or last", idOf(n))
		}
	case atom.Table:
		if f := firstElement(n); f == nil || f.DataAtom != atom.Caption || Text(f) == "" && allText(f) == "" {
			c.add("<table id=%q> without a caption", idOf(n))
		}
	case atom.Th:
		scope, _ := attr(n, "scope")
		if scope != "col" && scope != "row" {
			c.add("<th> %q without scope", Text(n))
		}
		if n.Parent != nil && n.Parent.Parent != nil && n.Parent.Parent.DataAtom == atom.Thead && scope != "col" {
			c.add("<th> %q in thead: scope %q, want col", Text(n), scope)
		}
		if allText(n) == "" {
			c.add("<th scope=%q> empty: a header that names nothing", scope)
		}
	case atom.Svg:
		if role, _ := attr(n, "role"); role != "img" {
			c.add("<svg> without role=\"img\"")
		}
		if !named(n) {
			c.add("<svg> without an accessible name")
		}
	case atom.Img:
		if _, ok := attr(n, "alt"); !ok {
			c.add("<img> without alt")
		}
	}
	if role, _ := attr(n, "role"); role == "region" {
		if !named(n) {
			c.add("<%s role=region> without a name", n.Data)
		}
		if ti, _ := attr(n, "tabindex"); ti != "0" {
			c.add("<%s role=region> not focusable (tabindex=%q)", n.Data, ti)
		}
	}
}

// allText is the text of n, screen-reader text included.
func allText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

func named(n *html.Node) bool {
	if v, _ := attr(n, "aria-label"); strings.TrimSpace(v) != "" {
		return true
	}
	v, _ := attr(n, "aria-labelledby")
	return strings.TrimSpace(v) != ""
}

func idOf(n *html.Node) string { id, _ := attr(n, "id"); return id }

func focusable(n *html.Node) bool {
	if ti, ok := attr(n, "tabindex"); ok {
		return ti != "-1"
	}
	switch n.DataAtom {
	case atom.A:
		_, ok := attr(n, "href")
		return ok
	case atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Summary:
		return true
	}
	return false
}

func firstElement(n *html.Node) *html.Node {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode {
			return k
		}
	}
	return nil
}

func lastElement(n *html.Node) *html.Node {
	for k := n.LastChild; k != nil; k = k.PrevSibling {
		if k.Type == html.ElementNode {
			return k
		}
	}
	return nil
}

func (c *checker) finish() []string {
	if c.lang != "it" && c.lang != "en" {
		c.add("<html lang=%q>: want it or en", c.lang)
	}
	if c.title == "" {
		c.add("no <title>")
	}
	if c.h1 != 1 {
		c.add("%d h1, want 1", c.h1)
	}
	for _, l := range []string{"header", "nav", "main", "footer"} {
		if c.landmarks[l] == 0 {
			c.add("no <%s>", l)
		}
	}
	for id, n := range c.ids {
		if n > 1 {
			c.add("id %q used %d times", id, n)
		}
	}
	for _, h := range c.hrefs {
		if c.ids[h] == 0 {
			c.add("link to #%s: no such id", h)
		}
	}
	switch f := c.firstFocus; {
	case f == nil:
		c.add("nothing focusable: no skip link")
	default:
		cl, _ := attr(f, "class")
		href, _ := attr(f, "href")
		if f.DataAtom != atom.A || !hasClass(cl, "skip") {
			c.add("the first focusable element is <%s class=%q>, not the skip link", f.Data, cl)
		} else if c.mainID == "" || href != "#"+c.mainID {
			c.add("the skip link leads to %q, main's id is %q", href, c.mainID)
		}
	}
	return c.problems
}

// Table is a table of a page as its reader sees it: its caption and its
// rows (the header row first), each cell's text.
type Table struct {
	ID, Caption string
	Rows        [][]string
}

// Tables returns the tables of a page in order.
func Tables(page []byte) ([]Table, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, err
	}
	var out []Table
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			t := Table{ID: idOf(n)}
			var rows func(*html.Node)
			rows = func(n *html.Node) {
				for k := n.FirstChild; k != nil; k = k.NextSibling {
					switch {
					case k.DataAtom == atom.Caption:
						t.Caption = allText(k)
					case k.DataAtom == atom.Tr:
						var row []string
						for cell := k.FirstChild; cell != nil; cell = cell.NextSibling {
							if cell.DataAtom == atom.Td || cell.DataAtom == atom.Th {
								row = append(row, Text(cell))
							}
						}
						t.Rows = append(t.Rows, row)
					case k.Type == html.ElementNode:
						rows(k)
					}
				}
			}
			rows(n)
			out = append(out, t)
			return
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(doc)
	return out, nil
}
