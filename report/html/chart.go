package html

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"

	"rendiconto/report/chart"
	"rendiconto/report/document"
)

// chart writes a numbered figure, as the PDF numbers them: its caption and
// note, the chart as inline SVG (when Options.ChartSVG draws it) and its
// data as a table, in a <details> under the SVG, or shown at once without
// one.
func (p *page) chart(c *document.Chart) error {
	p.figures++
	label := p.w.figure + " " + itoa(p.figures)
	id := p.ids.next(label, "figura")
	name := label + " – " + c.Caption
	if c.Caption == "" {
		name = label
	}
	p.s("<figure id=\"", id, "\" class=\"chart\">\n<figcaption><span class=\"label\">", esc(label+" –"), "</span> ", esc(c.Caption))
	if c.Note != "" {
		p.s("<span class=\"note\">", esc(c.Note), "</span>")
	}
	p.s("</figcaption>\n")
	var svg []byte
	if p.opt.ChartSVG != nil {
		raw, err := p.opt.ChartSVG(c, p.lang)
		if err != nil {
			return fmt.Errorf("%s «%s»: %w", label, c.Caption, err)
		}
		if svg, err = inlineSVG(raw, name); err != nil {
			return fmt.Errorf("%s «%s»: %w", label, c.Caption, err)
		}
	}
	dataName := p.w.chartData + ": " + name
	if svg != nil {
		p.s("<div class=\"chart-svg\">\n")
		p.b.Write(svg)
		p.s("\n</div>\n<details>\n<summary>", esc(p.w.chartData+" – "+label), "</summary>\n")
	}
	if len(c.Labels) == 0 || len(c.Series) == 0 {
		p.s("<p class=\"note\">", esc(p.w.noData), "</p>\n") // as the PDF's empty chart
	} else {
		p.chartTable(c, dataName)
	}
	if svg != nil {
		p.s("</details>\n")
	}
	p.s("</figure>\n")
	return nil
}

// chartTable writes a chart's data as a table, its figures printed as the
// PDF's labels print them: a row per category and a column per series (a
// sparkline table, as the PDF draws it: a row per series and a column per
// category), the total of a stack, the share of a slice; "–" where there
// is no figure.
func (p *page) chartTable(c *document.Chart, name string) {
	head, rows := chartCells(c, p.lang, p.w)
	// the first column is the categories' names, the others figures
	p.wrap(name, scrolls(head, rows, len(head), func(c int) bool { return c > 0 }))
	p.s("<table>\n<caption class=\"vh\">", esc(name), "</caption>\n")
	p.s("<thead>\n<tr>")
	for i, h := range head {
		p.cell("th", " scope=\"col\"", i > 0, h)
	}
	p.s("</tr>\n</thead>\n<tbody>\n")
	for _, r := range rows {
		p.s("<tr>")
		for i, v := range r {
			switch {
			case i == 0:
				p.cell("th", " scope=\"row\"", false, v)
			case v == p.w.na:
				// "–" for the eye, its meaning for a screen reader
				p.s("<td class=\"num\"><span aria-hidden=\"true\">", esc(v), "</span><span class=\"vh\">", esc(p.w.naLong), "</span></td>")
			default:
				p.cell("td", "", true, v)
			}
		}
		p.s("</tr>\n")
	}
	p.s("</tbody>\n</table>\n</div>\n")
}

