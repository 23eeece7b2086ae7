package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // logos
	"image/png"
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
		internalFlag(fs, o)
		districtFlag(fs, o, "slides")
		fs.StringVar(&o.out, "out", "", "the output folder (default from config, \"out\")")
		fs.StringVar(&o.lang, "lang", "", "the slides' language: it or en (default from config)")
	},
	run: runSlides,
}

func runSlides(ctx context.Context, e *env) error {
	if e.batch() {
		return e.runBatch(ctx, runSlides)
	}
	history, err := e.history()
	if err != nil {
		return err
	}
	rs := history[len(history)-1]
	warmFonts() // see run.go
	deck, err := narrative.BuildDeck(ctx, e.templates("slides/"+e.cfg.Language), history, e.cfg.Language, e.limits())
	if err != nil {
		return err
	}
	theme, err := e.slideTheme(rs)
	if err != nil {
		return err
	}
	out, warnings, err := pdf.SlidesWarn(deck, theme)
	for _, w := range warnings {
		if w.N == 0 { // the footer
			fmt.Fprintf(e.stderr, "[slides] footer: %s\n", w)
			continue
		}
		fmt.Fprintln(e.stderr, w)
	}
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
	return e.output(ctx, e.cfg.Slides.FileName, rs, out)
}

// slideTheme is the config's [slides] look, with the footer's placeholders
// filled from the edition and the logo read.
func (e *env) slideTheme(rs *report.Results) (pdf.SlideTheme, error) {
	c := e.cfg.Slides
	ed := rs.Edition
	title, _ := ed.TitleIn(e.cfg.Language)
	if d := narrative.DistrictName(rs, e.cfg.Language); d != "" {
		title += " · " + d // a district's slides name it on every page
	}
	th := pdf.SlideTheme{
		Accent: c.Accent, Background: c.Background, Text: c.Text, FontSize: c.FontSize,
		Numbers: c.Numbers, Author: e.cfg.Organisation, Charts: e.chartStyle(),
		Footer: strings.NewReplacer("{title}", title, "{city}", ed.Territory.Name,
			"{year}", strconv.Itoa(ed.Year), "{organisation}", ed.OrganisationIn(e.cfg.Language)).Replace(c.Footer),
	}
	var err error
	th.Logo, th.LogoType, err = readLogo(c.Logo, "slides.logo")
	return th, err
}

// readLogo reads and checks the logo file of a config key ("slides.logo",
// "report.logo"): nil without one; an error naming the file and the key
// when it is not a logo that can be drawn.
func readLogo(path, key string) ([]byte, string, error) {
	if path == "" {
		return nil, "", nil
	}
	data, err := readRegular(path, key, maxInputFile)
	if err != nil {
		return nil, "", err
	}
	img, kind, err := logoImage(data)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %s %v", path, key, err)
	}
	return img, kind, nil
}

// Limits of a logo: a logo needs no more, and the image is checked against
// them from its header, before it is decoded (a small file can unpack to
// gigabytes).
const (
	maxLogoSide   = 8000
	maxLogoPixels = 16 << 20
	maxLogoAspect = 10
)

// logoImage checks a logo: a PNG or a JPEG of a sensible size and shape,
// read from its header first, then decoded whole, so that a damaged file is
// refused rather than drawn half blank. A PNG is written anew as a plain
// 8-bit one, which the PDF library reads whatever the original's form
// (interlaced, 16-bit, a palette). It returns the image and the type the
// PDF library knows it by.
func logoImage(data []byte) ([]byte, string, error) {
	cfg, kind, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (kind != "png" && kind != "jpeg") {
		return nil, "", fmt.Errorf("is not a PNG or JPEG image")
	}
	w, h := cfg.Width, cfg.Height
	switch {
	case w <= 0 || h <= 0 || w > maxLogoSide || h > maxLogoSide || w*h > maxLogoPixels:
		return nil, "", fmt.Errorf("is %d×%d pixels: a logo may be at most %d pixels a side and %d megapixels", w, h, maxLogoSide, maxLogoPixels>>20)
	case w > maxLogoAspect*h || h > maxLogoAspect*w:
		return nil, "", fmt.Errorf("is %d×%d pixels: a logo may be at most %d times as wide as it is tall, or as tall as it is wide", w, h, maxLogoAspect)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("is damaged or incomplete (%v): save it again from the original", err)
	}
	if kind == "jpeg" {
		return data, "jpg", nil
	}
	flat := image.NewNRGBA(img.Bounds())
	draw.Draw(flat, flat.Bounds(), img, img.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, flat); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), "png", nil
}
