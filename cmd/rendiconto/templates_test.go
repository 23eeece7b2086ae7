package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"rendiconto/report/document"
	"rendiconto/report/narrative"
	"rendiconto/templates"
)

// writeFile writes text at path, making its folders.
func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ownTemplates makes a config whose templates folder holds one changed
// report part and one changed deck, and returns the config's path and the
// folder.
func ownTemplates(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	tpl := filepath.Join(dir, "tpl")
	part, _ := templates.FS.ReadFile("it/03-risultati.md")
	writeFile(t, filepath.Join(tpl, "it", "03-risultati.md"), strings.Replace(string(part), "# Risultati\n", "# Risultati della città\n", 1))
	deck, _ := templates.FS.ReadFile("slides/it/deck.md")
	writeFile(t, filepath.Join(tpl, "slides", "it", "deck.md"), strings.Replace(string(deck), "# Il percorso di oggi\n", "# Il nostro percorso\n", 1))
	cfg := filepath.Join(dir, "config.toml")
	writeFile(t, cfg, "templates = \"tpl\"\n")
	return cfg, tpl
}

// TestOwnTemplatesOverBuiltIn: a templates folder with one changed part and
// one changed deck builds the report and the slides, the other parts being
// the built-in ones.
func TestOwnTemplatesOverBuiltIn(t *testing.T) {
	cfg, _ := ownTemplates(t)
	out := t.TempDir()
	for _, args := range [][]string{
		{"build", "--lang", "it"}, {"slides", "--lang", "it"}, {"build", "--lang", "en"}, {"slides", "--lang", "en"},
	} {
		code, _, errOut := runArgs(t, append(args, "--data", "../../testdata/othercity", "--out", out, "--config", cfg)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}

	e, err := parse(buildCmd, []string{"--data", "../../testdata/othercity", "--config", cfg}, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	history, err := e.history()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := narrative.Build(context.Background(), e.templates("it"), history, "it", e.limits())
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, b := range doc.Blocks {
		if h, ok := b.(*document.Heading); ok && h.Level == 1 {
			headings = append(headings, h.Text)
		}
	}
	for _, want := range []string{"Contesto", "Risultati della città", "Apprendimento organizzativo"} {
		if !slices.Contains(headings, want) {
			t.Errorf("the report's headings %q lack %q", headings, want)
		}
	}
	if slices.Contains(headings, "Risultati") {
		t.Errorf("the built-in part replaced by the user's is still there: %q", headings)
	}
	deck, err := narrative.BuildDeck(context.Background(), e.templates("slides/it"), history, "it", e.limits())
	if err != nil {
		t.Fatal(err)
	}
	if len(deck.Slides) < 2 || deck.Slides[1].Title != "Il nostro percorso" {
		t.Errorf("the deck is not the user's: %d slides", len(deck.Slides))
	}
}

// TestOwnTemplateErrors: an error in the user's file names the user's path;
// a file that matches no built-in one is a new part.
func TestOwnTemplateErrors(t *testing.T) {
	cfg, tpl := ownTemplates(t)
	writeFile(t, filepath.Join(tpl, "it", "05-extra.md"), "# Extra\n\n{{value \"X.9\"}}\n")
	code, _, errOut := runArgs(t, "build", "--data", "../../testdata/othercity", "--out", t.TempDir(), "--config", cfg)
	want := filepath.Join(tpl, "it", "05-extra.md") + ":3:2: unknown indicator \"X.9\""
	if code != exitInvalid || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, %q; want exit 1 and %q", code, errOut, want)
	}
	writeFile(t, filepath.Join(tpl, "slides", "it", "deck.md"), "# Titolo\n\n{{if .Year}}\n")
	code, _, errOut = runArgs(t, "slides", "--data", "../../testdata/othercity", "--out", t.TempDir(), "--config", cfg)
	want = filepath.Join(tpl, "slides", "it", "deck.md") + ":"
	if code != exitInvalid || !strings.Contains(errOut, want) || strings.Contains(errOut, "templates/slides") {
		t.Errorf("exit %d, %q; want exit 1 and %q", code, errOut, want)
	}
	// A new part in a language folder the user had not made.
	writeFile(t, filepath.Join(tpl, "en", "05-extra.md"), "{{value \"X.9\"}}\n")
	code, _, errOut = runArgs(t, "build", "--lang", "en", "--data", "../../testdata/othercity", "--out", t.TempDir(), "--config", cfg)
	if want := filepath.Join(tpl, "en", "05-extra.md") + ":1:2:"; code != exitInvalid || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, %q; want %q", code, errOut, want)
	}
	// A templates folder that is not there is a config error.
	missing := writeConfig(t, "templates = \"nowhere\"\n")
	code, _, errOut = runArgs(t, "build", "--data", "../../testdata/othercity", "--out", t.TempDir(), "--config", missing)
	if code != exitInvalid || !strings.Contains(errOut, "config.toml:1:1: templates") {
		t.Errorf("exit %d, %q; want the config's line", code, errOut)
	}
}

