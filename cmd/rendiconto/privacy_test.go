package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// With a privacy threshold of 20 on the sample, the indicators' JSON and
// CSV hold no count of people from 1 to 19: each is null and marked
// suppressed, and a breakdown that adds up never shows one withheld row
// beside its total.
func TestPrivacyOutputs(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config.toml")
	data, _ := filepath.Abs("../../data")
	os.WriteFile(config, []byte("data = \""+data+"\"\n[privacy]\nthreshold = 20\n"), 0o666)
	code, out, stderr := runArgs(t, "indicators", "--config", config, "--year", "2019", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var doc struct {
		Indicators []struct {
			ID         string   `json:"id"`
			Value      *float64 `json:"value"`
			Suppressed bool     `json:"suppressed"`
			Breakdown  []struct {
				Key        string   `json:"key"`
				Value      *float64 `json:"value"`
				Suppressed bool     `json:"suppressed"`
			} `json:"breakdown"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	// The sample's counts of people broken down.
	people := map[string]bool{"B.1.3": true, "B.1.4": true, "B.1.6": true, "B.1.9": true, "B.2.7": true, "B.2.8": true, "B.3.citizens": true, "A.1.4": true}
	withheld := 0
	for _, ind := range doc.Indicators {
		if !people[ind.ID] {
			continue
		}
		if ind.Value != nil && *ind.Value >= 1 && *ind.Value < 20 {
			t.Errorf("%s: value %v published", ind.ID, *ind.Value)
		}
		for _, row := range ind.Breakdown {
			if row.Value != nil && *row.Value >= 1 && *row.Value < 20 {
				t.Errorf("%s %s: %v published", ind.ID, row.Key, *row.Value)
			}
			if row.Suppressed {
				withheld++
				if row.Value != nil {
					t.Errorf("%s %s: suppressed with a value", ind.ID, row.Key)
				}
			}
		}
	}
	if withheld == 0 {
		t.Error("nothing suppressed at threshold 20: the test shows nothing")
	}
	code, out, stderr = runArgs(t, "indicators", "--config", config, "--year", "2019", "--format", "csv")
	if code != exitOK || !strings.HasPrefix(out, "edition,id,title,unit,key,label,value,suppressed\n") || !strings.Contains(out, ",,true\n") {
		t.Errorf("exit %d, CSV:\n%.300s\n%s", code, out, stderr)
	}
	os.WriteFile(config, []byte("[privacy]\nthreshold = 2\n"), 0o666)
	if code, _, stderr := runArgs(t, "indicators", "--config", config, "--year", "2019"); code == exitOK || !strings.Contains(stderr, "privacy.threshold 2: want at least 3") {
		t.Errorf("threshold 2 accepted: exit %d\n%s", code, stderr)
	}
}
