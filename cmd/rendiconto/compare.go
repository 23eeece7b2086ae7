package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"rendiconto/report"
	"rendiconto/report/format"
	"rendiconto/report/html"
	"rendiconto/report/narrative"
	"rendiconto/report/pdf"
)

var compareCmd = &command{
	name:    "compare",
	summary: "Compare two editions (default: the two latest) as a PDF or a web page (html), or as table, json, csv or xlsx",
	flags: func(fs *flag.FlagSet, o *options) {
		internalFlag(fs, o)
		fs.StringVar(&o.from, "from", "", "the earlier edition's year (default: the one before --to)")
		fs.StringVar(&o.to, "to", "", "the later edition's year (default: the latest)")
		fs.StringVar(&o.format, "format", "pdf", "pdf, html or pdf,html (written to --out), or table, json, csv or xlsx (on standard output)")
		fs.StringVar(&o.out, "out", "", "the output folder of the PDF or HTML (default from config, \"out\")")
		fs.StringVar(&o.lang, "lang", "", "language: it or en (default from config)")
		fs.BoolVar(&o.slides, "slides", false, "write the main changes as 16:9 slides in the deck's look (confronto-FROM-TO-LANG-slides.pdf), not the report")
	},
	run: runCompare,
}

func runCompare(ctx context.Context, e *env) error {
	write, ok := map[string]func(io.Writer, *report.Comparison, string) error{
		"table": compareTable, "json": compareJSON, "csv": compareCSV, "xlsx": compareXLSX, "pdf": nil, "html": nil, "pdf,html": nil, "html,pdf": nil,
	}[e.opts.format]
	if !ok {
		return usageError{fmt.Sprintf("--format must be pdf, html, pdf,html, table, json, csv or xlsx, not %q", e.opts.format)}
	}
	if e.opts.slides && e.opts.format != "pdf" {
		return usageError{fmt.Sprintf("--slides writes a PDF: leave out --format %s", e.opts.format)}
	}
	if e.opts.format == "xlsx" {
		if err := refuseTerminal(e, "confronto.xlsx"); err != nil {
			return err
		}
	}
	from, to, all, err := e.compareYears()
	if err != nil {
		return err
	}
	// Every edition up to the later one, for the trends; the earlier one
	// is among them.
	var years []int
	for _, y := range all {
		if y <= to {
			years = append(years, y)
		}
	}
	history, err := e.computeYears(years)
	if err != nil {
		return err
	}
	var rf, rt *report.Results
	var between []*report.Edition // the editions after from and before to
	for _, h := range history {
		switch y := h.Edition.Year; {
		case y == from:
			rf = h
		case y == to:
			rt = h
		case y > from && y < to:
			between = append(between, h.Edition)
		}
	}
	c := report.CompareAcross(rf, rt, between)
	if write != nil {
		return write(e.stdout, c, e.cfg.Language)
	}
	if e.opts.slides {
		return e.compareSlides(ctx, c, history)
	}
	// Every format from the one document: the same content and figures.
	doc := narrative.Comparison(c, history, e.cfg.Language)
	for _, f := range strings.Split(e.opts.format, ",") {
		var out []byte
		if f == "html" {
			out, err = html.Render(doc, e.htmlOptions())
		} else {
			out, err = pdf.Report(doc, e.reportOptions())
		}
		if err != nil {
			return e.renderError(fmt.Sprintf("the comparison of %d and %d", from, to), err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		path := filepath.Join(e.cfg.Out, internalName(fmt.Sprintf("confronto-%d-%d-%s.%s", from, to, e.cfg.Language, f), rt, e.cfg.Language))
		if err := writeAtomic(path, out); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, path)
	}
	return nil
}

// compareSlides writes the comparison as slides. A deck whose slides do
// not fit is built again simpler (no charts, fewer items a slide), so that
// valid data always make a deck; the warnings of the one written are told.
func (e *env) compareSlides(ctx context.Context, c *report.Comparison, history []*report.Results) error {
	theme, err := e.slideTheme(c.To)
	if err != nil {
		return err
	}
	var out []byte
	var warnings []*pdf.SlideError
	for plain := 0; plain <= narrative.PlainestDeck; plain++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		out, warnings, err = pdf.SlidesWarn(narrative.ComparisonDeck(c, history, plain, e.cfg.Language), theme)
		var slideErrs pdf.SlideErrors
		if !errors.As(err, &slideErrs) {
			break
		}
	}
	if err != nil {
		return e.renderError(fmt.Sprintf("the slides of the comparison of %d and %d", c.From.Edition.Year, c.To.Edition.Year), err)
	}
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "[compare --slides] %s\n", w)
	}
	name := fmt.Sprintf("confronto-%d-%d-%s-slides.pdf", c.From.Edition.Year, c.To.Edition.Year, e.cfg.Language)
	path := filepath.Join(e.cfg.Out, internalName(name, c.To, e.cfg.Language))
	if err := writeAtomic(path, out); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, path)
	return nil
}

