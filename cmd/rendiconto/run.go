package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/go-pdf/fpdf"

	"rendiconto/report"
	"rendiconto/report/pdf"
)

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1 // invalid data, templates or config
	exitUsage   = 2 // wrong command line
	exitBug     = 3 // an internal error: a bug to report
)

// command is one verb of the command line.
type command struct {
	name    string
	args    string
	summary string
	flags   func(fs *flag.FlagSet, o *options)
	run     func(ctx context.Context, e *env) error
}

var commands = []*command{validateCmd, indicatorsCmd, buildCmd, slidesCmd, compareCmd, newEditionCmd, workbookCmd, importCmd, templatesCmd}

const usageText = `rendiconto writes a municipality's yearly social report from one folder
of YAML per year.

Usage:
  rendiconto <command> [flags]

Commands:
%s
Every command takes --data DIR (the data root, default from config.toml or
"data") and --config FILE (default "config.toml" when present).
Run "rendiconto <command> --help" for a command's flags.
`

func usage(w io.Writer) {
	var b strings.Builder
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, usageText, b.String())
}

// usageError is a wrong command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run runs the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if p := recover(); p != nil {
			code = internalError(p, args, stderr)
		}
	}()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	var cmd *command
	for _, c := range commands {
		if c.name == args[0] {
			cmd = c
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "rendiconto: unknown command %q\n", args[0])
		usage(stderr)
		return exitUsage
	}
	e, err := parse(cmd, args[1:], stdout, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err == nil {
		err = cmd.run(ctx, e)
	}
	return report1(err, args, stderr)
}

// report1 prints err and returns its exit status.
func report1(err error, args []string, stderr io.Writer) int {
	var ue usageError
	var list report.ErrorList
	var bug *report.InternalError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, new(batchFailed)):
		return exitInvalid // every failure listed already
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "rendiconto: %s\n", ue.msg)
		return exitUsage
	case errors.As(err, &bug):
		return internalError(bug.Panic, args, stderr)
	case errors.As(err, &list):
		fmt.Fprintln(stderr, list.Error())
		fmt.Fprintf(stderr, "rendiconto: %d %s, nothing written\n", len(list), plural(len(list), "error", "errors"))
		return exitInvalid
	}
	fmt.Fprintf(stderr, "rendiconto: %v\n", err)
	return exitInvalid
}

// internalError reports a panic: one line that asks to report it, the
// stack only when RENDICONTO_DEBUG=1.
func internalError(p any, args []string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "rendiconto: internal error: %v\nThis is a bug in rendiconto, not in your data: please report it with the command you ran (rendiconto %s) and, if you can, the data; RENDICONTO_DEBUG=1 prints the details.\n",
		p, strings.Join(args, " "))
	if os.Getenv("RENDICONTO_DEBUG") == "1" {
		stderr.Write(debug.Stack())
	}
	return exitBug
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// warmFonts parses the documents' fonts in the background, once per
// process (fpdf keeps the parse; report/pdf registers the fonts on every
// document): called when the narrative starts, it shares the cores with
// the templates, rather than running alone when the first page is laid
// out. (Called before the editions load, it slowed them as much as it
// saved; started from a package's init, so as to run beside the other
// packages' initialisation, it slowed the whole build by some 3 to 6 ms.)
// A document's bytes do not depend on it (TestFontsParsedOnce).
var warmFonts = sync.OnceFunc(func() {
	go func() {
		defer func() { recover() }() // the document meets it again, where it is reported
		pdf.RegisterFonts(fpdf.New("P", "mm", "A4", ""))
	}()
})
