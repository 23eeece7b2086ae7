package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportLogo: [report] logo puts the logo on the report's cover, from
// a path relative to the config; a bad logo stops the build at once with
// the file and the reason.
func TestReportLogo(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	png.Encode(&b, image.NewGray16(image.Rect(0, 0, 300, 80)))
	os.WriteFile(filepath.Join(dir, "logo.png"), b.Bytes(), 0o644)
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("[report]\nlogo = \"logo.png\"\n"), 0o644)
	out := t.TempDir()
	code, stdout, errOut := runArgs(t, "build", "--data", "../../testdata/othercity", "--config", cfg, "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d, %s", code, errOut)
	}
	pdfData, err := os.ReadFile(strings.TrimSpace(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(pdfData, []byte("/Subtype /Image")); n != 1 {
		t.Errorf("%d images in the report, want the logo once", n)
	}

	text := filepath.Join(dir, "text.png")
	os.WriteFile(text, []byte("not an image"), 0o644)
	strip := filepath.Join(dir, "strip.png")
	os.WriteFile(strip, pngHeader(8000, 1), 0o644)
	for path, want := range map[string]string{
		text:                         text + ": report.logo is not a PNG or JPEG image",
		strip:                        strip + ": report.logo is 8000×1 pixels: a logo may be at most 10 times as wide",
		filepath.Join(dir, "no.png"): "no.png",
	} {
		cfg := writeConfig(t, "[report]\nlogo = \""+path+"\"\n")
		code, _, errOut := runArgs(t, "build", "--data", "../../testdata/othercity", "--config", cfg, "--out", t.TempDir())
		if code == exitOK || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, %q; want %q", filepath.Base(path), code, errOut, want)
		}
	}
}
