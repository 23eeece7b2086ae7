package report

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestFollowUps follows up the goals of 2029 and 2030 in 2031, where the
// test edition has 3 projects in the aggregates, one of them new (a third).
func TestFollowUps(t *testing.T) {
	ed29, ed30, ed31 := testEdition(), testEdition(), testEdition()
	ed29.Year, ed30.Year, ed31.Year = 2029, 2030, 2031
	ed29.Goals = []Goal{
		{ID: "reached", Due: day("2031-12-31"), Indicator: "projects", Target: 3, HasTarget: true, Direction: AtLeast, Status: GoalInProgress},
		{ID: "missed", Due: day("2032-06-30"), Indicator: "projects", Target: 4, HasTarget: true, Direction: AtLeast},
		{ID: "at_most", Due: day("2032-06-30"), Indicator: "new_share", Target: 30, HasTarget: true, Direction: AtMost},
		{ID: "overdue", Due: day("2031-12-31"), Status: GoalInProgress},
		{ID: "due_later", Due: day("2032-01-01"), Status: GoalInProgress},
		{ID: "dropped", Due: day("2030-12-31")},
		{ID: "closed_before", Due: day("2030-12-31")},
		{ID: "done_early", Due: day("2035-12-31")},
		{ID: "no_target", Due: day("2035-12-31"), Indicator: "projects"},
	}
	ed30.Goals = []Goal{
		{ID: "closed_before", SetIn: 2029, Status: GoalDone},
		{ID: "dropped", SetIn: 2029, Status: GoalInProgress, Note: Text{It: "avviato"}},
		{ID: "nd", Due: day("2031-12-31"), Indicator: "projects", Target: 1, HasTarget: true, Direction: AtLeast},
	}
	ed31.Goals = []Goal{
		{ID: "dropped", SetIn: 2029, Status: GoalDropped},
		{ID: "done_early", SetIn: 2029, Status: GoalDone, Note: Text{It: "fatto"}},
		{ID: "new", Due: day("2033-12-31")}, // set in 2031: not a follow-up
	}
	h := []*Results{Compute(ed29, testCatalogue), Compute(ed30, testCatalogue), Compute(ed31, testCatalogue)}
	type want struct {
		set     int
		status  string
		overdue bool
		outcome string
		note    string
	}
	wants := map[string]want{
		"reached":    {2029, GoalInProgress, false, OutcomeReached, ""}, // 3 ≥ 3: equal reaches; reached, so not overdue
		"missed":     {2029, GoalPlanned, false, OutcomeMissed, ""},
		"at_most":    {2029, GoalPlanned, false, OutcomeMissed, ""}, // 33,3% > 30%
		"overdue":    {2029, GoalInProgress, true, OutcomeNone, ""},
		"due_later":  {2029, GoalInProgress, false, OutcomeNone, ""},
		"dropped":    {2029, GoalDropped, false, OutcomeNone, ""}, // due, but dropped: not overdue
		"done_early": {2029, GoalDone, false, OutcomeNone, "fatto"},
		"no_target":  {2029, GoalPlanned, false, OutcomeNone, ""},
		"nd":         {2030, GoalPlanned, false, OutcomeReached, ""},
	}
	got := FollowUps(h)
	if len(got) != len(wants) {
		ids := []string{}
		for _, f := range got {
			ids = append(ids, f.Goal.ID)
		}
		t.Fatalf("follow-ups %v, want %d (closed_before was closed in 2030, new is set in 2031)", ids, len(wants))
	}
	for _, f := range got {
		w, ok := wants[f.Goal.ID]
		if !ok {
			t.Errorf("unexpected follow-up %s", f.Goal.ID)
			continue
		}
		if f.SetIn != w.set || f.Status != w.status || f.Overdue != w.overdue || f.Outcome != w.outcome || f.Note.It != w.note {
			t.Errorf("%s: got set %d status %s overdue %v outcome %q note %q, want %+v",
				f.Goal.ID, f.SetIn, f.Status, f.Overdue, f.Outcome, f.Note.It, w)
		}
	}

	// The indicator n.d. in the edition: the target cannot be verified.
	ed31.Missing = map[string]bool{FileProjects: true}
	h[2] = Compute(ed31, testCatalogue)
	for _, f := range FollowUps(h) {
		if f.Goal.Indicator == "projects" && f.Goal.HasTarget && f.Outcome != OutcomeUnverifiable {
			t.Errorf("%s: outcome %q with projects n.d., want %q", f.Goal.ID, f.Outcome, OutcomeUnverifiable)
		}
		if f.Goal.ID == "reached" && !f.Overdue {
			t.Errorf("reached: due in 2031 and not verifiable, but not overdue")
		}
	}
	// One edition alone follows up nothing.
	if got := FollowUps(h[:1]); len(got) != 0 {
		t.Errorf("a single edition follows up %d goals", len(got))
	}
}

func TestCheckGoals(t *testing.T) {
	earlier := testEdition()
	earlier.Year = 2029
	earlier.Goals = []Goal{{ID: "old"}}
	ed := testEdition()
	ed.Goals = []Goal{
		{ID: "ok", Indicator: "projects", HasTarget: true, Target: 5},
		{ID: "typo", Indicator: "project", IndPos: Pos{File: "goals.yaml", Line: 3, Col: 14}},
		{ID: "share", Indicator: "new_share", HasTarget: true, Target: 101, TargetPos: Pos{File: "goals.yaml", Line: 4, Col: 11}},
		{ID: "old", IDPos: Pos{File: "goals.yaml", Line: 5, Col: 7}},
		{ID: "old", SetIn: 2029, Status: GoalDone},
		{ID: "ghost", SetIn: 2029, Status: GoalDone, IDPos: Pos{File: "goals.yaml", Line: 7, Col: 7}},
		{ID: "elsewhere", SetIn: 2020, Status: GoalDone}, // 2020 not read: not checked
	}
	want := []string{
		`goals.yaml:3:14: unknown indicator "project": it is not in the catalogue (did you mean "projects"?)`,
		"goals.yaml:4:11: target 101 of indicator new_share, a share, is a percentage: at most 100",
		`goals.yaml:5:7: goal id "old" was already set in the 2029 edition: to report on that goal, write set_in: 2029 with its status; for a new goal, choose another id`,
		`goals.yaml:7:7: goal "ghost": no goal of that id was set in the 2029 edition`,
	}
	got := CheckGoals(ed, testCatalogue, []*Edition{earlier})
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(want), got)
	}
	for i, e := range got {
		if e.Error() != want[i] {
			t.Errorf("error %d:\n got %s\nwant %s", i, e, want[i])
		}
	}
}
