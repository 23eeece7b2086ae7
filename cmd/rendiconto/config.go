package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/BurntSushi/toml"

	"rendiconto/report"
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
		return c, fmt.Errorf("%s: %v", path, err)
	}
	var errs report.ErrorList
	for _, k := range md.Undecoded() {
		errs.Add(report.Pos{File: path}, "unknown key %q", k.String())
	}
	if c.Language != "it" && c.Language != "en" {
		errs.Add(report.Pos{File: path}, "language must be \"it\" or \"en\", not %q", c.Language)
	}
	if !strings.Contains(c.Report.FileName, "{year}") {
		errs.Add(report.Pos{File: path}, "report.file_name %q must contain {year}, or every edition would write the same file", c.Report.FileName)
	}
	if !strings.Contains(c.Slides.FileName, "{year}") {
		errs.Add(report.Pos{File: path}, "slides.file_name %q must contain {year}, or every edition would write the same file", c.Slides.FileName)
	}
	return c, errs.Err()
}
