package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"rendiconto/report"
	"rendiconto/report/words"
	"rendiconto/report/yamldata"
	"rendiconto/templates"
)

// options are the command-line flags; a zero value means "not given".
type options struct {
	data, config, year, format, out, lang string
	from, to                              string
	empty                                 bool   // workbook --empty
	replace                               bool   // import --replace
	internal                              bool   // --internal: nothing withheld, every output stamped
	district                              string // --district: the edition seen from one district
	slides                                bool   // compare --slides
}

// env is what a command runs with: its options resolved against the config.
type env struct {
	stdout, stderr io.Writer
	opts           options
	cfg            Config
	args           []string // positional arguments
	// shared holds what the parts of a batch compute once for all of them
	// (the city's history, the districts withheld together); nil outside
	// a batch.
	shared *shared
}

func parse(cmd *command, args []string, stdout, stderr io.Writer) (*env, error) {
	fs := flag.NewFlagSet("rendiconto "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.data, "data", "", "the data root, one folder per edition (default from config, \"data\")")
	fs.StringVar(&o.config, "config", "", "the config file (default \"config.toml\" when present)")
	if cmd.flags != nil {
		cmd.flags(fs, &o)
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: rendiconto %s [flags]%s\n\n%s.\n\nFlags:\n", cmd.name, cmd.args, cmd.summary)
		fs.PrintDefaults()
	}
	fs.SetOutput(io.Discard) // errors are reported once, below
	// Flags may come before or after the positional arguments.
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				fs.SetOutput(stdout)
				fs.Usage()
				return nil, err
			}
			fs.SetOutput(stderr)
			fs.Usage()
			return nil, usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	e := &env{stdout: stdout, stderr: stderr, opts: o, args: positional}
	if cmd.args == "" && len(e.args) > 0 {
		return nil, usageError{fmt.Sprintf("%s takes no arguments, got %q", cmd.name, e.args[0])}
	}
	path, explicit := o.config, o.config != ""
	if !explicit {
		path = "config.toml"
	}
	cfg, err := loadConfig(path, explicit)
	if err != nil {
		return nil, err
	}
	if o.data != "" {
		cfg.Data = o.data
	}
	if o.out != "" {
		cfg.Out = o.out
	}
	if o.lang != "" {
		// build and slides take several: --lang it,en
		langs := strings.Split(o.lang, ",")
		if len(langs) > 1 && cmd != buildCmd && cmd != slidesCmd {
			return nil, usageError{fmt.Sprintf("--lang must be it or en, not %q", o.lang)}
		}
		for _, l := range langs {
			if l != "it" && l != "en" {
				return nil, usageError{fmt.Sprintf("--lang must be it or en, not %q", l)}
			}
		}
		cfg.Language = langs[0]
	}
	e.cfg = cfg
	return e, nil
}

// internalFlag is --internal of the commands that publish figures.
func internalFlag(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.internal, "internal", false, "for internal use only: show the counts of people the privacy threshold withholds, stamp every page \"USO INTERNO\" and name the files -interno/-internal")
}

// withhold withholds the small counts of people of the results, or with
// --internal marks them for internal use instead.
func (e *env) withhold(rs *report.Results) {
	if e.opts.internal {
		rs.Internal = true
		return
	}
	report.Withhold(rs, e.cfg.Privacy.Threshold)
}

// internalName puts "-interno" ("-internal" in English) before the
// extension of an output file's name when the output is for internal use.
func internalName(name string, rs *report.Results, lang string) string {
	if !rs.Internal {
		return name
	}
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + words.For(lang).InternalSuffix + ext
}

func yearFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.year, "year", "", "the edition's year (default: the latest)")
}

