package html

import (
	"strings"
	"unicode/utf8"

	"rendiconto/report/document"
)

// table writes a numbered table, as the PDF numbers them (only captioned
// ones): in a box that scrolls, so a wide table never widens the page (a
// named, focusable region when it may need to, see scrolls), its caption,
// a header row of th scope="col", each row's first cell a th scope="row",
// numbers right-aligned, the total marked, the note after it.
//
// A first cell left blank under a group's name ("A. Personale", then two
// blank rows of its blocks) says the group again for screen readers, in
// a visually hidden span: a row header is never empty.
func (p *page) table(t *document.Table) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return // nothing to show, as in the PDF
	}
	numeric := func(c int) bool {
		if t.Numeric != nil {
			return c < len(t.Numeric) && t.Numeric[c]
		}
		return c > 0
	}
	caption, hidden := "", false
	if t.Caption != "" {
		p.tables++
		caption = p.w.table + " " + itoa(p.tables) + " – " + t.Caption
	} else {
		// A table without a caption gets one for screen readers: what its
		// columns are.
		caption, hidden = p.w.table+": "+strings.Join(nonEmpty(t.Header), ", "), true
	}
	var id string
	if hidden {
		p.plain++
		id = p.ids.next("t "+itoa(p.plain), "t")
	} else {
		id = p.ids.next(p.w.table+" "+itoa(p.tables), "t")
	}
	if len(t.Rows) > longTable {
		p.s("<div class=\"table-block long\">\n") // printed across pages
	} else {
		p.s("<div class=\"table-block\">\n")
	}
	p.wrap(caption, scrolls(t.Header, t.Rows, cols, numeric))
	p.s("<table id=\"", id, "\"")
	noteID := ""
	if t.Note != "" {
		noteID = id + "-nota"
		p.s(" aria-describedby=\"", noteID, "\"")
	}
	p.s(">\n")
	switch {
	case hidden:
		p.s("<caption class=\"vh\">", esc(caption), "</caption>\n")
	default:
		p.s("<caption><span class=\"label\">", esc(p.w.table+" "+itoa(p.tables)+" –"), "</span> ", esc(t.Caption), "</caption>\n")
	}
	if len(t.Header) > 0 {
		p.s("<thead>\n<tr>")
		for c := range cols {
			if h := at(t.Header, c); strings.TrimSpace(h) == "" {
				p.s("<td></td>") // a blank corner is no header
			} else {
				p.cell("th", " scope=\"col\"", numeric(c), h)
			}
		}
		p.s("</tr>\n</thead>\n")
	}
	p.s("<tbody>\n")
	group := "" // the last first cell that was not blank
	for i, r := range t.Rows {
		if i == len(t.Rows)-1 && t.Total {
			p.s("<tr class=\"total\">")
		} else {
			p.s("<tr>")
		}
		for c := range cols {
			if c == 0 {
				p.rowHeader(at(r, c), &group, numeric(c))
			} else {
				p.cell("td", "", numeric(c), at(r, c))
			}
		}
		p.s("</tr>\n")
	}
	p.s("</tbody>\n</table>\n</div>\n")
	if t.Note != "" {
		p.s("<p class=\"note\" id=\"", noteID, "\">", esc(t.Note), "</p>\n")
	}
	p.s("</div>\n")
}

// longTable is the most rows of a table printed on one page: a longer
// one may break between rows, its header repeated, rather than leave most
// of a page blank before it.
const longTable = 15

// rowHeader writes a row's first cell: a th scope="row"; when it is blank,
// the group above it (*group) hidden for the eye, or a plain cell when no
// group came before.
func (p *page) rowHeader(text string, group *string, num bool) {
	switch {
	case strings.TrimSpace(text) != "":
		*group = text
		p.cell("th", " scope=\"row\"", num, text)
	case *group != "":
		p.s("<th scope=\"row\"><span class=\"vh\">", esc(*group), "</span></th>")
	default:
		p.s("<td></td>")
	}
}

// wrap opens a table's box: one that scrolls a table too wide for the
// screen; a region named name, which the keyboard can reach to scroll it,
// when region (see scrolls).
func (p *page) wrap(name string, region bool) {
	if region {
		p.s("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"", esc(name), "\">\n")
	} else {
		p.s("<div class=\"table-wrap\">\n")
	}
}

// The narrowest screen a table must fit without scrolling: WCAG's reflow
// width, 320 CSS px, less the page's padding (2 × 16 px); a character of
// the tables' 15 px text counted 9 px wide (wide enough for digits and
// bold headers), and each cell's padding (2 × 8 px).
const (
	narrowPx = 320 - 32
	charPx   = 9
	cellPx   = 16
)

// scrolls reports whether a table may be too wide for a 320 px screen, so
// that its box must be a focusable region: a table of more than 3
// columns, or one whose columns cannot be narrowed enough. A column is as
// narrow as its longest word, or its longest number (numbers do not
// wrap). A table that fits needs no keyboard stop; one estimated wrong
// would scroll without one, which axe's scrollable-region-focusable rule
// catches in the browser check.
func scrolls(header []string, rows [][]string, cols int, numeric func(int) bool) bool {
	if cols > 3 {
		return true
	}
	px := 0
	for c := range cols {
		widest := longestWord(at(header, c)) // a header wraps between words
		for _, r := range rows {
			if numeric(c) {
				widest = max(widest, utf8.RuneCountInString(at(r, c)))
			} else {
				widest = max(widest, longestWord(at(r, c)))
			}
		}
		px += widest*charPx + cellPx
	}
	return px > narrowPx
}

// longestWord is the number of characters of the longest word of s.
func longestWord(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}

// cell writes one table cell; attrs are its attributes but the class.
func (p *page) cell(tag, attrs string, num bool, text string) {
	p.s("<", tag, attrs)
	if num {
		p.s(" class=\"num\"")
	}
	if num {
		p.s(">", esc(text), "</", tag, ">")
		return
	}
	p.s(">", breakable(text), "</", tag, ">")
}

// longToken is the length in characters from which a word of a text cell
// may break after its dots, underscores and slashes: an indicator's id
// such as "B.3.table_organisations" would otherwise set the width of its
// column on a phone.
const longToken = 13

// breakable is text escaped, with a <wbr> (a place a line may break) after
// each ".", "_" and "/" inside a word of longToken characters or more.
func breakable(text string) string {
	if longestWord(text) < longToken {
		return esc(text)
	}
	var b strings.Builder
	for i, w := range strings.Split(text, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		if utf8.RuneCountInString(w) < longToken {
			b.WriteString(esc(w))
			continue
		}
		for {
			j := strings.IndexAny(w, "._/")
			if j < 0 || j == len(w)-1 {
				b.WriteString(esc(w))
				break
			}
			b.WriteString(esc(w[:j+1]))
			b.WriteString("<wbr>")
			w = w[j+1:]
		}
	}
	return b.String()
}

// at is cells[i], "" past the end.
func at(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