// compareYears resolves --from and --to against the editions in the data
// root: by default the two latest.
func (e *env) compareYears() (from, to int, all []int, err error) {
	all, err = e.editions()
	if err != nil {
		return 0, 0, nil, err
	}
	parse := func(flag, s string) (int, error) {
		y, err := strconv.Atoi(s)
		if err != nil {
			return 0, usageError{fmt.Sprintf("--%s must be a year such as 2019, not %q", flag, s)}
		}
		for _, have := range all {
			if have == y {
				return y, nil
			}
		}
		return 0, usageError{fmt.Sprintf("--%s %d: no such edition in %s (have %v)", flag, y, e.cfg.Data, all)}
	}
	if len(all) < 2 {
		return 0, 0, nil, usageError{fmt.Sprintf("comparing needs two editions; %s has %d", e.cfg.Data, len(all))}
	}
	to = all[len(all)-1]
	if e.opts.to != "" {
		if to, err = parse("to", e.opts.to); err != nil {
			return 0, 0, nil, err
		}
	}
	from = 0
	for _, y := range all {
		if y < to {
			from = y
		}
	}
	if e.opts.from != "" {
		if from, err = parse("from", e.opts.from); err != nil {
			return 0, 0, nil, err
		}
	}
	if from == 0 || from >= to {
		return 0, 0, nil, usageError{fmt.Sprintf("--from must be an edition before --to %d", to)}
	}
	return from, to, all, nil
}

// nullable is a number or JSON null.
func nullable(v report.Value) *float64 {
	if !v.Known {
		return nil
	}
	n := v.Num
	return &n
}

type jsonRowChange struct {
	Key    string   `json:"key"`
	Label  string   `json:"label"`
	From   *float64 `json:"from"`
	To     *float64 `json:"to"`
	Change *float64 `json:"change"`
	Note   string   `json:"note,omitempty"`
	Was    []string `json:"was,omitempty"`
	// FromSuppressed and ToSuppressed mark a row withheld to protect
	// people in that edition: its value and the change are null.
	FromSuppressed bool `json:"from_suppressed,omitempty"`
	ToSuppressed   bool `json:"to_suppressed,omitempty"`
}

type jsonChange struct {
	ID               string          `json:"id"`
	Title            string          `json:"title"`
	From             *float64        `json:"from"`
	To               *float64        `json:"to"`
	Change           *float64        `json:"change"`
	ChangePct        *float64        `json:"change_pct"`
	DefinitionChange bool            `json:"definition_change,omitempty"`
	FromSuppressed   bool            `json:"from_suppressed,omitempty"`
	ToSuppressed     bool            `json:"to_suppressed,omitempty"`
	Breakdown        []jsonRowChange `json:"breakdown,omitempty"`
}

