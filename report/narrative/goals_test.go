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
				doc, err := Build(context.Background(), src, hs, lang, Limits{})
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
		return report.FollowUp{SetIn: 2029, Updated: true, Status: status, Overdue: overdue, Outcome: outcome}
	}
	stale := func(status string, overdue bool, outcome string) report.FollowUp {
		f := fu(status, overdue, outcome)
		f.Updated = false
		return f
	}
	type tc struct {
		lang     string
		n, meas  int
		fus      []report.FollowUp
		intro    string
		followUp string
	}
	cases := []tc{
		{"it", 0, 0, nil, "Con il rapporto 2030 l'ente non fissa nuovi obiettivi di miglioramento.", ""},
		{"it", 1, 0, nil, "Con il rapporto 2030 l'ente fissa un obiettivo di miglioramento.", ""},
		{"it", 1, 1, nil, "Con il rapporto 2030 l'ente fissa un obiettivo di miglioramento; un indicatore del rendiconto ne misura l'avanzamento rispetto a un traguardo.", ""},
		{"it", 3, 1, nil, "Con il rapporto 2030 l'ente fissa tre obiettivi di miglioramento; per uno di essi un indicatore del rendiconto ne misura l'avanzamento rispetto a un traguardo.", ""},
		{"it", 12, 2, nil, "Con il rapporto 2030 l'ente fissa 12 obiettivi di miglioramento; per due di essi un indicatore del rendiconto ne misura l'avanzamento rispetto a un traguardo.", ""},
		{"en", 1, 0, nil, "With its 2030 report the institution sets one improvement goal.", ""},
		{"en", 2, 2, nil, "With its 2030 report the institution sets two improvement goals; for each of them an indicator of this report measures progress against a target.", ""},
		{"it", 0, 0, []report.FollowUp{fu(report.GoalInProgress, true, report.OutcomeMissed)}, "",
			"Questa edizione verifica l'obiettivo fissato nel 2029, che risulta in corso. La scadenza è superata senza che l'obiettivo risulti realizzato. L'obiettivo misurato da un indicatore non ha raggiunto il traguardo."},
		{"en", 0, 0, []report.FollowUp{fu(report.GoalInProgress, true, report.OutcomeMissed)}, "",
			"This report follows up the goal set in 2029, now in progress. Its due date has passed and it is not recorded as done. The goal measured by an indicator has not reached its target."},
		{"it", 0, 0, []report.FollowUp{fu(report.GoalDone, false, ""), fu(report.GoalDone, false, "")}, "",
			"Questa edizione verifica i due obiettivi fissati nel 2029, tutti realizzati."},
		{"it", 0, 0, []report.FollowUp{fu(report.GoalPlanned, true, report.OutcomeMissed), fu(report.GoalPlanned, true, report.OutcomeMissed)}, "",
			"Questa edizione verifica i due obiettivi fissati nel 2029, tutti programmati. Tutti hanno superato la scadenza senza risultare realizzati. Nessuno dei due obiettivi misurati da un indicatore ha raggiunto il traguardo."},
		{"en", 0, 0, []report.FollowUp{fu(report.GoalDropped, false, report.OutcomeUnverifiable), fu(report.GoalDone, false, report.OutcomeReached)}, "",
			"This report follows up the two goals set in 2029: one done and one dropped. Of the two goals measured by an indicator, one has reached its target and one cannot be verified, as its indicator is not available."},
		// R-EN 9, R-IT 20: a goal with no update is not counted by its old
		// status; the overdue are said apart, in words; one reached, one missed.
		{"it", 0, 0, []report.FollowUp{fu(report.GoalInProgress, true, report.OutcomeMissed), stale(report.GoalInProgress, true, ""), fu(report.GoalInProgress, false, ""), fu(report.GoalDone, false, report.OutcomeReached)}, "",
			"Questa edizione verifica i quattro obiettivi fissati nel 2029: due in corso, uno realizzato e uno senza aggiornamenti nel 2030. Due di essi hanno superato la scadenza senza risultare realizzati. Dei due obiettivi misurati da un indicatore, uno ha raggiunto il traguardo e l'altro no."},
		{"en", 0, 0, []report.FollowUp{fu(report.GoalInProgress, true, report.OutcomeMissed), stale(report.GoalInProgress, true, ""), fu(report.GoalInProgress, false, ""), fu(report.GoalDone, false, report.OutcomeReached)}, "",
			"This report follows up the four goals set in 2029: two in progress, one done and one with no update in 2030. Two are past their due dates and not recorded as done. Of the two goals measured by an indicator, one has reached its target and the other has not."},
		{"it", 0, 0, []report.FollowUp{stale(report.GoalInProgress, false, ""), stale(report.GoalDone, false, "")}, "",
			"Questa edizione verifica i due obiettivi fissati nel 2029, per i quali non ci sono aggiornamenti nel 2030."},
		{"it", 0, 0, []report.FollowUp{stale(report.GoalInProgress, false, "")}, "",
			"Questa edizione verifica l'obiettivo fissato nel 2029, per il quale non ci sono aggiornamenti nel 2030."},
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