// TestTemplatesCommand: templates --out copies the built-in set and then
// refuses to overwrite it.
func TestTemplatesCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mine")
	code, out, errOut := runArgs(t, "templates", "--out", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, name := range []string{"catalogue.yaml", "it/03-risultati.md", "en/01-context.md", "slides/it/deck.md", "slides/en/deck.md"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		want, _ := templates.FS.ReadFile(name)
		if err != nil || string(got) != string(want) {
			t.Errorf("%s: not copied as built in (%v)", name, err)
		}
	}
	if !strings.Contains(out, "0 skipped") {
		t.Errorf("stdout %q", out)
	}
	edited := filepath.Join(dir, "it", "03-risultati.md")
	writeFile(t, edited, "# Mine\n")
	code, out, errOut = runArgs(t, "templates", "--out", dir)
	if code != exitOK || !strings.Contains(errOut, edited+": already there, not overwritten") || !strings.Contains(out, "0 files copied") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if got, _ := os.ReadFile(edited); string(got) != "# Mine\n" {
		t.Errorf("an edited template was overwritten: %q", got)
	}
	if code, _, errOut := runArgs(t, "templates"); code != exitUsage || !strings.Contains(errOut, "--out") {
		t.Errorf("without --out: exit %d, %q", code, errOut)
	}
	code, out, _ = runArgs(t, "help")
	if !strings.Contains(out, "templates") {
		t.Errorf("usage does not list templates: %q", out)
	}
}

