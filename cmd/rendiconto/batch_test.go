package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"rendiconto/report"
	"rendiconto/report/yamldata"
)

// TestBatchSameAsOneByOne: build --district all --lang it,en writes, byte
// for byte, what each district's build one by one writes, the file names
// carrying the district's code.
func TestBatchSameAsOneByOne(t *testing.T) {
	data := "../../testdata/privacy"
	batch, single := t.TempDir(), t.TempDir()
	code, _, errOut := runArgs(t, "build", "--data", data, "--year", "2022", "--district", "all", "--lang", "it,en", "--out", batch)
	if code != exitOK {
		t.Fatalf("batch: exit %d: %s", code, errOut)
	}
	names, _ := os.ReadDir(batch)
	ed, _, err := yamldata.Load(data, 2022)
	if err != nil {
		t.Fatal(err)
	}
	if want := 2 * len(ed.Territory.Districts); len(names) != want {
		t.Fatalf("batch wrote %d files, want %d", len(names), want)
	}
	for _, d := range ed.Territory.Districts {
		for _, lang := range []string{"it", "en"} {
			code, out, errOut := runArgs(t, "build", "--data", data, "--year", "2022", "--district", d.Code, "--lang", lang, "--out", single)
			if code != exitOK {
				t.Fatalf("%s %s: exit %d: %s", d.Code, lang, code, errOut)
			}
			path := strings.TrimSpace(out)
			if !strings.HasSuffix(path, "-"+lang+"-"+d.Code+".pdf") {
				t.Errorf("file name %s does not carry the district's code", path)
			}
			a, err1 := os.ReadFile(filepath.Join(batch, filepath.Base(path)))
			b, err2 := os.ReadFile(path)
			if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
				t.Errorf("%s: the batch's file differs from the one-by-one build (%v, %v)", filepath.Base(path), err1, err2)
			}
		}
	}
}

// TestBatchCityAndDistricts: --district city,all writes the city's report
// (byte for byte the one a build without --district writes) and every
// district's, in one batch; a list with an empty item is a usage error.
func TestBatchCityAndDistricts(t *testing.T) {
	data := "../../testdata/privacy"
	batch, single := t.TempDir(), t.TempDir()
	code, _, errOut := runArgs(t, "build", "--data", data, "--year", "2022", "--district", "city,all", "--out", batch)
	if code != exitOK {
		t.Fatalf("batch: exit %d: %s", code, errOut)
	}
	ed, _, err := yamldata.Load(data, 2022)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := os.ReadDir(batch)
	if want := 1 + len(ed.Territory.Districts); len(names) != want {
		t.Fatalf("batch wrote %d files, want %d (the city and every district)", len(names), want)
	}
	for _, district := range []string{"", "city"} {
		args := []string{"build", "--data", data, "--year", "2022", "--out", single}
		if district != "" {
			args = append(args, "--district", district)
		}
		code, out, errOut := runArgs(t, args...)
		if code != exitOK {
			t.Fatalf("--district %q: exit %d: %s", district, code, errOut)
		}
		path := strings.TrimSpace(out)
		a, err1 := os.ReadFile(filepath.Join(batch, filepath.Base(path)))
		b, err2 := os.ReadFile(path)
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("--district %q: %s differs from the batch's city report (%v, %v)", district, filepath.Base(path), err1, err2)
		}
	}
	if code, _, errOut := runArgs(t, "build", "--data", data, "--year", "2022", "--district", "city,,all", "--out", t.TempDir()); code != exitUsage || !strings.Contains(errOut, "empty item") {
		t.Errorf("--district city,,all: exit %d, %q; want a usage error naming the empty item", code, errOut)
	}
}

// TestBatchFailureListed: a failing part does not stop the others; the
// exit status is non-zero and the failure is listed at the end.
func TestBatchFailureListed(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		files int
		list  string
	}{
		{[]string{"--year", "1999,2022"}, 1, "1 of 2 outputs failed"},
		{[]string{"--year", "2022,1999", "--district", "all"}, 4, "1 of 5 outputs failed"},
	} {
		out := t.TempDir()
		code, stdout, errOut := runArgs(t, append([]string{"build", "--data", "../../testdata/privacy", "--out", out}, tc.args...)...)
		if code == exitOK {
			t.Fatalf("%v: exit 0 with a failing part", tc.args)
		}
		if !strings.Contains(stdout, "2022") || !strings.Contains(errOut, tc.list) || !strings.Contains(errOut, "1999") {
			t.Errorf("%v: stdout %q, stderr %q", tc.args, stdout, errOut)
		}
		if names, _ := os.ReadDir(out); len(names) != tc.files {
			t.Errorf("%v: %d files written, want %d", tc.args, len(names), tc.files)
		}
	}
}

