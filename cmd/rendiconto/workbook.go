package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"

	"rendiconto/report/workbook"
)

var workbookCmd = &command{
	name:    "workbook",
	summary: "Write an edition's data-entry workbook (.xlsx), with drop-down lists of its codes",
	flags: func(fs *flag.FlagSet, o *options) {
		yearFlag(fs, o)
		fs.StringVar(&o.out, "out", "", "the workbook file (default out/monitoraggio-<year>-<lang>.xlsx)")
		fs.BoolVar(&o.empty, "empty", false, "headers and code lists only, no records (for a new year)")
		fs.StringVar(&o.lang, "lang", "", "the headers' language: it or en (default from config)")
	},
	run: runWorkbook,
}

func runWorkbook(ctx context.Context, e *env) error {
	years, err := e.years(false)
	if err != nil {
		return err
	}
	year := years[0]
	ed, err := e.load(year)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, ed, workbook.Options{Lang: e.cfg.Language, Empty: e.opts.empty}); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// --out names the file; the config's output folder holds the default.
	path := e.opts.out
	if path == "" {
		path = filepath.Join(e.cfg.Out, "monitoraggio-"+strconv.Itoa(year)+"-"+e.cfg.Language+".xlsx")
	}
	if err := writeAtomic(path, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, path)
	return nil
}
