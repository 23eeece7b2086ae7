package main

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"rendiconto/report"
	"rendiconto/report/pdf"
)

// Config is what a user sets in config.toml. Every field has a default
// (see defaultConfig); a key the program does not know is an error.
type Config struct {
	// Organisation, when set, signs the documents instead of the edition's
	// organisation.
	Organisation string `toml:"organisation"`
	Language     string `toml:"language"`  // "it" or "en"
	Data         string `toml:"data"`      // the data root
	Out          string `toml:"out"`       // the output folder
	Catalogue    string `toml:"catalogue"` // an indicator catalogue file; empty: the built-in one
	Templates    string `toml:"templates"` // a folder of templates; empty: the built-in ones
	Report       struct {
		// FileName is the report's file name; {year} and {lang} are
		// replaced.
		FileName string `toml:"file_name"`
	} `toml:"report"`
	Charts struct {
		Palette []string `toml:"palette"` // colours as "#rrggbb"
	} `toml:"charts"`
	Slides struct {
		// FileName is the deck's file name; {year} and {lang} are replaced.
		FileName string `toml:"file_name"`
		// Footer is written at the foot of every content slide; {title},
		// {city}, {year} and {organisation} come from the edition.
		Footer     string  `toml:"footer"`
		Numbers    bool    `toml:"numbers"`    // slide numbers
		Logo       string  `toml:"logo"`       // a PNG or JPEG file; empty: none
		Accent     string  `toml:"accent"`     // "#rrggbb"
		Background string  `toml:"background"` // "#rrggbb"
		Text       string  `toml:"text"`       // "#rrggbb"
		FontSize   float64 `toml:"font_size"`  // body text, points (18 at least)
	} `toml:"slides"`
}

var tomlLineRE = regexp.MustCompile(`^line (\d+) (.*)$`)

func defaultConfig() Config {
	var c Config
	c.Language = "it"
	c.Data = "data"
	c.Out = "out"
	c.Report.FileName = "rendicontazione-sociale-{year}-{lang}.pdf"
	c.Slides.FileName = "slides-{year}-{lang}.pdf"
	c.Slides.Footer = "{title} · {year}"
	c.Slides.Numbers = true
	c.Slides.Accent, c.Slides.Background, c.Slides.Text = "#1f5f8b", "#ffffff", "#222222"
	c.Slides.FontSize = 24
	return c
}

// loadConfig reads the config file over the defaults. A missing file is fine
// when it was not asked for by name.
func loadConfig(path string, explicit bool) (Config, error) {
	c := defaultConfig()
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !explicit:
		return c, nil
	case err != nil:
		return c, err
	}
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return c, report.ErrorList{{Pos: report.Pos{File: path, Line: pe.Position.Line}, Msg: pe.Message}}
		}
		// A value of the wrong type: toml says "toml: line N (last key …): …".
		msg := strings.TrimPrefix(err.Error(), "toml: ")
		line := 0
		if m := tomlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		return c, report.ErrorList{{Pos: report.Pos{File: path, Line: line}, Msg: msg}}
	}
	var errs report.ErrorList
	for _, k := range md.Undecoded() {
		errs.Add(report.Pos{File: path}, "unknown key %q", k.String())
	}
	if c.Language != "it" && c.Language != "en" {
		errs.Add(report.Pos{File: path}, "language must be \"it\" or \"en\", not %q", c.Language)
	}
	if _, err := pdf.ParsePalette(c.Charts.Palette); err != nil {
		errs.Add(report.Pos{File: path}, "charts.palette: %v", err)
	}
	for _, kv := range [][2]string{{"accent", c.Slides.Accent}, {"background", c.Slides.Background}, {"text", c.Slides.Text}} {
		if _, err := pdf.ParseColor(kv[1]); kv[1] != "" && err != nil {
			errs.Add(report.Pos{File: path}, "slides.%s: %v", kv[0], err)
		}
	}
	if c.Slides.FontSize != 0 && (c.Slides.FontSize < pdf.MinSlideText || c.Slides.FontSize > 60) {
		errs.Add(report.Pos{File: path}, "slides.font_size %g: want between %g (readable in a hall) and 60 points", c.Slides.FontSize, pdf.MinSlideText)
	}
	if !strings.Contains(c.Report.FileName, "{year}") {
		errs.Add(report.Pos{File: path}, "report.file_name %q must contain {year}, or every edition would write the same file", c.Report.FileName)
	}
	if !strings.Contains(c.Slides.FileName, "{year}") {
		errs.Add(report.Pos{File: path}, "slides.file_name %q must contain {year}, or every edition would write the same file", c.Slides.FileName)
	}
	return c, errs.Err()
}