// TestDistrictsJointPrivacy: on testdata/privacy, no count of people the
// city withholds can be recomputed from the districts' outputs side by
// side, nor a district's withheld one from the city's and the other
// districts': every withheld cell of a breakdown is withheld in at least
// two districts, or in the city and every district.
func TestDistrictsJointPrivacy(t *testing.T) {
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, cfg: defaultConfig()}
	e.cfg.Data = "../../testdata/privacy"
	cat, err := e.catalogue()
	if err != nil {
		t.Fatal(err)
	}
	ed, err := e.load(2022)
	if err != nil {
		t.Fatal(err)
	}
	city := e.computeEdition(ed, cat)
	var all []*report.Results
	for _, d := range ed.Territory.Districts {
		rs, err := e.districtResults(city, cat, d.Code)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, rs)
	}
	checked, values := 0, 0
	for _, cr := range city.List {
		if !cr.Indicator.People {
			continue
		}
		withheld := map[string]int{} // key → districts withholding it
		published := map[string]int{}
		for _, rs := range all {
			r, _ := rs.Lookup(cr.Indicator.ID)
			for _, row := range r.Breakdown {
				if row.Withheld {
					withheld[row.Key]++
				} else if !row.NA {
					published[row.Key]++
				}
			}
		}
		for _, row := range cr.Breakdown {
			if row.Withheld && published[row.Key] > 0 && withheld[row.Key] == 0 {
				t.Errorf("%s %s: withheld by the city, published by every district that has it", cr.Indicator.ID, row.Key)
			}
			checked++
		}
		alone := -1 // the one district withholding its value, if one
		count := 0
		for i, rs := range all {
			if r, _ := rs.Lookup(cr.Indicator.ID); r.Withheld {
				alone, count = i, count+1
			}
		}
		if count == 1 && cr.Value.Known && !cityRowWithheld(city, cr.Indicator, ed.Territory.Districts[alone].Code) {
			t.Errorf("%s: only %s withholds its value, the city's less the others' gives it", cr.Indicator.ID, ed.Territory.Districts[alone].Code)
		}
		values += count
		for key, n := range withheld {
			if n == 1 && published[key] > 0 {
				t.Errorf("%s %s: withheld in one district only, the others publish it", cr.Indicator.ID, key)
			}
		}
	}
	if checked == 0 || values == 0 {
		t.Fatalf("%d breakdown rows and %d withheld district values checked", checked, values)
	}
}

// cityRowWithheld reports whether the city's results withhold the row of
// district code in a breakdown by district of the same count as ind.
func cityRowWithheld(city *report.Results, ind *report.Indicator, code string) bool {
	for _, c := range city.List {
		ci := c.Indicator
		if ci.Source != ind.Source || ci.Measure != ind.Measure || ci.Field != ind.Field || (ci.By != "district" && ci.By != "districts") {
			continue
		}
		for _, row := range c.Breakdown {
			if row.Key == code && row.Withheld {
				return true
			}
		}
	}
	return false
}

// TestDistrictReportText: on an edition written only from the data
// contract, a district's report and slides name the district from the
// territory's names, set it beside the city, and say nothing of "every
// district" or "the city's only district".
func TestDistrictReportText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out := t.TempDir()
	for _, tc := range []struct {
		lang, name string
		beside     []string
		never      []string
	}{
		{"it", "Quartiere Centro Storico", []string{"uno dei 4 quartieri di Valtellaro", "della città"},
			[]string{"in ogni quartiere", "unico quartiere della città", "l'unico della città", "cioè tutti"}},
		{"en", "Centro Storico district", []string{"one of the 4 districts of Valtellaro", "of the city"},
			[]string{"in every district", "the city's only district", "the city's only one", "that is all of them"}},
	} {
		for _, cmd := range []string{"build", "slides"} {
			code, stdout, errOut := runArgs(t, cmd, "--data", "../../testdata/othercity", "--district", "centro", "--lang", tc.lang, "--out", out)
			if code != exitOK {
				t.Fatalf("%s %s: exit %d: %s", cmd, tc.lang, code, errOut)
			}
			path := strings.TrimSpace(stdout)
			text, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			s := strings.Join(strings.Fields(string(text)), " ")
			if !strings.Contains(s, tc.name) {
				t.Errorf("%s: the district is not named %q", filepath.Base(path), tc.name)
			}
			if cmd == "build" {
				for _, w := range tc.beside {
					if !strings.Contains(s, w) {
						t.Errorf("%s: no %q", filepath.Base(path), w)
					}
				}
			}
			for _, w := range tc.never {
				if strings.Contains(s, w) {
					t.Errorf("%s: says %q", filepath.Base(path), w)
				}
			}
		}
	}
}
