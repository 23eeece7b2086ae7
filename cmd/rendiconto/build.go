package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"rendiconto/report"
	"rendiconto/report/chart"
	"rendiconto/report/document"
	"rendiconto/report/html"
	"rendiconto/report/narrative"
	"rendiconto/report/pdf"
	"rendiconto/report/yamldata"
)

var buildCmd = &command{
	name:    "build",
	summary: "Write the year's social report as a PDF, or as an accessible web page (--format html)",
	flags: func(fs *flag.FlagSet, o *options) {
		yearFlag(fs, o)
		fs.StringVar(&o.format, "format", "pdf", "pdf, html (the accessible web edition, one self-contained file), or pdf,html for both")
		internalFlag(fs, o)
		districtFlag(fs, o, "report")
		fs.StringVar(&o.out, "out", "", "the output folder (default from config, \"out\")")
		fs.StringVar(&o.lang, "lang", "", "the report's language: it or en (default from config)")
	},
	run: runBuild,
}

func runBuild(ctx context.Context, e *env) error {
	formats, err := buildFormats(e.opts.format)
	if err != nil {
		return err
	}
	if e.batch() {
		return e.runBatch(ctx, runBuild)
	}
	// The logo is checked first: a bad one fails at once.
	logo, logoType, err := readLogo(e.cfg.Report.Logo, "report.logo")
	if err != nil {
		return err
	}
	history, err := e.history()
	if err != nil {
		return err
	}
	rs := history[len(history)-1]
	if slices.Contains(formats, "pdf") {
		warmFonts() // beside the narrative (see run.go)
	}
	doc, err := narrative.Build(ctx, e.templates(e.cfg.Language), history, e.cfg.Language, e.limits())
	if err != nil {
		return err
	}
	// Every format from the one document: the same content and figures.
	for _, f := range formats {
		var out []byte
		name := e.cfg.Report.FileName
		switch f {
		case "pdf":
			opt := e.reportOptions()
			opt.Logo, opt.LogoType = logo, logoType
			out, err = pdf.Report(doc, opt)
		case "html":
			opt := e.htmlOptions()
			opt.Logo, opt.LogoType = logo, logoType
			out, err = html.Render(doc, opt)
			name = htmlName(name)
		}
		if err != nil {
			return e.renderError(e.templates(e.cfg.Language).Name, err)
		}
		if err := e.output(ctx, name, rs, out); err != nil {
			return err
		}
	}
	return nil
}

// buildFormats parses --format of build: pdf, html, or both
// comma-separated, each once, in the order given.
func buildFormats(s string) ([]string, error) {
	if s == "" {
		return []string{"pdf"}, nil
	}
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f != "pdf" && f != "html" {
			return nil, usageError{fmt.Sprintf("--format must be pdf, html or pdf,html, not %q", s)}
		}
		if slices.Contains(out, f) {
			return nil, usageError{fmt.Sprintf("--format %q names %s twice", s, f)}
		}
		out = append(out, f)
	}
	return out, nil
}

// htmlName is the web edition's file name pattern from the PDF's: its
// ".pdf" (in any case) becomes ".html", or ".html" is added.
func htmlName(pattern string) string {
	if ext := filepath.Ext(pattern); strings.EqualFold(ext, ".pdf") {
		pattern = strings.TrimSuffix(pattern, ext)
	}
	return pattern + ".html"
}

// The web edition's charts are laid out for a phone: the browser scales an
// SVG to its column, 358 CSS pixels on a phone 390 wide (the page's 1 rem
// margins), and at most 30 rem (480 pixels) on a wider screen (the
// style sheet's max-width). A chart laid out webChartWidth points wide
// with webChartSize-point text shows its text at 10.2 pixels on the phone
// and 13.7 on a desktop; labels never shrink below webChartMinSize, 9
// pixels on the phone.
const (
	webChartWidth   = 350
	webChartSize    = 10
	webPhoneColumn  = 358 // CSS pixels
	webMinTextPx    = 9
	webChartMinSize = webMinTextPx * webChartWidth / float64(webPhoneColumn)
)

// htmlOptions are the config's options of the web edition: the charts, in
// the config's palette, laid out apart from the PDF's (narrower, with larger
// text, their heights chosen for that width, see chart.ScreenHeight), the
// marks that carry data darkened until they reach 3:1 on white (WCAG's
// non-text contrast; the PDF keeps the palette as it is); and the slides'
// accent for headings and the cover (darkened there until it reads at
// 4.5:1, see html.Readable).
func (e *env) htmlOptions() html.Options {
	style := e.chartStyle()
	style.FontSize = webChartSize
	style.MinFontSize = webChartMinSize
	style.MinFillContrast = chart.MinMarkContrast
	style.LabelLines = 3 // ScreenHeight gives them the room
	svg := func(c *document.Chart, lang string) ([]byte, error) {
		h := chart.ScreenHeight(c, webChartWidth, webChartSize)
		return chart.SVG(chart.FromDocument(c, lang), webChartWidth, h, style, c.Caption)
	}
	return html.Options{ChartSVG: svg, Accent: e.cfg.Slides.Accent}
}

