package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"rendiconto/report"
	"rendiconto/report/narrative"
	"rendiconto/report/pdf"
	"rendiconto/report/yamldata"
	"rendiconto/templates"
)

var buildCmd = &command{
	name:    "build",
	summary: "Write the year's social report as a PDF",
	flags: func(fs *flag.FlagSet, o *options) {
		yearFlag(fs, o)
		fs.StringVar(&o.out, "out", "", "the output folder (default from config, \"out\")")
		fs.StringVar(&o.lang, "lang", "", "the report's language: it or en (default from config)")
	},
	run: runBuild,
}

func runBuild(_ context.Context, e *env) error {
	rs, prev, err := e.computeWithPrevious()
	if err != nil {
		return err
	}
	doc, err := narrative.Build(e.templates(), rs, prev)
	if err != nil {
		return err
	}
	style := pdf.DefaultStyle()
	if len(e.cfg.Charts.Palette) > 0 {
		style.Palette = e.cfg.Charts.Palette
	}
	out, err := pdf.Report(doc, pdf.ReportOptions{Charts: style, Author: e.cfg.Organisation})
	if err != nil {
		return err
	}
	name := strings.NewReplacer("{year}", strconv.Itoa(rs.Edition.Year), "{lang}", rs.Lang).Replace(e.cfg.Report.FileName)
	path := filepath.Join(e.cfg.Out, name)
	if err := writeAtomic(path, out); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, path)
	return nil
}

// computeWithPrevious computes the edition of --year (or the latest) and,
// when there is one, the edition before it, for comparisons.
func (e *env) computeWithPrevious() (cur, prev *report.Results, err error) {
	cur, err = e.compute()
	if err != nil {
		return nil, nil, err
	}
	years, err := yamldata.Years(e.cfg.Data)
	if err != nil {
		return nil, nil, err
	}
	before := 0
	for _, y := range years {
		if y < cur.Edition.Year {
			before = y
		}
	}
	if before == 0 {
		return cur, nil, nil
	}
	ed, err := e.load(before)
	if err != nil {
		return nil, nil, err
	}
	cat, _ := e.catalogue()
	return cur, report.Compute(ed, cat, cur.Lang), nil
}

// templates returns the report templates of the language: the config's
// folder, or the built-in ones.
func (e *env) templates() narrative.Source {
	lang := e.cfg.Language
	if e.cfg.Templates != "" {
		dir := filepath.Join(e.cfg.Templates, lang)
		return narrative.Source{FS: os.DirFS(dir), Name: dir}
	}
	sub, _ := fs.Sub(templates.FS, lang)
	return narrative.Source{FS: sub, Name: "templates/" + lang}
}

// writeAtomic writes data to path through a temporary file in the same
// folder, so a failed run never leaves a half-written or truncated file.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
