package narrative

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"text/template"
	"time"

	"rendiconto/report"
)

// Limits bound a template's execution; a zero field takes its default.
//
// text/template cannot be interrupted: a template stopped by the time limit
// while it loops without printing or calling a function (such as
// {{range $n}}{{end}} with a huge $n) goes on in its goroutine, using a CPU,
// until the program exits. Build returns at once all the same, and the
// command line tool exits on the error.
type Limits struct {
	Timeout time.Duration // per build; default 20 s
	Output  int64         // bytes of text a template may write; default 50 MB
}

// Default limits, used for a zero field of Limits.
const (
	DefaultTimeout = 20 * time.Second
	DefaultOutput  = 50 << 20
)

// withDefaults returns lim with its zero fields set to their defaults.
func (lim Limits) withDefaults() Limits {
	if lim.Timeout <= 0 {
		lim.Timeout = DefaultTimeout
	}
	if lim.Output <= 0 {
		lim.Output = DefaultOutput
	}
	return lim
}

var (
	errTimeout = errors.New("template time limit")
	errOutput  = errors.New("template output limit")
)

// output is the writer of one template's Markdown: it fails past the output
// limit, and once the build is stopped.
type output struct {
	ctx context.Context
	buf bytes.Buffer
	max int64
}

func (o *output) Write(p []byte) (int, error) {
	if err := o.ctx.Err(); err != nil {
		return 0, err
	}
	if int64(o.buf.Len())+int64(len(p)) > o.max {
		return 0, errOutput
	}
	return o.buf.Write(p)
}

// room fails when n more bytes would take the template past its output
// limit, or when the build is stopped; template functions that make text
// call it before they return the text.
func (o *output) room(n int) error {
	if err := o.ctx.Err(); err != nil {
		return err
	}
	if int64(o.buf.Len())+int64(n) > o.max {
		return errOutput
	}
	return nil
}

// execute runs t in a goroutine of its own, and returns when it ends or
// when ctx is done, whichever comes first (see Limits).
func execute(ctx context.Context, t *template.Template, data any, w *output) error {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- &report.InternalError{Where: "template", Panic: r}
			}
		}()
		done <- t.Execute(w, data)
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stopped turns the error of a template that hit a limit, or whose build
// was cancelled, into the error to return; other errors are returned as
// they are.
func (e *env) stopped(err error, file string) error {
	if e.ctx.Err() != nil {
		cause := context.Cause(e.ctx)
		if !errors.Is(cause, errTimeout) {
			return fmt.Errorf("%s: stopped: %w", file, cause)
		}
		return report.ErrorList{{Pos: report.Pos{File: file}, Msg: fmt.Sprintf(
			"the templates ran for %s, the time limit%s; raise template_timeout under [limits] in config.toml if they need longer",
			e.lim.Timeout, e.lastAction())}}
	}
	if errors.Is(err, errOutput) {
		// A function that made too long a text has a position; a text
		// written past the limit has none but the last action printed.
		pos, where := report.Pos{File: file}, e.lastAction()
		if m := execRE.FindStringSubmatch(err.Error()); m != nil {
			pos, where = templateErrors(err, file)[0].Pos, ""
		}
		return report.ErrorList{{Pos: pos, Msg: fmt.Sprintf(
			"the template writes more than %s of text, the limit%s; raise template_output under [limits] in config.toml if it needs more",
			size(e.lim.Output), where)}}
	}
	return err
}

// lastAction says where the template was last seen printing, for a message.
func (e *env) lastAction() string {
	i := e.last.Load() - 1
	if i < 0 || int(i) >= len(e.actions) {
		return ""
	}
	a := e.actions[i]
	p := nodePos(a.tree, a.node)
	return fmt.Sprintf(" (it last printed at %d:%d)", p.Line, p.Col)
}

// size writes a number of bytes for a message.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