// chartCells are the header and the rows of a chart's data table.
func chartCells(c *document.Chart, lang string, w pageWords) (head []string, rows [][]string) {
	seriesName := func(s document.Series) string {
		if s.Name == "" && len(c.Series) == 1 {
			return w.value
		}
		return s.Name
	}
	if c.Kind == document.ChartSpark {
		// a row per series, each with decimals of its own, as the PDF's
		head = append([]string{w.category}, c.Labels...)
		for _, s := range c.Series {
			f := chart.SeriesFormat([][]float64{s.Values}, c.Percent, lang)
			row := []string{seriesName(s)}
			for i := range c.Labels {
				row = append(row, f(value(s.Values, i)))
			}
			rows = append(rows, row)
		}
		return head, rows
	}
	f := chart.ValueFormat(chart.FromDocument(c, lang))
	head = []string{w.category}
	for _, s := range c.Series {
		head = append(head, seriesName(s))
	}
	pie := c.Kind == document.ChartPie || c.Kind == document.ChartDonut
	stack := c.Kind == document.ChartStacked && len(c.Series) > 1
	total := 0.0
	switch {
	case pie && !c.Percent && len(c.Series) == 1:
		for _, v := range c.Series[0].Values {
			total += v
		}
		if total > 0 {
			head = append(head, w.share)
		}
	case stack:
		head = append(head, w.total)
	}
	for i, l := range c.Labels {
		row := []string{l}
		sum := 0.0
		for _, s := range c.Series {
			v := value(s.Values, i)
			row = append(row, f(v))
			if !math.IsNaN(v) {
				sum += v
			}
		}
		switch {
		case pie && total > 0 && !c.Percent && len(c.Series) == 1:
			row = append(row, percent(value(c.Series[0].Values, i)/total, lang, w))
		case stack:
			row = append(row, f(sum))
		}
		rows = append(rows, row)
	}
	return head, rows
}

// value is vs[i], NaN past the end.
func value(vs []float64, i int) float64 {
	if i < len(vs) {
		return vs[i]
	}
	return math.NaN()
}

// percent is a fraction as a percentage with one decimal, "17,2%".
func percent(v float64, lang string, w pageWords) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return w.na
	}
	return chart.FormatValue(v, true, lang)
}

// inlineSVG makes a chart's SVG fit to stand in the page: any XML
// declaration, doctype or comment before it dropped, role="img" and the
// accessible name added to its <svg> tag when it has none.
func inlineSVG(b []byte, name string) ([]byte, error) {
	for b = bytes.TrimSpace(b); bytes.HasPrefix(b, []byte("<?")) || bytes.HasPrefix(b, []byte("<!")); b = bytes.TrimSpace(b) {
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			b = skipPast(b, "?>")
		case bytes.HasPrefix(b, []byte("<!--")):
			b = skipPast(b, "-->")
		default: // a doctype
			b = skipPast(b, ">")
		}
	}
	if !bytes.HasPrefix(b, []byte("<svg")) || len(b) < 5 || !strings.ContainsRune(" \t\r\n>/", rune(b[4])) {
		return nil, fmt.Errorf("the chart is not an SVG image")
	}
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return nil, fmt.Errorf("the chart's SVG is cut short")
	}
	tag := string(b[:end])
	closing := ""
	if strings.HasSuffix(tag, "/") {
		tag, closing = tag[:len(tag)-1], "/"
	}
	var add strings.Builder
	if !strings.Contains(tag, " role=") {
		add.WriteString(` role="img"`)
	}
	if !strings.Contains(tag, " aria-label=") && !strings.Contains(tag, " aria-labelledby=") {
		add.WriteString(` aria-label="` + esc(name) + `"`)
	}
	if !strings.Contains(tag, " viewBox=") {
		// without one the image would be cut, not scaled, on a narrow screen
		w, okW := pixels(tag, "width")
		h, okH := pixels(tag, "height")
		if okW && okH {
			fmt.Fprintf(&add, ` viewBox="0 0 %s %s"`, w, h)
		}
	}
	out := make([]byte, 0, len(b)+add.Len())
	out = append(out, tag...)
	out = append(out, add.String()...)
	out = append(out, closing...)
	out = append(out, b[end:]...)
	return out, nil
}

var sizeRE = map[string]*regexp.Regexp{
	"width":  regexp.MustCompile(`\swidth="([0-9]+(?:\.[0-9]+)?)(?:px)?"`),
	"height": regexp.MustCompile(`\sheight="([0-9]+(?:\.[0-9]+)?)(?:px)?"`),
}

// pixels is the number of an svg tag's width or height given in pixels.
func pixels(tag, attr string) (string, bool) {
	m := sizeRE[attr].FindStringSubmatch(tag)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// skipPast is b after the first end, nothing when there is none.
func skipPast(b []byte, end string) []byte {
	if i := bytes.Index(b, []byte(end)); i >= 0 {
		return b[i+len(end):]
	}
	return nil
}
