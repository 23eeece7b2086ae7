package narrative

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"rendiconto/templates"
)

// goalTemplates are the templates of the goals section, by language.
var goalTemplates = map[string]string{"it": "05-obiettivi.md", "en": "05-goals.md"}

// TestGoalsSection builds the goals section alone on the small editions of
// testdata/goals and compares it with golden text: 2022 follows up 2021's
// goals, reached (one equal to its target), done and overdue; 2023 sets no
// goal of its own and follows up goals missed, not verifiable (tables.yaml
// is missing) and dropped.
func TestGoalsSection(t *testing.T) {
	for _, year := range []int{2022, 2023} {
		for _, lang := range []string{"it", "en"} {
			name := goalTemplates[lang]
			t.Run(lang+"-"+strconv.Itoa(year), func(t *testing.T) {
				years := []int{2021, 2022, 2023}
				for len(years) > 0 && years[len(years)-1] > year {
					years = years[:len(years)-1]
				}
				hs := history(t, "../../testdata/goals", lang, years...)
				text, err := templates.FS.ReadFile(lang + "/" + name)
				if err != nil {
					t.Fatal(err)
				}
				src := Source{FS: fstest.MapFS{name: {Data: text}}, Name: "templates/" + lang}
				doc, err := Build(context.Background(), src, hs, Limits{})
				if err != nil {
					t.Fatal(err)
				}
				got := dump(doc)
				for _, bad := range []string{"<no value>", "%!", "goals.yaml", " 1 sono", " 1 are", "1 obiettivi", "1 goals"} {
					if strings.Contains(got, bad) {
						t.Errorf("the section holds %q", bad)
					}
				}
				golden := filepath.Join("testdata", "goals-"+strconv.Itoa(year)+"-"+lang+".golden")
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("the section differs from %s:\n got:\n%s\nwant:\n%s", golden, got, want)
				}
			})
		}
	}
}
