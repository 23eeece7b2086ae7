package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runArgs runs the command line and returns its exit status and output.
func runArgs(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

type indicatorsJSON struct {
	Edition    int `json:"edition"`
	Indicators []struct {
		ID        string   `json:"id"`
		Value     *float64 `json:"value"`
		Breakdown []struct {
			Key   string   `json:"key"`
			Label string   `json:"label"`
			Value *float64 `json:"value"`
		} `json:"breakdown"`
	} `json:"indicators"`
}

// TestOtherCity checks the indicators of a city written only from the data
// contract against values computed by hand (testdata/othercity/README.md).
func TestOtherCity(t *testing.T) {
	for _, year := range []string{"2022", "2023"} {
		t.Run(year, func(t *testing.T) {
			checkExpected(t, "expected-"+year+".json", "indicators", "--data", "../../testdata/othercity", "--year", year, "--format", "json")
		})
	}
	// The same 2022 data under a copy of the catalogue whose filters name
	// Valtellaro's codes instead of Bologna's (as docs/data-model.md tells a
	// city with other codes to do): A.2.3, the A.3 block and B.2.11 computed.
	t.Run("2022 own codes", func(t *testing.T) {
		cat, err := os.ReadFile("../../templates/catalogue.yaml")
		if err != nil {
			t.Fatal(err)
		}
		own := string(cat)
		for _, r := range [][2]string{
			{"equals: assistente_sociale}", "equals: ass_soc}"},
			{"equals: servizio_comunita}", "equals: comunita}"},
			{"equals: invio_sst}", "equals: invio_servizio_sociale}"},
		} {
			if !strings.Contains(own, r[0]) {
				t.Fatalf("the catalogue has no filter %q any more: update this test and testdata/othercity/expected.py", r[0])
			}
			own = strings.ReplaceAll(own, r[0], r[1])
		}
		dir := t.TempDir()
		catFile, cfgFile := filepath.Join(dir, "catalogue.yaml"), filepath.Join(dir, "config.toml")
		data, err := filepath.Abs("../../testdata/othercity")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(catFile, []byte(own), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cfgFile, []byte(fmt.Sprintf("catalogue = %q\ndata = %q\n", catFile, data)), 0o644); err != nil {
			t.Fatal(err)
		}
		checkExpected(t, "expected-2022-own-codes.json", "indicators", "--config", cfgFile, "--year", "2022", "--format", "json")
	})
}

// checkExpected runs the command line and compares its JSON indicators with
// those of the named file in testdata/othercity (only the ids it lists).
func checkExpected(t *testing.T, file string, args ...string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("../../testdata/othercity", file))
	if err != nil {
		t.Fatal(err)
	}
	var want indicatorsJSON
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runArgs(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got indicatorsJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	byID := map[string]int{}
	for i, ind := range got.Indicators {
		byID[ind.ID] = i
	}
	for _, w := range want.Indicators {
		i, ok := byID[w.ID]
		if !ok {
			t.Errorf("%s: missing from the output", w.ID)
			continue
		}
		g := got.Indicators[i]
		if !sameValue(g.Value, w.Value) {
			t.Errorf("%s: value %v, want %v", w.ID, show(g.Value), show(w.Value))
		}
		same := len(g.Breakdown) == len(w.Breakdown)
		for k := 0; same && k < len(w.Breakdown); k++ {
			gr, wr := g.Breakdown[k], w.Breakdown[k]
			same = gr.Key == wr.Key && gr.Label == wr.Label && sameValue(gr.Value, wr.Value)
		}
		if !same {
			gb, _ := json.Marshal(g.Breakdown)
			wb, _ := json.Marshal(w.Breakdown)
			t.Errorf("%s: breakdown\n got %s\nwant %s", w.ID, gb, wb)
		}
	}
}

// sameValue compares two values of the JSON output, null (n.d.) only with
// null; numbers up to a relative 1e-9, as the expected values of fractions
// (testdata/othercity/expected.py) are worked out in another order.
func sameValue(got, want *float64) bool {
	if got == nil || want == nil {
		return got == nil && want == nil
	}
	return math.Abs(*got-*want) <= 1e-9*math.Max(1, math.Abs(*want))
}

func show(v *float64) any {
	if v == nil {
		return "null"
	}
	return *v
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, exitUsage, "Commands:"},
		{[]string{"help"}, exitOK, "Commands:"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"indicators", "--format", "xml", "--data", "../../testdata/othercity"}, exitUsage, "--format must be"},
		{[]string{"indicators", "--year", "20x9", "--data", "../../testdata/othercity"}, exitUsage, "--year must be"},
		{[]string{"indicators", "--bogus"}, exitUsage, "flag provided but not defined"},
		{[]string{"validate", "--help"}, exitOK, "Usage: rendiconto validate"},
		{[]string{"validate", "--data", "../../testdata/othercity", "--year", "1999"}, exitUsage, "--year 1999: no such edition"},
		{[]string{"new-edition", "--data", "../../testdata/othercity", "2020"}, exitUsage, "comes after the latest one, 2023"},
		{[]string{"validate", "--config", "testdata/bad-config.toml"}, exitInvalid, `unknown key "colour"`},
		{[]string{"validate", "--config", "testdata/bad-values.toml"}, exitInvalid, `slides.font_size 500: want between 18`},
		{[]string{"validate", "--config", "testdata/bad-values.toml"}, exitInvalid, `charts.palette: palette colour 2`},
	}
	for _, tt := range tests {
		code, out, errOut := runArgs(t, tt.args...)
		if code != tt.code || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("%v: exit %d, output %q; want exit %d and %q", tt.args, code, out+errOut, tt.code, tt.want)
		}
	}
}

