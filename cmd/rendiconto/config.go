package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"rendiconto/report"
	"rendiconto/report/narrative"
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
	// Indicators are files of own indicators, written like the catalogue:
	// each adds its indicators to the catalogue, or replaces the one with
	// the same id.
	Indicators []string `toml:"indicators"`
	Report     struct {
		// FileName is the report's file name; {year} and {lang} are
		// replaced.
		FileName string `toml:"file_name"`
		// Logo is a PNG or JPEG file drawn on the cover; empty: none.
		Logo string `toml:"logo"`
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
	Limits struct {
		// TemplateTimeout is how long the templates of one document may
		// run, in seconds; TemplateOutput how much text they may write, in
		// megabytes. They stop a template that loops or floods.
		TemplateTimeout float64 `toml:"template_timeout"`
		TemplateOutput  float64 `toml:"template_output"`
		// Pages is the most pages a report or comparison may have.
		Pages int `toml:"pages"`
	} `toml:"limits"`
	Privacy struct {
		// Threshold: counts of people from 1 to Threshold−1 are not
		// published, nor the figures that would give them away (3 at
		// least, the practice of official statistics).
		Threshold int `toml:"threshold"`
	} `toml:"privacy"`
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
	c.Limits.TemplateTimeout = narrative.DefaultTimeout.Seconds()
	c.Limits.TemplateOutput = narrative.DefaultOutput >> 20
	c.Limits.Pages = 2000
	c.Privacy.Threshold = 3
	return c
}

// loadConfig reads the config file over the defaults. A missing file is fine
// when it was not asked for by name. Paths it gives are relative to its
// own folder.
func loadConfig(path string, explicit bool) (Config, error) {
	c := defaultConfig()
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && !explicit {
		return c, nil
	}
	data, err := readRegular(path, "the config file", maxConfigFile)
	if err != nil {
		return c, err
	}
	if !utf8.Valid(data) {
		return c, report.ErrorList{{Pos: report.Pos{File: path, Line: invalidUTF8Line(data)}, Msg: "not valid UTF-8 text: save the file as UTF-8"}}
	}
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return c, report.ErrorList{{Pos: report.Pos{File: path, Line: pe.Position.Line, Col: pe.Position.Col}, Msg: pe.Message}}
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
	keys := keyPositions(path, data)
	at := func(key string) report.Pos {
		if pos, ok := keys[key]; ok {
			return pos
		}
		return report.Pos{File: path}
	}
	var errs report.ErrorList
	for _, k := range md.Undecoded() {
		errs.Add(at(k.String()), "unknown key %q", k.String())
	}
	if c.Language != "it" && c.Language != "en" {
		errs.Add(at("language"), "language must be \"it\" or \"en\", not %q", c.Language)
	}
	if _, err := pdf.ParsePalette(c.Charts.Palette); err != nil {
		errs.Add(at("charts.palette"), "charts.palette: %v", err)
	}
	for _, kv := range [][2]string{{"accent", c.Slides.Accent}, {"background", c.Slides.Background}, {"text", c.Slides.Text}} {
		if _, err := pdf.ParseColor(kv[1]); kv[1] != "" && err != nil {
			errs.Add(at("slides."+kv[0]), "slides.%s: %v", kv[0], err)
		}
	}
	if c.Slides.FontSize != 0 && (c.Slides.FontSize < pdf.MinSlideText || c.Slides.FontSize > 60) {
		errs.Add(at("slides.font_size"), "slides.font_size %g: want between %g (readable in a hall) and 60 points", c.Slides.FontSize, pdf.MinSlideText)
	}
	for _, kv := range [][2]string{{"report.file_name", c.Report.FileName}, {"slides.file_name", c.Slides.FileName}} {
		if msg := checkFileName(kv[1]); msg != "" {
			errs.Add(at(kv[0]), "%s %q %s", kv[0], kv[1], msg)
		}
	}
	if c.Report.FileName == c.Slides.FileName {
		errs.Add(at("slides.file_name"), "slides.file_name %q is the report's file name too: the slides would overwrite the report", c.Slides.FileName)
	}
	if t := c.Limits.TemplateTimeout; !(t >= 1 && t <= 3600) {
		errs.Add(at("limits.template_timeout"), "limits.template_timeout %g: want seconds between 1 and 3600", t)
	}
	if p := c.Limits.Pages; p < 10 || p > 100000 {
		errs.Add(at("limits.pages"), "limits.pages %d: want between 10 and 100000", p)
	}
	if o := c.Limits.TemplateOutput; !(o >= 1 && o <= 1024) {
		errs.Add(at("limits.template_output"), "limits.template_output %g: want megabytes between 1 and 1024", o)
	}
	if t := c.Privacy.Threshold; t < 3 || t > 1000 {
		errs.Add(at("privacy.threshold"), "privacy.threshold %d: want at least 3 (counts of people from 1 to 2 can point at a person) and at most 1000", t)
	}
	// Paths in the file are relative to the file, so that a config works
	// from whatever folder the program is run.
	dir := filepath.Dir(path)
	for key, p := range map[string]*string{"data": &c.Data, "out": &c.Out, "catalogue": &c.Catalogue, "templates": &c.Templates, "slides.logo": &c.Slides.Logo, "report.logo": &c.Report.Logo} {
		if *p != "" && md.IsDefined(strings.Split(key, ".")...) && !filepath.IsAbs(*p) {
			*p = filepath.Join(dir, *p)
		}
	}
	for i, p := range c.Indicators {
		if p == "" {
			errs.Add(at("indicators"), "indicators: an empty file name")
		} else if !filepath.IsAbs(p) {
			c.Indicators[i] = filepath.Join(dir, p)
		}
	}
	// The templates folder stands over the built-in templates: one that is
	// not there would silently leave them all built-in.
	if c.Templates != "" {
		if fi, err := os.Stat(c.Templates); err != nil || !fi.IsDir() {
			errs.Add(at("templates"), "templates %q: not a folder (it holds it/, en/, slides/it/, slides/en/ with the templates that replace the built-in ones; rendiconto templates --out DIR copies them)", c.Templates)
		}
	}
	errs.Sort()
	return c, errs.Err()
}

