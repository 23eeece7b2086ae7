package main

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"rendiconto/report"
)

// writeConfig writes a config file in a folder of its own and returns its
// path.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestHostileConfig: every refusal of a config file names the file and the
// key's line, and nothing is written outside --out.
func TestHostileConfig(t *testing.T) {
	for _, tc := range []struct {
		name, config, want string
	}{
		{"escape", "[report]\nfile_name = \"{year}/../../../escaped-{lang}.pdf\"\n", `config.toml:2:1: report.file_name "{year}/../../../escaped-{lang}.pdf" must be a file name`},
		{"backslash", "[slides]\nnumbers = true\nfile_name = 'a\\{year}.pdf'\n", `config.toml:3:1: slides.file_name`},
		{"hidden", "[report]\n  file_name = \".{year}.pdf\"\n", `config.toml:2:3: report.file_name ".{year}.pdf" must not start with a dot`},
		{"same names", "[report]\nfile_name = \"out-{year}.pdf\"\n[slides]\nfile_name = \"out-{year}.pdf\"\n", `config.toml:4:1: slides.file_name "out-{year}.pdf" is the report's file name too`},
		{"long name", "[report]\nfile_name = \"" + strings.Repeat("r", 300) + "-{year}.pdf\"\n", `config.toml:2:1: report.file_name "rrr`},
		{"unknown key", "language = \"it\"\n\n[slides]\ncolour = \"red\"\n", `config.toml:4:1: unknown key "slides.colour"`},
		{"timeout", "[limits]\ntemplate_timeout = 0\n", `config.toml:2:1: limits.template_timeout 0: want seconds between 1 and 3600`},
		{"output", "[limits]\ntemplate_output = 1e9\n", `config.toml:2:1: limits.template_output 1e+09: want megabytes`},
		{"not utf-8", "language = \"it\"\norganisation = \"\xff\"\n", `config.toml:2: not valid UTF-8`},
		{"syntax", "language = \n", `config.toml:1:`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			cfg := writeConfig(t, tc.config)
			code, _, errOut := runArgs(t, "build", "--data", "../../testdata/othercity", "--out", filepath.Join(out, "out"), "--config", cfg)
			if code != exitInvalid || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, %q; want exit 1 and %q", code, errOut, tc.want)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("a refused config wrote %d files", len(entries))
			}
		})
	}
}

// TestConfigPathsRelativeToConfig: the data root and the output folder of
// a config file are found from the file's folder, whatever the current one.
func TestConfigPathsRelativeToConfig(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../testdata/othercity/2022", filepath.Join(dir, "dati", "2022"))
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("data = \"dati\"\nout = \"uscita\"\n"), 0o644)
	code, out, errOut := runArgs(t, "build", "--config", cfg)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := filepath.Join(dir, "uscita", "rendicontazione-sociale-2022-it.pdf")
	if strings.TrimSpace(out) != want {
		t.Errorf("wrote %q, want %q", out, want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Error(err)
	}
}

// TestOutputErrors: an --out that is a file, or a folder without write
// permission, is refused in the user's words, not the system's.
func TestOutputErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "afile")
	os.WriteFile(file, []byte("x"), 0o644)
	code, _, errOut := runArgs(t, "build", "--data", "../../testdata/othercity", "--out", filepath.Join(file, "sub"))
	if code != exitInvalid || !strings.Contains(errOut, "goes through a file, not a folder") || strings.Contains(errOut, "mkdir") {
		t.Errorf("--out through a file: exit %d, %q", code, errOut)
	}
	if os.Geteuid() == 0 {
		return // root writes anywhere
	}
	ro := t.TempDir()
	os.Chmod(ro, 0o555)
	defer os.Chmod(ro, 0o755)
	code, _, errOut = runArgs(t, "build", "--data", "../../testdata/othercity", "--out", ro)
	if code != exitInvalid || !strings.Contains(errOut, "no permission to write") {
		t.Errorf("read-only --out: exit %d, %q", code, errOut)
	}
}

// TestDataRootErrors: a data root that cannot be read is bad data (exit 1),
// said with the folder's name.
func TestDataRootErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere")
	code, _, errOut := runArgs(t, "validate", "--data", missing)
	if code != exitInvalid || !strings.Contains(errOut, missing+": the data root not found") {
		t.Errorf("missing data root: exit %d, %q", code, errOut)
	}
	code, _, errOut = runArgs(t, "validate", "--data", t.TempDir())
	if code != exitInvalid || !strings.Contains(errOut, "no edition in the data root") {
		t.Errorf("empty data root: exit %d, %q", code, errOut)
	}
	root := t.TempDir()
	copyDir(t, "../../testdata/othercity/2022", filepath.Join(root, "0022"))
	code, _, errOut = runArgs(t, "validate", "--data", root)
	if code != exitInvalid || !strings.Contains(errOut, "0022: warning: not read: an edition's folder is named by its year") {
		t.Errorf("a year folder 0022: exit %d, %q", code, errOut)
	}
}