// years returns the editions a command works on: the one asked with
// --year, else the latest (or all of them when all is set).
func (e *env) years(all bool) ([]int, error) {
	have, err := e.editions()
	if err != nil {
		return nil, err
	}
	if e.opts.year != "" {
		y, err := strconv.Atoi(e.opts.year)
		if err != nil {
			return nil, usageError{fmt.Sprintf("--year must be a year such as 2019, not %q", e.opts.year)}
		}
		if !slices.Contains(have, y) {
			return nil, usageError{fmt.Sprintf("--year %d: no such edition in %s (have %v)", y, e.cfg.Data, have)}
		}
		return []int{y}, nil
	}
	if len(have) == 0 {
		return nil, fmt.Errorf("%s: no edition in the data root: expected folders named by year, such as %s", e.cfg.Data, filepath.Join(e.cfg.Data, "2019"))
	}
	if all {
		return have, nil
	}
	return have[len(have)-1:], nil
}

// catalogue reads the indicator catalogue: the config's file, or the
// built-in one, with the config's own indicators. In a batch it is read
// once for all the parts (it is only read; the config is the same).
func (e *env) catalogue() (*report.Catalogue, error) {
	if e.shared == nil {
		return e.readCatalogue()
	}
	v, err := e.shared.get("catalogue", func() (any, error) { return e.readCatalogue() })
	cat, _ := v.(*report.Catalogue)
	return cat, err
}

func (e *env) readCatalogue() (*report.Catalogue, error) {
	name, data := "templates/catalogue.yaml", []byte(nil)
	var err error
	if e.cfg.Catalogue != "" {
		name = e.cfg.Catalogue
		data, err = readRegular(name, "the catalogue", maxInputFile)
	} else {
		data, err = templates.FS.ReadFile("catalogue.yaml")
	}
	if err != nil {
		return nil, err
	}
	cat, err := yamldata.ParseCatalogue(name, data)
	if err != nil {
		return nil, err
	}
	// Own indicators, added or in place of the catalogue's.
	for _, file := range e.cfg.Indicators {
		data, err := readRegular(file, "the indicator file", maxInputFile)
		if err != nil {
			return nil, err
		}
		if cat, err = yamldata.MergeIndicators(cat, file, data); err != nil {
			return nil, err
		}
	}
	return cat, nil
}

// load reads one edition, printing its warnings.
func (e *env) load(year int) (*report.Edition, error) {
	ed, warnings, err := yamldata.LoadFS(regularFS{os.DirFS(e.cfg.Data), maxDataFile}, e.cfg.Data, year)
	for _, w := range warnings {
		fmt.Fprintln(e.stderr, w)
	}
	return ed, err
}

// computeEdition computes the catalogue on a loaded edition, first printing
// a warning for each code the catalogue's conditions name that the edition's
// code lists lack (its indicator is n.d.), and withholds the small counts
// of people.
func (e *env) computeEdition(ed *report.Edition, cat *report.Catalogue) *report.Results {
	e.noteCodes(ed, cat)
	rs := report.Compute(ed, cat)
	e.withhold(rs)
	return rs
}

// noteCodes prints the warnings of report.CodeNotes.
func (e *env) noteCodes(ed *report.Edition, cat *report.Catalogue) {
	for _, n := range report.CodeNotes(ed, cat) {
		fmt.Fprintln(e.stderr, n)
	}
}

// editions returns the years of the editions in the data root.
func (e *env) editions() ([]int, error) {
	have, err := yamldata.Years(e.cfg.Data)
	if err != nil {
		return nil, inputError(e.cfg.Data, "the data root", err)
	}
	// A folder named like a year the program does not take (0000, 0219)
	// would be passed over without a word.
	entries, _ := os.ReadDir(e.cfg.Data)
	for _, d := range entries {
		if n := d.Name(); len(n) == 4 && n[0] == '0' && strings.Trim(n, "0123456789") == "" {
			fmt.Fprintf(e.stderr, "%s: warning: not read: an edition's folder is named by its year, from 1000 to 9999\n", filepath.Join(e.cfg.Data, n))
		}
	}
	return have, nil
}
