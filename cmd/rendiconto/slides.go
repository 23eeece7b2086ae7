package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"rendiconto/report"
	"rendiconto/report/narrative"
	"rendiconto/report/pdf"
)

var slidesCmd = &command{
	name:    "slides",
	summary: "Write the year's conference slides (16:9) as a PDF",
	flags: func(fs *flag.FlagSet, o *options) {
		yearFlag(fs, o)
		fs.StringVar(&o.out, "out", "", "the output folder (default from config, \"out\")")
		fs.StringVar(&o.lang, "lang", "", "the slides' language: it or en (default from config)")
	},
	run: runSlides,
}

func runSlides(ctx context.Context, e *env) error {
	history, err := e.history()
	if err != nil {
		return err
	}
	rs := history[len(history)-1]
	deck, err := narrative.BuildDeck(ctx, e.templates("slides/"+e.cfg.Language), history, narrative.Limits{})
	if err != nil {
		return err
	}
	theme, err := e.slideTheme(rs)
	if err != nil {
		return err
	}
	out, err := pdf.Slides(deck, theme)
	var slideErrs pdf.SlideErrors
	if errors.As(err, &slideErrs) {
		var list report.ErrorList
		for _, se := range slideErrs {
			msg := strings.TrimPrefix(se.Error(), se.File+": ")
			list.Add(report.Pos{File: se.File}, "%s", msg)
		}
		return list
	}
	if err != nil {
		return err
	}
	return e.output(e.cfg.Slides.FileName, rs, out)
}

// slideTheme is the config's [slides] look, with the footer's placeholders
// filled from the edition and the logo read.
func (e *env) slideTheme(rs *report.Results) (pdf.SlideTheme, error) {
	c := e.cfg.Slides
	ed := rs.Edition
	title, _ := ed.TitleIn(rs.Lang)
	th := pdf.SlideTheme{
		Accent: c.Accent, Background: c.Background, Text: c.Text, FontSize: c.FontSize,
		Numbers: c.Numbers, Author: e.cfg.Organisation, Charts: e.chartStyle(),
		Footer: strings.NewReplacer("{title}", title, "{city}", ed.Territory.Name,
			"{year}", strconv.Itoa(ed.Year), "{organisation}", ed.OrganisationIn(rs.Lang)).Replace(c.Footer),
	}
	if c.Logo == "" {
		return th, nil
	}
	switch strings.ToLower(filepath.Ext(c.Logo)) {
	case ".png":
		th.LogoType = "png"
	case ".jpg", ".jpeg":
		th.LogoType = "jpg"
	default:
		return th, fmt.Errorf("slides.logo %q: want a PNG or JPEG file (.png, .jpg)", c.Logo)
	}
	data, err := os.ReadFile(c.Logo)
	if err != nil {
		return th, fmt.Errorf("slides.logo: %w", err)
	}
	th.Logo = data
	return th, nil
}
