package html

import (
	"strings"

	"rendiconto/report/document"
)

// table writes a numbered table, as the PDF numbers them (only captioned
// ones): a scrolling region of its own, so a wide table never widens the
// page, its caption, a header row of th scope="col", each row's first
// cell a th scope="row", numbers right-aligned, the total marked, the
// note after it.
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
	p.s("<div class=\"table-block\">\n")
	p.s("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"", esc(caption), "\">\n")
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
			p.cell("th", " scope=\"col\"", numeric(c), at(t.Header, c))
		}
		p.s("</tr>\n</thead>\n")
	}
	p.s("<tbody>\n")
	for i, r := range t.Rows {
		if i == len(t.Rows)-1 && t.Total {
			p.s("<tr class=\"total\">")
		} else {
			p.s("<tr>")
		}
		for c := range cols {
			if c == 0 {
				p.cell("th", " scope=\"row\"", numeric(c), at(r, c))
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

// cell writes one table cell; attrs are its attributes but the class.
func (p *page) cell(tag, attrs string, num bool, text string) {
	p.s("<", tag, attrs)
	if num {
		p.s(" class=\"num\"")
	}
	p.s(">", esc(text), "</", tag, ">")
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