func compareJSON(w io.Writer, c *report.Comparison, lang string) error {
	out := struct {
		From       int          `json:"from"`
		To         int          `json:"to"`
		Internal   bool         `json:"internal,omitempty"`
		Indicators []jsonChange `json:"indicators"`
	}{From: c.From.Edition.Year, To: c.To.Edition.Year, Internal: c.To.Internal, Indicators: []jsonChange{}}
	for _, ch := range c.Indicators {
		jc := jsonChange{ID: ch.Indicator.ID, Title: ch.Indicator.Title.In(lang),
			From: nullable(ch.From), To: nullable(ch.To), Change: nullable(ch.Change), ChangePct: nullable(ch.ChangePct),
			DefinitionChange: ch.DefinitionChange, FromSuppressed: ch.FromWithheld, ToSuppressed: ch.ToWithheld}
		for _, r := range ch.Breakdown {
			jc.Breakdown = append(jc.Breakdown, jsonRowChange{Key: r.Key, Label: r.Label.In(lang),
				From: nullable(r.From), To: nullable(r.To), Change: nullable(r.Change), Note: r.Note, Was: r.Was,
				FromSuppressed: r.FromWithheld, ToSuppressed: r.ToWithheld})
		}
		out.Indicators = append(out.Indicators, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func csvValue(v report.Value) string {
	if !v.Known {
		return ""
	}
	return strconv.FormatFloat(v.Num, 'f', -1, 64)
}

func compareCSV(w io.Writer, c *report.Comparison, lang string) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "title", "key", "label", "from", "to", "change", "change_pct", "note", "from_suppressed", "to_suppressed"})
	for _, ch := range c.Indicators {
		title := ch.Indicator.Title.In(lang)
		cw.Write([]string{ch.Indicator.ID, title, "", "", csvValue(ch.From), csvValue(ch.To), csvValue(ch.Change), csvValue(ch.ChangePct), "", yes(ch.FromWithheld), yes(ch.ToWithheld)})
		for _, r := range ch.Breakdown {
			cw.Write([]string{ch.Indicator.ID, title, r.Key, r.Label.In(lang), csvValue(r.From), csvValue(r.To), csvValue(r.Change), "", r.Note, yes(r.FromWithheld), yes(r.ToWithheld)})
		}
	}
	cw.Flush()
	return cw.Error()
}

func compareTable(w io.Writer, c *report.Comparison, lang string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\t\t%d\t%d\t\t\n", c.From.Edition.Year, c.To.Edition.Year)
	// the printed text: values at each indicator's precision, changes from
	// the values as printed (the JSON and CSV keep the exact numbers)
	for _, ch := range c.Indicators {
		ind := ch.Indicator
		share, dec := ind.IsShare(), format.Decimals(ind)
		either := ch.FromWithheld || ch.ToWithheld
		pct := format.ChangePctFrom(ch.From, ch.To, dec, share, lang)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", ind.ID, ind.Title.In(lang),
			np(ch.FromWithheld, format.IndValue(ch.From, ind, lang)), np(ch.ToWithheld, format.IndValue(ch.To, ind, lang)),
			np(either, format.ChangeFrom(ch.From, ch.To, dec, share, lang)), np(either, pct))
		for _, r := range ch.Breakdown {
			rdec := dec
			if !format.Euro(ind) {
				rdec = max(format.AutoDecimals(r.From.Num), format.AutoDecimals(r.To.Num))
				if ind.Measure != report.MeasureSum && ind.Measure != report.MeasureCount && ind.Measure != report.MeasureDistinct && len(ind.Parts) == 0 {
					rdec = max(rdec, dec)
				}
			}
			change := format.NAIn(lang)
			if r.Change.Known {
				change = format.ChangeFrom(r.From, r.To, rdec, false, lang)
			}
			either := r.FromWithheld || r.ToWithheld
			fmt.Fprintf(tw, "\t  %s\t%s\t%s\t%s\t%s\n", r.Label.In(lang), np(r.FromWithheld, rowValue(r.From, rdec, lang)),
				np(r.ToWithheld, rowValue(r.To, rdec, lang)), np(either, change), r.Note)
		}
	}
	return tw.Flush()
}

// np is "n.p." for a figure withheld to protect people, else s.
func np(withheld bool, s string) string {
	if withheld {
		return narrative.NP
	}
	return s
}

// rowValue prints a compared row's value with dec decimals, n.d. (n/a)
// when not available.
func rowValue(v report.Value, dec int, lang string) string {
	if !v.Known {
		return format.NAIn(lang)
	}
	return format.Fixed(v.Num, dec, lang)
}