// TestSpecialFiles: a FIFO as the logo, the catalogue or a data file is
// refused at once instead of hanging the run.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "logo.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	data := t.TempDir()
	copyDir(t, "../../testdata/othercity/2022", filepath.Join(data, "2022"))
	os.Remove(filepath.Join(data, "2022", "groups.yaml"))
	syscall.Mkfifo(filepath.Join(data, "2022", "groups.yaml"), 0o644)
	folder := t.TempDir()
	copyDir(t, "../../testdata/othercity/2022", filepath.Join(folder, "2022"))
	os.Remove(filepath.Join(folder, "2022", "projects.yaml"))
	os.Mkdir(filepath.Join(folder, "2022", "projects.yaml"), 0o755)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"logo", []string{"slides", "--data", "../../testdata/othercity", "--out", t.TempDir(), "--config", writeConfig(t, "[slides]\nlogo = \""+fifo+"\"\n")}, "slides.logo must be a regular file, not a named pipe"},
		{"catalogue", []string{"indicators", "--data", "../../testdata/othercity", "--config", writeConfig(t, "catalogue = \""+fifo+"\"\n")}, "the catalogue must be a regular file, not a named pipe"},
		{"data file", []string{"validate", "--data", data}, "groups.yaml: cannot read: it is a named pipe, not a regular file"},
		{"folder as data file", []string{"validate", "--data", folder}, "projects.yaml: cannot read: it is a folder, not a file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan struct{})
			var code int
			var errOut string
			go func() {
				defer close(done)
				code, _, errOut = runArgs(t, tc.args...)
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("the run hangs on a FIFO")
			}
			if code != exitInvalid || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, %q; want exit 1 and %q", code, errOut, tc.want)
			}
		})
	}
}

// pngHeader is a PNG of the given size whose pixels are all zero: a few
// kilobytes of file for any number of pixels.
func pngHeader(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(kind)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 0 // 8-bit greyscale
	chunk("IHDR", ihdr)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	row := make([]byte, w+1)
	for range min(h, 64) { // enough to look real; the header is what counts
		zw.Write(row)
	}
	zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return b.Bytes()
}

// TestLogoChecked: a logo is checked from its header before it is decoded:
// a decompression bomb and a file that is not an image are refused.
func TestLogoChecked(t *testing.T) {
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.png")
	os.WriteFile(bomb, pngHeader(30000, 30000), 0o644)
	text := filepath.Join(dir, "text.png")
	os.WriteFile(text, []byte("not an image"), 0o644)
	var jpg bytes.Buffer
	jpeg.Encode(&jpg, image.NewRGBA(image.Rect(0, 0, 400, 300)), nil)
	truncated := filepath.Join(dir, "truncated.jpg")
	os.WriteFile(truncated, jpg.Bytes()[:jpg.Len()/3], 0o644)
	strip := filepath.Join(dir, "strip.png")
	os.WriteFile(strip, pngHeader(8000, 1), 0o644)
	for path, want := range map[string]string{
		bomb:      "slides.logo is 30000×30000 pixels",
		text:      "slides.logo is not a PNG or JPEG image",
		truncated: "slides.logo is damaged or incomplete",
		strip:     "at most 10 times as wide as it is tall",
	} {
		cfg := writeConfig(t, "[slides]\nlogo = \""+path+"\"\n")
		code, _, errOut := runArgs(t, "slides", "--data", "../../testdata/othercity", "--config", cfg, "--out", t.TempDir())
		if code != exitInvalid || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, %q; want %q", filepath.Base(path), code, errOut, want)
		}
	}
	// Real logos in the forms the PDF library cannot read itself (16-bit,
	// a palette) work, from a path relative to the config.
	gray16 := image.NewGray16(image.Rect(0, 0, 40, 20))
	paletted := image.NewPaletted(image.Rect(0, 0, 40, 20), color.Palette{color.White, color.Black})
	for _, img := range []image.Image{gray16, paletted} {
		var b bytes.Buffer
		png.Encode(&b, img)
		os.WriteFile(filepath.Join(dir, "logo.png"), b.Bytes(), 0o644)
		cfg := filepath.Join(dir, "config.toml")
		os.WriteFile(cfg, []byte("[slides]\nlogo = \"logo.png\"\n"), 0o644)
		if code, _, errOut := runArgs(t, "slides", "--data", "../../testdata/othercity", "--config", cfg, "--out", t.TempDir()); code != exitOK {
			t.Errorf("a %T logo: exit %d, %s", img, code, errOut)
		}
	}
}