// maxFileName leaves room, under the 255 bytes most file systems allow, for
// the year and language put in and for the temporary file's name.
const maxFileName = 200

// checkFileName says what is wrong with an output file name pattern, or
// returns "".
func checkFileName(name string) string {
	switch {
	case !strings.Contains(name, "{year}"):
		return "must contain {year}, or every edition would write the same file"
	case strings.ContainsAny(name, `/\`) || strings.Contains(name, ".."):
		return "must be a file name, without / \\ or .. : the file goes in the output folder (set out for another folder)"
	case len(name) > maxFileName:
		return fmt.Sprintf("is %d bytes long: a file name may be at most %d", len(name), maxFileName)
	case strings.HasPrefix(name, "."):
		return "must not start with a dot (a hidden file)"
	case strings.IndexFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f }) >= 0:
		return "must not hold control characters"
	}
	return ""
}

// tableRE and keyRE find a TOML table header and a key at the start of a
// line; the toml library does not give the positions of keys.
var (
	tableRE = regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]`)
	keyRE   = regexp.MustCompile(`^(\s*)([A-Za-z0-9_-]+)\s*=`)
)

// keyPositions finds the line and column of every key of a config file,
// by its dotted name ("slides.logo").
func keyPositions(file string, data []byte) map[string]report.Pos {
	out := map[string]report.Pos{}
	table := ""
	for i, line := range strings.Split(string(data), "\n") {
		if m := tableRE.FindStringSubmatch(line); m != nil {
			table = m[1] + "."
			if _, ok := out[m[1]]; !ok {
				out[m[1]] = report.Pos{File: file, Line: i + 1, Col: strings.Index(line, "[") + 1}
			}
			continue
		}
		if m := keyRE.FindStringSubmatch(line); m != nil {
			if _, ok := out[table+m[2]]; !ok {
				out[table+m[2]] = report.Pos{File: file, Line: i + 1, Col: len(m[1]) + 1}
			}
		}
	}
	return out
}

// invalidUTF8Line is the line of the first byte that is not UTF-8.
func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}