// output writes a document into the output folder under the file name
// pattern, its {year} and {lang} replaced, and prints its path.
func (e *env) output(ctx context.Context, pattern string, rs *report.Results, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	name := internalName(districtName(strings.NewReplacer("{year}", strconv.Itoa(rs.Edition.Year), "{lang}", e.cfg.Language).Replace(pattern), rs), rs, e.cfg.Language)
	path := filepath.Join(e.cfg.Out, name)
	if err := writeAtomic(path, data); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, path)
	return nil
}

// history computes the edition of --year (or the latest) and every edition
// before it, oldest first, for comparisons and trends. The errors of all of
// them are reported together.
func (e *env) history() ([]*report.Results, error) {
	years, err := e.years(false)
	if err != nil {
		return nil, err
	}
	all, err := yamldata.Years(e.cfg.Data)
	if err != nil {
		return nil, err
	}
	var upTo []int
	for _, y := range all {
		if y < years[0] {
			upTo = append(upTo, y)
		}
	}
	var city []*report.Results
	if e.shared == nil {
		city, err = e.computeYears(append(upTo, years[0]))
	} else {
		// In a batch, once for all the parts of the year, whatever their
		// language (results are bilingual); the warnings go to the part
		// that computes it.
		var v any
		v, err = e.shared.get(fmt.Sprintf("history %d %v", years[0], e.opts.internal), func() (any, error) {
			return e.computeYears(append(upTo, years[0]))
		})
		city, _ = v.([]*report.Results)
	}
	if err != nil || e.opts.district == "" || e.opts.district == cityPart {
		return city, err
	}
	return e.districtHistory(city, e.opts.district)
}

// computeYears loads and computes the given editions, collecting the errors
// of all of them. The catalogue and the editions load in parallel (a build
// needs the current one and every earlier one, for the trends); their
// warnings are printed in year order, as one after the other would.
func (e *env) computeYears(years []int) ([]*report.Results, error) {
	var cat *report.Catalogue
	var catErr error
	var catPanic any
	catDone := make(chan struct{})
	go func() {
		defer func() {
			catPanic = recover()
			close(catDone)
		}()
		cat, catErr = e.catalogue()
	}()
	type part struct {
		rs       *report.Results
		warnings []string
		err      error
		panic    any // a panic of the part, raised again in this goroutine
	}
	parts := make([]part, len(years))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, y := range years {
		wg.Go(func() {
			sem <- struct{}{}
			p := &parts[i]
			defer func() {
				p.panic = recover()
				<-sem
			}()
			ed, warnings, err := yamldata.LoadFS(regularFS{os.DirFS(e.cfg.Data), maxDataFile}, e.cfg.Data, y)
			for _, w := range warnings {
				p.warnings = append(p.warnings, w.String())
			}
			if p.err = err; err != nil {
				return
			}
			if <-catDone; cat == nil {
				return // the catalogue's error is returned
			}
			for _, n := range report.CodeNotes(ed, cat) {
				p.warnings = append(p.warnings, n.String())
			}
			p.rs = report.Compute(ed, cat)
			e.withhold(p.rs)
		})
	}
	wg.Wait()
	if <-catDone; catPanic != nil {
		panic(catPanic)
	}
	if catErr != nil {
		return nil, catErr
	}
	var out []*report.Results
	var errs report.ErrorList
	var eds []*report.Edition // read so far, for the goals' checks
	for _, p := range parts {
		if p.panic != nil {
			panic(p.panic)
		}
		for _, w := range p.warnings {
			fmt.Fprintln(e.stderr, w)
		}
		var list report.ErrorList
		switch {
		case errors.As(p.err, &list):
			errs = append(errs, list...)
		case p.err != nil:
			return nil, p.err
		default:
			if list := report.CheckGoals(p.rs.Edition, cat, eds); len(list) > 0 {
				errs = append(errs, list...)
			}
			eds = append(eds, p.rs.Edition)
			out = append(out, p.rs)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// limits are the config's limits on templates.
func (e *env) limits() narrative.Limits {
	return narrative.Limits{
		Timeout: time.Duration(e.cfg.Limits.TemplateTimeout * float64(time.Second)),
		Output:  int64(e.cfg.Limits.TemplateOutput * (1 << 20)),
	}
}

// reportOptions are the config's options of an A4 document.
func (e *env) reportOptions() pdf.ReportOptions {
	return pdf.ReportOptions{Charts: e.chartStyle(), Author: e.cfg.Organisation, MaxPages: e.cfg.Limits.Pages}
}

// renderError says which limit a document passed, naming what made it.
func (e *env) renderError(what string, err error) error {
	var tm *pdf.TooManyPages
	if errors.As(err, &tm) {
		return fmt.Errorf("%s: %v: raise pages under [limits] in config.toml if it must be longer", what, err)
	}
	return err
}

// chartStyle is the default chart style with the config's palette.
func (e *env) chartStyle() pdf.Style {
	style := pdf.DefaultStyle()
	if len(e.cfg.Charts.Palette) > 0 {
		style.Palette = e.cfg.Charts.Palette
	}
	return style
}
