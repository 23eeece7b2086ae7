package yamldata

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"rendiconto/report"
	"rendiconto/templates"
)

// TestGoalsChecked loads two editions whose second goals.yaml is valid on
// its own but wrong against the catalogue and the first edition: an
// unknown indicator, a share's target above 100, an update on a goal the
// named edition did not set, a new goal reusing an earlier id. The errors,
// at goals.yaml:line:col, are compared with a golden list.
func TestGoalsChecked(t *testing.T) {
	root := filepath.Join("testdata", "goals-history")
	data, err := templates.FS.ReadFile("catalogue.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := ParseCatalogue("catalogue.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	var eds []*report.Edition
	var got report.ErrorList
	for _, y := range []int{2020, 2021} {
		ed, _, err := Load(root, y)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, report.CheckGoals(ed, cat, eds)...)
		eds = append(eds, ed)
	}
	if n := len(eds[1].Goals); n != 7 {
		t.Errorf("2021 has %d goal records, want 7", n)
	}
	if g := eds[1].Goals[6]; g.Direction != report.AtMost || !g.HasTarget || g.Target != 40 {
		t.Errorf("goal e read as %+v", g)
	}
	if g := eds[1].Goals[0]; !g.Update() || g.SetIn != 2020 || g.Status != report.GoalDone {
		t.Errorf("update a read as %+v", g)
	}
	golden := filepath.Join(root, "want.golden")
	text := got.Error() + "\n"
	if *update {
		if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if text != string(want) {
		t.Errorf("got:\n%s\nwant:\n%s", text, want)
	}
	// Without the earlier edition, an update on it is not checked.
	if errs := report.CheckGoals(eds[1], cat, nil); len(errs) != 2 {
		t.Errorf("alone, 2021 has %d errors, want the 2 of the catalogue:\n%v", len(errs), errs)
	}
}

// FuzzGoals: whatever goals.yaml holds, loading it is an edition or a
// list of errors at goals.yaml, never a panic.
func FuzzGoals(f *testing.F) {
	f.Add([]byte("- {id: a, title: t, due: 2022-01-01, owner: o, indicator: B.3.tables, target: 3, direction: at_most, status: done}\n"))
	f.Add([]byte("- {id: a, set_in: 2020, status: dropped, note: n}\n- {id: a, set_in: 2020, status: done}\n"))
	f.Add([]byte("- {id: a, set_in: [1], status: {x: 1}, due: 2022-02-30, target: -1e400}\n- 3\n- [a]\n"))
	f.Add([]byte("[]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := validFS()
		fsys["2021/goals.yaml"] = &fstest.MapFile{Data: data}
		ed, _, err := LoadFS(fsys, "mem", 2021)
		if err == nil {
			if ed == nil {
				t.Fatal("no edition and no error")
			}
			report.CheckGoals(ed, nil, []*report.Edition{ed})
			return
		}
		var list report.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error is not a list: %v", err)
		}
		for _, e := range list {
			if e.Pos.File != "mem/2021/goals.yaml" {
				t.Errorf("error outside goals.yaml: %v", e)
			}
		}
	})
}