func TestNewEdition(t *testing.T) {
	root := t.TempDir()
	for _, y := range []string{"2022", "2023"} {
		copyDir(t, filepath.Join("../../testdata/othercity", y), filepath.Join(root, y))
	}
	code, out, errOut := runArgs(t, "new-edition", "2024", "--data", root)
	if code != exitOK || !strings.Contains(out, "started from 2023") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	if code, _, errOut := runArgs(t, "validate", "--data", root, "--year", "2024"); code != exitOK {
		t.Fatalf("the new edition does not validate: %s", errOut)
	}
	vocab, err := os.ReadFile(filepath.Join(root, "2024", "vocabularies.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(vocab), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") && strings.Contains(line, "was:") {
			t.Errorf("was: entry kept in the new edition: %s", line)
		}
	}
	before, _ := os.ReadFile(filepath.Join(root, "2024", "edition.yaml"))
	code, _, errOut = runArgs(t, "new-edition", "--data", root, "2024")
	after, _ := os.ReadFile(filepath.Join(root, "2024", "edition.yaml"))
	if code != exitInvalid || !strings.Contains(errOut, "already exists") || !bytes.Equal(before, after) {
		t.Errorf("second run: exit %d, %q; the folder must be left alone", code, errOut)
	}
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type compareJSONOut struct {
	From, To   int
	Indicators []struct {
		ID        string   `json:"id"`
		From      *float64 `json:"from"`
		To        *float64 `json:"to"`
		Change    *float64 `json:"change"`
		ChangePct *float64 `json:"change_pct"`
		Breakdown []struct {
			Key  string   `json:"key"`
			From *float64 `json:"from"`
			To   *float64 `json:"to"`
			Note string   `json:"note"`
		} `json:"breakdown"`
	} `json:"indicators"`
}

func TestCompareJSON(t *testing.T) {
	compare := func(data, from, to string) compareJSONOut {
		code, out, errOut := runArgs(t, "compare", "--data", data, "--from", from, "--to", to, "--format", "json")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var c compareJSONOut
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	find := func(c compareJSONOut, id string) int {
		for i, ind := range c.Indicators {
			if ind.ID == id {
				return i
			}
		}
		t.Fatalf("%s not in the comparison", id)
		return -1
	}

	// The sample's activities changed taxonomy in 2019: socialita was
	// aggregazione + integrazione; laboratori was dropped.
	c := compare("../../data", "2018", "2019")
	act := c.Indicators[find(c, "B.3.activities")]
	notes := map[string]string{}
	for _, r := range act.Breakdown {
		notes[r.Key] = r.Note
		if r.Key == "socialita" && (r.From == nil || r.To == nil || *r.To != 44) {
			t.Errorf("socialita: from %v to %v; want the 2018 sum of aggregazione and integrazione, and 44", show(r.From), show(r.To))
		}
		if r.Key == "laboratori" && (r.To != nil || r.From == nil) {
			t.Errorf("laboratori: dropped code must have to = null and a from value")
		}
	}
	if notes["socialita"] != "mapped" || notes["laboratori"] != "dropped" {
		t.Errorf("notes = %v", notes)
	}
	p := c.Indicators[find(c, "B.3.projects")]
	if *p.From != 80 || *p.To != 99 || *p.Change != 19 || math.Abs(*p.ChangePct-23.75) > 1e-9 {
		t.Errorf("B.3.projects: %v → %v, change %v (%v%%)", *p.From, *p.To, *p.Change, *p.ChangePct)
	}

	// Valtellaro 2023 has no tables file: null, never 0.
	c = compare("../../testdata/othercity", "2022", "2023")
	tb := c.Indicators[find(c, "B.3.tables")]
	if tb.From == nil || tb.To != nil || tb.Change != nil || tb.ChangePct != nil {
		t.Errorf("B.3.tables: from %v to %v change %v; want a number, then null, null", show(tb.From), show(tb.To), show(tb.Change))
	}
}

// TestBuildIsAtomic builds the 2019 report twice (same bytes), then fails
// a build with a broken template and one with broken data: both exit 1
// with positioned messages and leave the earlier PDF as it was.
func TestBuildIsAtomic(t *testing.T) {
	out := t.TempDir()
	build := func(extra ...string) (int, string) {
		code, _, errOut := runArgs(t, append([]string{"build", "--data", "../../data", "--year", "2019", "--out", out}, extra...)...)
		return code, errOut
	}
	pdf := filepath.Join(out, "rendicontazione-sociale-2019-it.pdf")
	if code, errOut := build(); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	first, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(first, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	if code, errOut := build(); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if second, _ := os.ReadFile(pdf); !bytes.Equal(first, second) {
		t.Error("two builds of the same inputs differ")
	}

	tpl := t.TempDir()
	os.MkdirAll(filepath.Join(tpl, "it"), 0o755)
	os.WriteFile(filepath.Join(tpl, "it", "01.md"), []byte("# Parte\n\nSono {{value \"B.3.progetti\"}}.\n"), 0o644)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(cfg, []byte("templates = \""+tpl+"\"\n"), 0o644)
	code, errOut := build("--config", cfg)
	if code != exitInvalid || !strings.Contains(errOut, "it/01.md:3:7: unknown indicator \"B.3.progetti\"") {
		t.Errorf("broken template: exit %d, %q", code, errOut)
	}

	data := t.TempDir()
	copyDir(t, "../../data/2019", filepath.Join(data, "2019"))
	os.WriteFile(filepath.Join(data, "2019", "groups.yaml"), []byte("- {id: G1, name: x, district: naville, coordination: sst, citizens: -1}\n"), 0o644)
	code, _, errOut = runArgs(t, "build", "--data", data, "--year", "2019", "--out", out)
	if code != exitInvalid || !strings.Contains(errOut, "groups.yaml:1:31: \"naville\"") || !strings.Contains(errOut, "citizens must not be negative") {
		t.Errorf("broken data: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(pdf); !bytes.Equal(first, after) {
		t.Error("a failed build changed the earlier PDF")
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Errorf("the output folder holds %d files, want the one PDF", len(entries))
	}
}

// TestBuildWithoutDate: an edition.yaml without published still gives the
// same bytes on every run (the PDF's date is not the clock's).
func TestBuildWithoutDate(t *testing.T) {
	data := t.TempDir()
	copyDir(t, "../../testdata/othercity/2022", filepath.Join(data, "2022"))
	path := filepath.Join(data, "2022", "edition.yaml")
	text, _ := os.ReadFile(path)
	var kept []string
	for _, line := range strings.Split(string(text), "\n") {
		if !strings.HasPrefix(line, "published:") {
			kept = append(kept, line)
		}
	}
	os.WriteFile(path, []byte(strings.Join(kept, "\n")), 0o644)
	var pdfs [][]byte
	for _, out := range []string{t.TempDir(), t.TempDir()} {
		if code, _, errOut := runArgs(t, "build", "--data", data, "--out", out); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		b, err := os.ReadFile(filepath.Join(out, "rendicontazione-sociale-2022-it.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		pdfs = append(pdfs, b)
	}
	if !bytes.Equal(pdfs[0], pdfs[1]) || !bytes.Contains(pdfs[0], []byte("/CreationDate (D:20221231")) {
		t.Error("without a publication date the PDF must still be byte-identical, dated 31 December")
	}
}