// TestOwnIndicators: config.toml's indicators add one indicator and replace
// another (whose readers read the replacement), the method part says so,
// and a broken file is reported at its file:line:col.
func TestOwnIndicators(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "own", "indicators.yaml"), `indicators:
  - id: B.3.groups
    title: {it: Cittadini nei gruppi, en: Citizens in the groups}
    unit: {it: cittadini, en: citizens}
    definition: {it: I cittadini dei gruppi., en: The groups' citizens.}
    source: groups
    measure: sum
    field: citizens
  - id: X.per_group
    title: {it: Cittadini per gruppo, en: Citizens per group}
    unit: {it: cittadini, en: citizens}
    definition: {it: Cittadini diviso gruppi., en: Citizens over groups.}
    measure: ratio
    numerator: B.3.citizens
    denominator: B.3.groups
`)
	cfg := filepath.Join(dir, "config.toml")
	writeFile(t, cfg, "indicators = [\"own/indicators.yaml\"]\n")
	code, out, errOut := runArgs(t, "indicators", "--data", "../../testdata/othercity", "--year", "2022", "--format", "json", "--config", cfg)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got indicatorsJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	values := map[string]float64{}
	for _, ind := range got.Indicators {
		if ind.Value != nil {
			values[ind.ID] = *ind.Value
		}
	}
	for id, want := range map[string]float64{"B.3.citizens": 74, "B.3.groups": 74, "X.per_group": 1} {
		if v, ok := values[id]; !ok || v != want {
			t.Errorf("%s = %v (known %v), want %v", id, v, ok, want)
		}
	}
	if last := got.Indicators[len(got.Indicators)-1].ID; last != "X.per_group" {
		t.Errorf("the added indicator is not last: %s", last)
	}

	// The method part names both.
	e, err := parse(buildCmd, []string{"--data", "../../testdata/othercity", "--config", cfg}, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	history, err := e.history()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := narrative.Build(context.Background(), e.templates("it"), history, "it", e.limits())
	if err != nil {
		t.Fatal(err)
	}
	// The method table shows only numbered ids (A.1.1, B.3.5): an
	// indicator is found by the title its text opens with.
	rows := map[string]string{}
	for _, b := range doc.Blocks {
		if tb, ok := b.(*document.Table); ok && tb.Caption == "Gli indicatori e le loro definizioni" {
			for _, r := range tb.Rows {
				if len(r) == 3 {
					if r[0] != "–" && strings.Count(r[0], ".") < 2 {
						t.Errorf("an internal id in the method table: %q", r[0])
					}
					title, _, _ := strings.Cut(r[1], ". ")
					rows[title] = r[1]
				}
			}
		}
	}
	if !strings.Contains(rows["Cittadini nei gruppi"], "Indicatore proprio, al posto di quello del catalogo") {
		t.Errorf("the method part does not say B.3.groups was replaced: %q", rows["Cittadini nei gruppi"])
	}
	if !strings.Contains(rows["Cittadini per gruppo"], "Indicatore proprio, aggiunto al catalogo") {
		t.Errorf("the method part does not say X.per_group was added: %q", rows["Cittadini per gruppo"])
	}
	if strings.Contains(rows["Cittadini coinvolti nei gruppi"], "proprio") {
		t.Errorf("a catalogue indicator said to be own: %q", rows["Cittadini coinvolti nei gruppi"])
	}

	// A broken file, at its line and column.
	writeFile(t, filepath.Join(dir, "own", "indicators.yaml"), "indicators:\n  - id: X.1\n    title: {it: a}\n    unit: {it: a}\n    definition: {it: a}\n    source: group\n    measure: count\n")
	code, _, errOut = runArgs(t, "validate", "--data", "../../testdata/othercity", "--config", cfg)
	want := filepath.Join(dir, "own", "indicators.yaml") + `:6:13: unknown source "group" (did you mean "groups"?)`
	if code != exitInvalid || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, %q; want %q", code, errOut, want)
	}
	// A file that is not there, or not a regular file.
	writeFile(t, cfg, "indicators = [\"own\"]\n")
	code, _, errOut = runArgs(t, "validate", "--data", "../../testdata/othercity", "--config", cfg)
	if code != exitInvalid || !strings.Contains(errOut, filepath.Join(dir, "own")+": the indicator file must be a regular file, not a folder") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

// TestOwnTemplateFIFO: a named pipe in the templates folder, in place of a
// built-in part, is refused, naming it, not waited on.
func TestOwnTemplateFIFO(t *testing.T) {
	cfg, tpl := ownTemplates(t)
	fifo := filepath.Join(tpl, "it", "01-contesto.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan struct{})
	var code int
	var errOut string
	go func() {
		defer close(done)
		code, _, errOut = runArgs(t, "build", "--data", "../../testdata/othercity", "--out", t.TempDir(), "--config", cfg)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the build hangs on a FIFO")
	}
	if code != exitInvalid || !strings.Contains(errOut, fifo+": it is a named pipe, not a regular file") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

// TestOwnTemplateEmptyLeavesPartOut: an empty file in the templates folder
// leaves the built-in part of its name out.
func TestOwnTemplateEmptyLeavesPartOut(t *testing.T) {
	cfg, tpl := ownTemplates(t)
	writeFile(t, filepath.Join(tpl, "it", "04-apprendimento.md"), "")
	e, err := parse(buildCmd, []string{"--data", "../../testdata/othercity", "--config", cfg}, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	history, err := e.history()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := narrative.Build(context.Background(), e.templates("it"), history, "it", e.limits())
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, b := range doc.Blocks {
		if h, ok := b.(*document.Heading); ok && h.Level == 1 {
			headings = append(headings, h.Text)
		}
	}
	if slices.Contains(headings, "Apprendimento organizzativo") || !slices.Contains(headings, "Contesto") {
		t.Errorf("headings %q", headings)
	}
}
