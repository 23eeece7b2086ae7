package narrative

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"rendiconto/report"
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

// TestGoalSentences: the sums of the goals section agree in number for 0,
// 1 and many goals, in both languages.
func TestGoalSentences(t *testing.T) {
	rs := &report.Results{Edition: &report.Edition{Year: 2030}}
	fu := func(status string, overdue bool, outcome string) report.FollowUp {
		return report.FollowUp{Status: status, Overdue: overdue, Outcome: outcome}
	}
	type tc struct {
		lang     string
		n, meas  int
		fus      []report.FollowUp
		intro    string
		followUp string
	}
	cases := []tc{
		{"it", 0, 0, nil, "L'edizione 2030 non riporta obiettivi di miglioramento.", ""},
		{"it", 1, 0, nil, "L'edizione 2030 fissa 1 obiettivo di miglioramento.", ""},
		{"it", 1, 1, nil, "L'edizione 2030 fissa 1 obiettivo di miglioramento; un indicatore del rendiconto ne misura l'avanzamento rispetto a un traguardo.", ""},
		{"it", 3, 1, nil, "L'edizione 2030 fissa 3 obiettivi di miglioramento; per uno di essi un indicatore del rendiconto ne misura l'avanzamento rispetto a un traguardo.", ""},
		{"en", 1, 0, nil, "The 2030 edition sets 1 improvement goal.", ""},
		{"en", 2, 2, nil, "The 2030 edition sets 2 improvement goals; for each of them an indicator of this report measures progress against a target.", ""},
		{"it", 0, 0, []report.FollowUp{fu(report.GoalInProgress, true, report.OutcomeMissed)}, "",
			"Questa edizione verifica 1 obiettivo fissato in un'edizione precedente (stato: in corso). L'obiettivo è scaduto senza risultare realizzato. Il traguardo misurato da un indicatore non è raggiunto."},
		{"en", 0, 0, []report.FollowUp{fu(report.GoalInProgress, true, report.OutcomeMissed)}, "",
			"This edition follows up 1 goal set in an earlier edition (status: in progress). It is overdue: past its due date and not recorded as done. The target measured by an indicator is not reached."},
		{"it", 0, 0, []report.FollowUp{fu(report.GoalDone, false, ""), fu(report.GoalDone, false, "")}, "",
			"Questa edizione verifica 2 obiettivi fissati nelle edizioni precedenti, tutti realizzati."},
		{"it", 0, 0, []report.FollowUp{fu(report.GoalPlanned, true, report.OutcomeMissed), fu(report.GoalPlanned, true, report.OutcomeMissed)}, "",
			"Questa edizione verifica 2 obiettivi fissati nelle edizioni precedenti, tutti programmati. Di questi, 2 sono scaduti senza risultare realizzati. Nessuno dei 2 traguardi misurati da un indicatore è raggiunto."},
		{"en", 0, 0, []report.FollowUp{fu(report.GoalDropped, false, report.OutcomeUnverifiable), fu(report.GoalDone, false, report.OutcomeReached)}, "",
			"This edition follows up 2 goals set in earlier editions: 1 done and 1 dropped. Of the 2 targets measured by an indicator, 1 is reached and 1 cannot be verified, as its indicator is not available."},
	}
	for _, c := range cases {
		e := &env{rs: rs, lang: c.lang, history: []*report.Results{rs, rs}}
		if c.intro != "" {
			if got := strings.ReplaceAll(e.goalsIntro(c.n, c.meas), "’", "'"); got != c.intro {
				t.Errorf("goalsIntro(%d, %d) in %s:\n got %q\nwant %q", c.n, c.meas, c.lang, got, c.intro)
			}
		}
		if c.followUp != "" {
			if got := e.followIntro(c.fus, true); got != c.followUp {
				t.Errorf("followIntro %v in %s:\n got %q\nwant %q", c.fus, c.lang, got, c.followUp)
			}
		}
	}
}