// TestFileModeFollowsUmask: the report is created 0666 less the umask, so
// a user who keeps their files private (umask 077) gets a private report.
func TestFileModeFollowsUmask(t *testing.T) {
	for _, tc := range []struct {
		umask int
		want  os.FileMode
	}{{0o077, 0o600}, {0o022, 0o644}} {
		old := syscall.Umask(tc.umask)
		out := t.TempDir()
		code, _, errOut := runArgs(t, "build", "--data", "../../testdata/othercity", "--out", out)
		syscall.Umask(old)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		fi, err := os.Stat(filepath.Join(out, "rendicontazione-sociale-2023-it.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != tc.want {
			t.Errorf("umask %03o: mode %v, want %v", tc.umask, fi.Mode().Perm(), tc.want)
		}
	}
}

// TestStaleTemporaryFiles: a run removes the temporary files an earlier,
// killed run left more than an hour ago, and leaves younger ones (another
// run may be writing them) and other files alone.
func TestStaleTemporaryFiles(t *testing.T) {
	out := t.TempDir()
	stale := filepath.Join(out, ".rendicontazione-sociale-2023-it.pdf.0a1b2c3d4e5f"+tmpSuffix)
	young := filepath.Join(out, ".slides-2023-it.pdf.aaaaaaaaaaaa"+tmpSuffix)
	other := filepath.Join(out, ".someone-elses.tmp")
	for _, p := range []string{stale, young, other} {
		os.WriteFile(p, nil, 0o600)
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if code, _, errOut := runArgs(t, "build", "--data", "../../testdata/othercity", "--out", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Error("the stale temporary file is still there")
	}
	for _, p := range []string{young, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", filepath.Base(p))
		}
	}
}

// TestInterruptRemovesTemporaryFiles runs this test binary as a program
// that is writing an output, sends it SIGTERM and SIGINT, and checks that
// it exits 128+signal leaving nothing in the output folder.
func TestInterruptRemovesTemporaryFiles(t *testing.T) {
	if dir := os.Getenv("RENDICONTO_TEST_WRITING"); dir != "" {
		handleSignals(func() {})
		if _, err := createTemp(filepath.Join(dir, "report.pdf")); err != nil {
			os.Exit(9)
		}
		os.Stdout.WriteString("writing\n")
		time.Sleep(time.Minute)
		os.Exit(8)
	}
	for _, s := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptRemovesTemporaryFiles$")
		cmd.Env = append(os.Environ(), "RENDICONTO_TEST_WRITING="+dir)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "writing\n" {
			t.Fatalf("the child said %q", line)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Fatalf("the child has %d temporary files, want 1", len(entries))
		}
		cmd.Process.Signal(s)
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 128+int(s) {
			t.Errorf("%v: %v, want exit status %d", s, err, 128+int(s))
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%v: %d files left behind", s, len(entries))
		}
	}
}

// TestPanicIsAnInternalError: a bug exits 3 with one line asking to report
// it, the stack only with RENDICONTO_DEBUG=1.
func TestPanicIsAnInternalError(t *testing.T) {
	boom := &command{name: "boom", summary: "panics", run: func(context.Context, *env) error { panic("index out of range") }}
	commands = append(commands, boom)
	defer func() { commands = commands[:len(commands)-1] }()
	for _, debug := range []string{"", "1"} {
		t.Setenv("RENDICONTO_DEBUG", debug)
		code, _, errOut := runArgs(t, "boom", "--data", "../../testdata/othercity")
		if code != exitBug || !strings.Contains(errOut, "internal error: index out of range") || !strings.Contains(errOut, "rendiconto boom --data") {
			t.Errorf("exit %d, %q", code, errOut)
		}
		if hasStack := strings.Contains(errOut, "goroutine"); hasStack != (debug == "1") {
			t.Errorf("RENDICONTO_DEBUG=%q: stack printed %v", debug, hasStack)
		}
	}
}

