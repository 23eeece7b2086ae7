package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rendiconto/report"
	"rendiconto/report/yamldata"
	"rendiconto/templates"
)

// privacyRoot is a data root with the privacy test edition as 2022 (a
// district of 2 users and of 2 citizens in groups, a project of 2
// beneficiaries) and the other city's 2022 edition as 2021, and a config
// at the default threshold.
func privacyRoot(t *testing.T) (config, out string) {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, "../../testdata/privacy/2022", filepath.Join(dir, "data", "2022"))
	copyDir(t, "../../testdata/othercity/2022", filepath.Join(dir, "data", "2021"))
	ed := filepath.Join(dir, "data", "2021", "edition.yaml")
	b, _ := os.ReadFile(ed)
	os.WriteFile(ed, []byte(strings.Replace(string(b), "year: 2022", "year: 2021", 1)), 0o666)
	config = filepath.Join(dir, "config.toml")
	os.WriteFile(config, []byte("data = \""+filepath.Join(dir, "data")+"\"\n"), 0o666)
	return config, filepath.Join(dir, "out")
}

// peopleCounts are the catalogue's indicators that count people (counts
// and sums, not rates).
func peopleCounts(t *testing.T) map[string]bool {
	data, _ := templates.FS.ReadFile("catalogue.yaml")
	cat, err := yamldata.ParseCatalogue("catalogue.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]bool{}
	for _, ind := range cat.Indicators {
		if ind.People && (ind.Measure == report.MeasureCount || ind.Measure == report.MeasureSum) {
			m[ind.ID] = true
		}
	}
	return m
}

type privacyJSON struct {
	Internal   bool `json:"internal"`
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

// TestPrivacyEditionOutputs: on the privacy test edition at the default
// threshold, the indicators' JSON and CSV publish no count of people from
// 1 to 2 and mark them suppressed; the comparison's JSON and CSV flag the
// rows withheld in either edition, with no change; --internal shows them,
// says so in the JSON and names the files -interno/-internal.
func TestPrivacyEditionOutputs(t *testing.T) {
	config, out := privacyRoot(t)
	people := peopleCounts(t)
	code, stdout, stderr := runArgs(t, "indicators", "--config", config, "--year", "2022", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var doc privacyJSON
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	suppressed := 0
	small := func(v *float64) bool { return v != nil && *v >= 1 && *v < 3 }
	for _, ind := range doc.Indicators {
		if !people[ind.ID] {
			continue
		}
		if small(ind.Value) {
			t.Errorf("%s: %v published", ind.ID, *ind.Value)
		}
		for _, row := range ind.Breakdown {
			if small(row.Value) {
				t.Errorf("%s %s: %v published", ind.ID, row.Key, *row.Value)
			}
			if row.Suppressed {
				suppressed++
			}
		}
	}
	if suppressed == 0 || doc.Internal || strings.Contains(stdout, `"internal"`) {
		t.Errorf("%d rows suppressed, internal %v", suppressed, doc.Internal)
	}
	code, stdout, _ = runArgs(t, "indicators", "--config", config, "--year", "2022", "--format", "csv")
	if code != exitOK || !strings.Contains(stdout, "B.3.citizens,Cittadini coinvolti nei gruppi,cittadini,colline,Colline,,true\n") {
		t.Errorf("exit %d, CSV lacks Colline's citizens suppressed:\n%.400s", code, stdout)
	}

	code, stdout, stderr = runArgs(t, "compare", "--config", config, "--from", "2021", "--to", "2022", "--format", "json")
	if code != exitOK {
		t.Fatalf("compare: exit %d\n%s", code, stderr)
	}
	var cmp struct {
		Indicators []struct {
			ID        string `json:"id"`
			Breakdown []struct {
				Key            string   `json:"key"`
				From           *float64 `json:"from"`
				Change         *float64 `json:"change"`
				FromSuppressed bool     `json:"from_suppressed"`
				ToSuppressed   bool     `json:"to_suppressed"`
			} `json:"breakdown"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal([]byte(stdout), &cmp); err != nil {
		t.Fatal(err)
	}
	flagged := 0
	for _, ind := range cmp.Indicators {
		for _, row := range ind.Breakdown {
			if row.ToSuppressed || row.FromSuppressed {
				flagged++
				if row.Change != nil {
					t.Errorf("%s %s: a change beside a withheld cell", ind.ID, row.Key)
				}
			}
			if ind.ID == "B.3.citizens" && row.Key == "colline" && !row.ToSuppressed {
				t.Errorf("B.3.citizens colline not flagged to_suppressed")
			}
		}
	}
	if flagged == 0 {
		t.Error("no row flagged in the comparison")
	}
	code, stdout, _ = runArgs(t, "compare", "--config", config, "--from", "2021", "--to", "2022", "--format", "csv")
	if code != exitOK || !strings.HasPrefix(stdout, "id,title,key,label,from,to,change,change_pct,note,from_suppressed,to_suppressed\n") || !strings.Contains(stdout, ",colline,Colline,9,,,,,,true\n") {
		t.Errorf("exit %d, compare CSV:\n%.300s", code, stdout)
	}

	// --internal: everything shown, and said.
	code, stdout, _ = runArgs(t, "indicators", "--config", config, "--year", "2022", "--format", "json", "--internal")
	doc = privacyJSON{}
	if err := json.Unmarshal([]byte(stdout), &doc); code != exitOK || err != nil || !doc.Internal || strings.Contains(stdout, `"suppressed"`) {
		t.Errorf("--internal: exit %d, %v, internal %v", code, err, doc.Internal)
	}
	for _, c := range []struct {
		args []string
		file string
	}{
		{[]string{"build", "--lang", "it"}, "rendicontazione-sociale-2022-it.pdf"},
		{[]string{"build", "--lang", "it", "--internal"}, "rendicontazione-sociale-2022-it-interno.pdf"},
		{[]string{"build", "--lang", "en", "--internal"}, "rendicontazione-sociale-2022-en-internal.pdf"},
		{[]string{"slides", "--lang", "it", "--internal"}, "slides-2022-it-interno.pdf"},
		{[]string{"compare", "--lang", "en", "--internal"}, "confronto-2021-2022-en-internal.pdf"},
	} {
		code, stdout, stderr := runArgs(t, append(c.args, "--config", config, "--out", out)...)
		if want := filepath.Join(out, c.file) + "\n"; code != exitOK || stdout != want {
			t.Errorf("%v: exit %d, wrote %q, want %q\n%s", c.args, code, stdout, want, stderr)
		}
	}
}
