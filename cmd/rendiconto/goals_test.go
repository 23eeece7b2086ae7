package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGoalsChecked: build and validate check goals.yaml against the
// catalogue and the earlier editions, and say each mistake at
// goals.yaml:line:col with the other errors; nothing is written.
func TestGoalsChecked(t *testing.T) {
	root := t.TempDir()
	for _, y := range []string{"2020", "2021"} {
		copyDir(t, filepath.Join("../../report/yamldata/testdata/goals-history", y), filepath.Join(root, y))
	}
	want := []string{
		"2021/goals.yaml:7:7: goal \"zz\": no goal of that id was set in the 2020 edition",
		"2021/goals.yaml:18:14: unknown indicator \"B.3.table\": it is not in the catalogue (did you mean \"B.3.tables\"?)",
	}
	for _, args := range [][]string{
		{"build", "--data", root, "--year", "2021", "--out", filepath.Join(root, "out")},
		{"validate", "--data", root},
	} {
		code, stdout, stderr := runArgs(t, args...)
		if code == 0 {
			t.Errorf("%s: exit 0, want an error; stdout %q", args[0], stdout)
		}
		for _, w := range want {
			if !strings.Contains(stderr, filepath.Join(root, w)) {
				t.Errorf("%s: stderr lacks %q:\n%s", args[0], w, stderr)
			}
		}
		if strings.Contains(stdout, ".pdf") {
			t.Errorf("%s wrote a report: %s", args[0], stdout)
		}
	}
	// The sample data's goals are valid, and 2020 follows up 2019's.
	if code, _, stderr := runArgs(t, "validate", "--data", "../../data"); code != 0 {
		t.Errorf("validate of the sample data: exit %d\n%s", code, stderr)
	}
}