// TestConcurrentNewEdition: two new-edition runs at once make the folder
// once; the other says it exists, in words, and nothing is left over.
func TestConcurrentNewEdition(t *testing.T) {
	root := t.TempDir()
	copyDir(t, "../../testdata/othercity/2023", filepath.Join(root, "2023"))
	type result struct {
		code   int
		errOut string
	}
	results := make(chan result, 4)
	for range 4 {
		go func() {
			code, _, errOut := runArgs(t, "new-edition", "--data", root, "2024")
			results <- result{code, errOut}
		}()
	}
	ok := 0
	for range 4 {
		r := <-results
		switch {
		case r.code == exitOK:
			ok++
		case r.code != exitInvalid || !strings.Contains(r.errOut, "already exists: nothing written"):
			t.Errorf("exit %d, %q", r.code, r.errOut)
		}
	}
	if ok != 1 {
		t.Errorf("%d runs made the folder, want 1", ok)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 2 {
		t.Errorf("the data root holds %d entries, want 2023 and 2024", len(entries))
	}
}

// TestZeroCountsAreNotZeroRates: an edition whose service counts are all
// zero validates and builds, and a rate over zero is n.d. in every output
// (null in JSON, empty in CSV), never a published 0.
func TestZeroCountsAreNotZeroRates(t *testing.T) {
	data := t.TempDir()
	copyDir(t, "../../data/2019", filepath.Join(data, "2019"))
	path := filepath.Join(data, "2019", "services.yaml")
	text, _ := os.ReadFile(path)
	zeroed := regexp.MustCompile(`(value|total): \d+`).ReplaceAllString(string(text), "$1: 0")
	os.WriteFile(path, []byte(zeroed), 0o644)
	code, out, errOut := runArgs(t, "indicators", "--data", data, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Indicators []struct {
			ID        string `json:"id"`
			Breakdown []struct {
				Key   string   `json:"key"`
				Value *float64 `json:"value"`
			} `json:"breakdown"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ind := range got.Indicators {
		for _, row := range ind.Breakdown {
			if ind.ID == "B.2.5" && row.Key == "contatti_per_persona" {
				found = true
				if row.Value != nil {
					t.Errorf("B.2.5 contatti_per_persona over zero people: %v, want null", *row.Value)
				}
			}
		}
	}
	if !found {
		t.Error("B.2.5 has no row contatti_per_persona")
	}
	_, csvOut, _ := runArgs(t, "indicators", "--data", data, "--format", "csv")
	if !strings.Contains(csvOut, ",contatti_per_persona,") || strings.Contains(csvOut, "contatti_per_persona,0\n") {
		t.Errorf("CSV: the n.d. row must have an empty value")
	}
	for _, cmd := range []string{"build", "slides"} {
		if code, _, errOut := runArgs(t, cmd, "--data", data, "--out", t.TempDir()); code != exitOK {
			t.Errorf("%s: exit %d: %s", cmd, code, errOut)
		}
	}
}

// TestPageLimit: a document longer than [limits] pages is stopped with a
// message that names the templates and the key to raise; nothing is written.
func TestPageLimit(t *testing.T) {
	out := t.TempDir()
	cfg := writeConfig(t, "[limits]\npages = 10\n")
	code, _, errOut := runArgs(t, "build", "--data", "../../data", "--year", "2019", "--config", cfg, "--out", out)
	if code != exitInvalid || !strings.Contains(errOut, "templates/it: the document would have more than 10 pages, the limit: raise pages under [limits]") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("%d files written", len(entries))
	}
}

// TestInternalErrorFromPDF: a panic the PDF renderer recovered is still a
// bug to report (exit 3), not a problem of the user's data.
func TestInternalErrorFromPDF(t *testing.T) {
	var stderr bytes.Buffer
	code := report1(fmt.Errorf("wrapped: %w", &report.InternalError{Where: "pdf", Panic: "index out of range"}), []string{"build"}, &stderr)
	if code != exitBug || !strings.Contains(stderr.String(), "internal error: index out of range") || !strings.Contains(stderr.String(), "rendiconto build") {
		t.Errorf("exit %d, %q", code, stderr.String())
	}
}

// TestNewEditionStaleFolder: the temporary folder of a new-edition run
// killed outright is removed by the next run an hour later.
func TestNewEditionStaleFolder(t *testing.T) {
	root := t.TempDir()
	copyDir(t, "../../testdata/othercity/2023", filepath.Join(root, "2023"))
	stale := filepath.Join(root, ".2024.0a1b2c3d4e5f"+tmpSuffix)
	os.MkdirAll(filepath.Join(stale, "x"), 0o755)
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	if code, _, errOut := runArgs(t, "new-edition", "--data", root, "2024"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 2 {
		t.Errorf("the data root holds %d entries, want 2023 and 2024", len(entries))
	}
}
