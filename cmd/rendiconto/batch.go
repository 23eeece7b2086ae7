package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"rendiconto/report"
	"rendiconto/report/yamldata"
)

// districtFlag is --district of build and slides.
func districtFlag(fs *flag.FlagSet, o *options, what string) {
	fs.StringVar(&o.district, "district", "", "the "+what+" seen from one district, by its code in edition.yaml; all for one per district; a list such as city,all for the city's and every district's")
}

// part is one output of a batch: a year, a language, a district ("" for
// the city's).
type part struct {
	year     string
	lang     string
	district string
	err      error // the part fails without running: its edition cannot be read
}

func (p part) String() string {
	s := p.year + " " + p.lang
	if p.district != "" {
		s += " " + p.district
	}
	return s
}

// batch reports whether the command line asks for several outputs:
// --district all or a list, several --year or --lang.
func (e *env) batch() bool {
	return e.opts.district == "all" || strings.Contains(e.opts.district, ",") ||
		strings.Contains(e.opts.year, ",") || strings.Contains(e.opts.lang, ",")
}

// cityPart is the word of --district's list for the whole city's output,
// the one built without --district.
const cityPart = "city"

// runBatch runs one, for each part of the batch, on a bounded pool of
// GOMAXPROCS workers. Each part runs on its own env with buffered output;
// a failing part does not stop the others. The parts' output is printed
// in part order at the end (so it is the same at every run), their
// failures listed after it; while they run, a progress bar on standard
// error when it is a terminal, one line per finished part otherwise.
func (e *env) runBatch(ctx context.Context, one func(context.Context, *env) error) error {
	parts, err := e.parts()
	if err != nil {
		return err
	}
	type result struct {
		stdout, stderr bytes.Buffer
		err            error
	}
	results := make([]result, len(parts))
	var progress func(i int)
	var mu sync.Mutex
	if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar := progressbar.NewOptions(len(parts), progressbar.OptionSetWriter(f),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
		progress = func(int) { bar.Add(1) }
	} else {
		done := 0
		progress = func(i int) {
			done++
			// the files written (two with --format pdf,html), on one line
			status := strings.Join(strings.Fields(results[i].stdout.String()), ", ")
			if results[i].err != nil {
				status = "failed"
			}
			fmt.Fprintf(e.stderr, "[%d/%d] %s: %s\n", done, len(parts), parts[i], status)
		}
	}
	common := &shared{}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			r := &results[i]
			if p.err != nil {
				r.err = p.err
				mu.Lock()
				progress(i)
				mu.Unlock()
				return
			}
			pe := *e
			pe.stdout, pe.stderr, pe.shared = &r.stdout, &r.stderr, common
			pe.opts.year, pe.opts.lang, pe.opts.district = p.year, p.lang, p.district
			pe.cfg.Language = p.lang
			func() {
				defer func() {
					if x := recover(); x != nil {
						r.err = &report.InternalError{Panic: x}
					}
				}()
				r.err = one(ctx, &pe)
			}()
			mu.Lock()
			progress(i)
			mu.Unlock()
		})
	}
	wg.Wait()
	var failed []string
	for i, r := range results {
		e.stdout.Write(r.stdout.Bytes())
		if r.stderr.Len() > 0 { // the part's warnings, under its name
			fmt.Fprintf(e.stderr, "%s:\n", parts[i])
			e.stderr.Write(r.stderr.Bytes())
		}
		if r.err != nil {
			failed = append(failed, fmt.Sprintf("%s: %s", parts[i], partError(r.err)))
		}
	}
	if len(failed) > 0 {
		fmt.Fprintf(e.stderr, "rendiconto: %d of %d %s failed:\n", len(failed), len(parts), plural(len(parts), "output", "outputs"))
		for _, f := range failed {
			fmt.Fprintf(e.stderr, "  %s\n", strings.ReplaceAll(f, "\n", "\n    "))
		}
		return batchFailed{}
	}
	return nil
}

// batchFailed is a batch with failed parts, already listed: exit status 1.
type batchFailed struct{}

func (batchFailed) Error() string { return "" }

// partError is the message of a part's error.
func partError(err error) string {
	var ue usageError
	if errors.As(err, &ue) {
		return ue.msg
	}
	return err.Error()
}

// parts are the batch's parts: every --year, --lang and --district, in
// that order of nesting. --district all is every district of the year's
// edition.
func (e *env) parts() ([]part, error) {
	var years []string
	if e.opts.year == "" {
		ys, err := e.years(false)
		if err != nil {
			return nil, err
		}
		years = []string{strconv.Itoa(ys[0])}
	} else {
		years = strings.Split(e.opts.year, ",")
	}
	langs := []string{e.cfg.Language}
	if e.opts.lang != "" {
		langs = strings.Split(e.opts.lang, ",")
	}
	if d := e.opts.district; d != "" && slices.Contains(strings.Split(d, ","), "") {
		return nil, usageError{fmt.Sprintf("--district %q has an empty item: give codes, all or city, separated by commas", d)}
	}
	var out []part
	for _, y := range years {
		districts, err := e.districtParts(y)
		if err != nil {
			// The year's parts fail, the others go on.
			for _, l := range langs {
				out = append(out, part{year: y, lang: l, district: e.opts.district, err: err})
			}
			continue
		}
		for _, l := range langs {
			for _, d := range districts {
				out = append(out, part{year: y, lang: l, district: d})
			}
		}
	}
	return out, nil
}

// districtParts are the districts of --district for year y, in the order
// given, each once: "" for the city's output ("city" in the list), every
// district of the year's edition for "all".
func (e *env) districtParts(y string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(d string) {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	for _, d := range strings.Split(e.opts.district, ",") {
		switch d = strings.TrimSpace(d); d {
		case cityPart:
			add("")
		case "all":
			n, err := strconv.Atoi(y)
			if err != nil {
				return nil, usageError{fmt.Sprintf("--year must be a year such as 2019, not %q", y)}
			}
			ed, _, err := yamldata.LoadFS(regularFS{os.DirFS(e.cfg.Data), maxDataFile}, e.cfg.Data, n)
			if err != nil {
				return nil, err
			}
			for _, d := range ed.Territory.Districts {
				add(d.Code)
			}
		case "":
			add("") // no --district: the city's
		default:
			add(d)
		}
	}
	return out, nil
}
