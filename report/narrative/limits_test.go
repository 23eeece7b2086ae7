package narrative

import (
	"context"
	"errors"
	"rendiconto/report"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// limited builds a report from the template, followed by a second small
// one, under lim and ctx, and returns how long it took and its error.
func limited(t *testing.T, ctx context.Context, template string, lim Limits) (time.Duration, error) {
	t.Helper()
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	src := Source{FS: fstest.MapFS{"a.md": {Data: []byte(template)}, "b.md": {Data: []byte("# B")}}, Name: "t"}
	start := time.Now()
	_, err := Build(ctx, src, hs, "it", lim)
	return time.Since(start), err
}

// TestRangeLiteral: a template that ranges over a huge number is refused
// when it is parsed, with its position, by Build and by BuildDeck.
func TestRangeLiteral(t *testing.T) {
	const tmpl = "# T\n\n{{range 100000000000}}{{end}}"
	took, err := limited(t, context.Background(), tmpl, Limits{})
	t.Logf("{{range 100000000000}} stopped in %s", took)
	if err == nil || !strings.HasPrefix(err.Error(), "t/a.md:3:8: range 100000000000: ") {
		t.Fatalf("got %v", err)
	}
	if took > time.Second {
		t.Errorf("took %s", took)
	}
	hs := history(t, "../../testdata/othercity", "it", 2022)
	_, err = BuildDeck(context.Background(), Source{FS: fstest.MapFS{"a.md": {Data: []byte(tmpl)}}, Name: "t"}, hs, "it", Limits{})
	if err == nil || !strings.HasPrefix(err.Error(), "t/a.md:3:8: range 100000000000: ") {
		t.Fatalf("deck: got %v", err)
	}
	if _, err := limited(t, context.Background(), "{{range 1000}}{{end}}{{range 3}}x{{end}}", Limits{}); err != nil {
		t.Errorf("a small range: %v", err)
	}
}

// TestTimeout: loops the parse-time check cannot see are stopped by the
// time limit, with the template's name and the setting to change; both one
// that calls nothing and prints nothing, and one that calls functions.
func TestTimeout(t *testing.T) {
	for _, tmpl := range []string{
		"# T\n\n{{range 1000000}}{{range 1000000}}{{end}}{{end}}",
		"# T\n\n{{.City}} {{range $i := 1000000}}{{range 1000000}}{{if known \"B.3.3\"}}{{end}}{{end}}{{end}}",
	} {
		took, err := limited(t, context.Background(), tmpl, Limits{Timeout: 200 * time.Millisecond})
		t.Logf("%s: stopped in %s: %v", tmpl, took, err)
		if err == nil || !strings.HasPrefix(err.Error(), "t/a.md: the templates ran for 200ms, the time limit") || strings.Contains(err.Error(), "\n") ||
			!strings.Contains(err.Error(), "template_timeout under [limits] in config.toml") {
			t.Errorf("%s: got %v", tmpl, err)
		}
		if took > 2*time.Second {
			t.Errorf("%s: took %s", tmpl, took)
		}
	}
}

// TestOutputLimit: text past the output limit stops the template, whether
// it is printed or grown in a variable.
func TestOutputLimit(t *testing.T) {
	for _, tmpl := range []string{
		"# T\n\n{{range 1000000}}0123456789 0123456789 0123456789{{end}}",
		"# T\n\n{{range 1000000}}{{$.City}}{{end}}",
		`{{$s := "0123456789"}}{{range 60}}{{$s = printf "%s%s" $s $s}}{{end}}{{$s}}`,
		`{{$s := "0123456789"}}{{range 60}}{{$s = print $s $s}}{{end}}`,
	} {
		took, err := limited(t, context.Background(), tmpl, Limits{Output: 1 << 20})
		t.Logf("%s: stopped in %s: %v", tmpl, took, err)
		if err == nil || !strings.Contains(err.Error(), "the template writes more than 1 MB of text, the limit") ||
			!strings.Contains(err.Error(), "template_output under [limits] in config.toml") {
			t.Errorf("%s: got %v", tmpl, err)
		}
	}
	if _, err := limited(t, context.Background(), "{{range 1000}}0123456789{{end}}", Limits{Output: 1 << 20}); err != nil {
		t.Errorf("10 KB: %v", err)
	}
}

// TestCancel: a cancelled context stops the build before it starts and
// while a template runs; the error wraps the context's.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := limited(t, ctx, "# T", Limits{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before: got %v", err)
	}
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	src := Source{FS: fstest.MapFS{"a.md": {Data: []byte("{{range 1000000}}{{range 1000000}}{{if known \"B.3.3\"}}{{end}}{{end}}{{end}}")}}, Name: "t"}
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err = Build(ctx, src, hs, "it", Limits{})
	took := time.Since(start)
	t.Logf("cancelled after 100ms: stopped in %s: %v", took, err)
	if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "t/a.md: stopped: ") {
		t.Errorf("cancelled while running: got %v", err)
	}
	if took > time.Second {
		t.Errorf("took %s", took)
	}
}

// TestInternalErrorEndsTheBuild: a panic recovered from a template run is a
// bug, returned as it is, not listed as a mistake in the user's template.
func TestInternalErrorEndsTheBuild(t *testing.T) {
	bug := &report.InternalError{Where: "template", Panic: "boom"}
	errs, err := collect(nil, bug, "t/a.md")
	if err != bug || len(errs) != 0 {
		t.Errorf("collect: %v, %v", errs, err)
	}
}
