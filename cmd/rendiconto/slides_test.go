package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSlides(t *testing.T) {
	out := t.TempDir()
	var first []byte
	for _, lang := range []string{"it", "en", "it"} {
		code, stdout, stderr := runArgs(t, "slides", "--data", "../../data", "--year", "2019", "--lang", lang, "--out", out)
		want := filepath.Join(out, "slides-2019-"+lang+".pdf")
		if code != exitOK || strings.TrimSpace(stdout) != want {
			t.Fatalf("%s: exit %d, stdout %q, stderr %q", lang, code, stdout, stderr)
		}
		data, err := os.ReadFile(want)
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(data, []byte("/Type /Page\n")); n < 12 {
			t.Errorf("%s: %d slides, want at least 12", lang, n)
		}
		if lang == "it" && first != nil && !bytes.Equal(first, data) {
			t.Error("two runs wrote different bytes")
		}
		if lang == "it" {
			first = data
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 {
		t.Errorf("the output folder holds %d files, want the two decks and no temporary file", len(entries))
	}
}

func TestSlidesErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	long := strings.Repeat("Una frase lunga che riempie la slide fino a non starci più. ", 50)
	write("tpl/slides/it/deck.md", "# Breve\n\n- uno\n\n---\n\n# Troppo lungo\n\n"+long+"\n")
	cfg := write("ok.toml", "templates = "+quote(filepath.Join(dir, "tpl"))+"\n")
	bad := write("bad.toml", "[slides]\ncolour = \"#fff\"\n")
	out := filepath.Join(dir, "out")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--config", cfg}, "tpl/slides/it/deck.md: slide 2 «Troppo lungo»: no room for the text even at 18 pt"},
		{[]string{"--config", bad}, `unknown key "slides.colour"`},
	}
	for _, tt := range tests {
		args := append([]string{"slides", "--data", "../../data", "--year", "2019", "--out", out}, tt.args...)
		code, _, stderr := runArgs(t, args...)
		if code != exitInvalid || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", tt.args, code, stderr, tt.want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed run wrote the output folder")
	}
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `\`, `\\`) + `"` }

// TestCompareSlides: compare --slides writes the deck of the comparison,
// named for its editions and language, the same bytes twice, nothing else
// in the output folder; --slides with another format is refused.
func TestCompareSlides(t *testing.T) {
	out := t.TempDir()
	var first []byte
	for _, lang := range []string{"it", "en", "it"} {
		code, stdout, stderr := runArgs(t, "compare", "--slides", "--data", "../../data", "--from", "2018", "--to", "2020", "--lang", lang, "--out", out)
		want := filepath.Join(out, "confronto-2018-2020-"+lang+"-slides.pdf")
		if code != exitOK || strings.TrimSpace(stdout) != want {
			t.Fatalf("%s: exit %d, stdout %q, stderr %q", lang, code, stdout, stderr)
		}
		data, err := os.ReadFile(want)
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(data, []byte("/Type /Page\n")); n < 6 || n > 10 {
			t.Errorf("%s: %d slides, want 6 to 10", lang, n)
		}
		if lang == "it" && first != nil && !bytes.Equal(first, data) {
			t.Error("two runs wrote different bytes")
		}
		if lang == "it" {
			first = data
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 2 {
		t.Errorf("the output folder holds %d files, want the two decks", len(entries))
	}
	code, _, stderr := runArgs(t, "compare", "--slides", "--format", "json", "--data", "../../data")
	if code == exitOK || !strings.Contains(stderr, "--slides writes a PDF") {
		t.Errorf("--slides --format json: exit %d, stderr %q", code, stderr)
	}
}
