package main

import (
	"bytes"
	"context"
	"encoding/json"
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
			Key   string  `json:"key"`
			Label string  `json:"label"`
			Value float64 `json:"value"`
		} `json:"breakdown"`
	} `json:"indicators"`
}

// TestOtherCity checks the indicators of a city written only from the data
// contract against values computed by hand (testdata/othercity/README.md).
func TestOtherCity(t *testing.T) {
	for _, year := range []string{"2022", "2023"} {
		t.Run(year, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("../../testdata/othercity", "expected-"+year+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var want indicatorsJSON
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			code, out, stderr := runArgs(t, "indicators", "--data", "../../testdata/othercity", "--year", year, "--format", "json")
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
				if (g.Value == nil) != (w.Value == nil) || (g.Value != nil && math.Abs(*g.Value-*w.Value) > 1e-9) {
					t.Errorf("%s: value %v, want %v", w.ID, show(g.Value), show(w.Value))
				}
				gb, _ := json.Marshal(g.Breakdown)
				wb, _ := json.Marshal(w.Breakdown)
				if !bytes.Equal(gb, wb) {
					t.Errorf("%s: breakdown\n got %s\nwant %s", w.ID, gb, wb)
				}
			}
		})
	}
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
		{[]string{"validate", "--data", "../../testdata/othercity", "--year", "1999"}, exitInvalid, "no edition folder for 1999"},
		{[]string{"validate", "--config", "testdata/bad-config.toml"}, exitInvalid, `unknown key "colour"`},
	}
	for _, tt := range tests {
		code, out, errOut := runArgs(t, tt.args...)
		if code != tt.code || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("%v: exit %d, output %q; want exit %d and %q", tt.args, code, out+errOut, tt.code, tt.want)
		}
	}
}
