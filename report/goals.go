package report

import (
	"fmt"
	"strconv"
	"time"
)

// FileGoals is the optional file of the improvement goals an edition sets,
// and of the updates it gives on the goals of earlier editions.
const FileGoals = "goals.yaml"

// Goal statuses. A goal without a status is planned.
const (
	GoalPlanned    = "planned"
	GoalInProgress = "in_progress"
	GoalDone       = "done"
	GoalDropped    = "dropped"
)

// GoalStatuses are the statuses a goal may have, in their natural order.
var GoalStatuses = []string{GoalPlanned, GoalInProgress, GoalDone, GoalDropped}

// Goal directions: whether a target is reached by a value at or above it
// (the default) or at or below it (a waiting time, a backlog).
const (
	AtLeast = "at_least"
	AtMost  = "at_most"
)

// Goal is one record of goals.yaml: an improvement goal set in the edition
// (SetIn zero), or an update on a goal an earlier edition set (SetIn its
// year), which gives only a status and a note.
type Goal struct {
	ID            string
	Title, Note   Text
	Owner         Text
	Due           time.Time
	Indicator     string // optional: the catalogue id of the indicator that measures it
	Target        float64
	HasTarget     bool
	Direction     string // AtLeast or AtMost; set only with a target
	Status        string // one of GoalStatuses; "" is read as planned
	SetIn         int    // an update: the year of the edition that set the goal
	Pos           Pos    // the record, for messages
	IDPos, IndPos Pos    // its id and its indicator field
	TargetPos     Pos
}

// Update reports whether the record is an update on an earlier goal.
func (g Goal) Update() bool { return g.SetIn != 0 }

// Closed reports whether the status ends the goal: done or dropped.
func Closed(status string) bool { return status == GoalDone || status == GoalDropped }

// StatusOf is the goal's status, planned when it gives none.
func (g Goal) StatusOf() string {
	if g.Status == "" {
		return GoalPlanned
	}
	return g.Status
}

// SetGoals returns the goals the edition sets, leaving out its updates on
// earlier ones, in file order.
func (e *Edition) SetGoals() []Goal {
	var out []Goal
	for _, g := range e.Goals {
		if !g.Update() {
			out = append(out, g)
		}
	}
	return out
}

// CheckGoals checks the goals of ed against what the loader of one file
// cannot know: the catalogue the edition is computed with (an indicator id,
// a share's target) and the earlier editions (an update names a goal one of
// them set; a new goal does not reuse an earlier id). earlier are the
// editions before ed that were read, oldest first: an update on a goal of an
// edition not among them is not checked.
func CheckGoals(ed *Edition, cat *Catalogue, earlier []*Edition) ErrorList {
	var errs ErrorList
	var ids []string
	if cat != nil {
		ids = make([]string, len(cat.Indicators))
		for i, ind := range cat.Indicators {
			ids[i] = ind.ID
		}
	}
	setBy := map[string]int{} // goal id → year of the edition that set it
	read := map[int]bool{}    // the editions read: an update on another one is not checked
	for _, e := range earlier {
		if e.Year >= ed.Year {
			continue
		}
		read[e.Year] = true
		for _, g := range e.SetGoals() {
			setBy[g.ID] = e.Year
		}
	}
	for _, g := range ed.Goals {
		if g.Update() {
			if !read[g.SetIn] {
				continue
			}
			if y, ok := setBy[g.ID]; !ok || y != g.SetIn {
				msg := fmt.Sprintf("goal %q: no goal of that id was set in the %d edition", g.ID, g.SetIn)
				if ok {
					msg += fmt.Sprintf(" (it was set in %d: write set_in: %d)", y, y)
				}
				errs.Add(g.IDPos, "%s", msg)
			}
			continue
		}
		if y, ok := setBy[g.ID]; ok {
			errs.Add(g.IDPos, "goal id %q was already set in the %d edition: to report on that goal, write set_in: %d with its status; for a new goal, choose another id", g.ID, y, y)
		}
		if g.Indicator == "" || cat == nil {
			continue
		}
		ind, ok := cat.Lookup(g.Indicator)
		if !ok {
			errs.Add(g.IndPos, "unknown indicator %q: it is not in the catalogue%s", g.Indicator, Hint(g.Indicator, ids))
			continue
		}
		if g.HasTarget && ind.IsShare() && g.Target > 100 {
			errs.Add(g.TargetPos, "target %v of indicator %s, a share, is a percentage: at most 100", g.Target, g.Indicator)
		}
	}
	return errs
}

// Goal outcomes: how an indicator's value in an edition stands against a
// goal's target.
const (
	OutcomeNone         = ""             // no indicator or no target
	OutcomeReached      = "reached"      // the value is at the target or beyond it
	OutcomeMissed       = "missed"       // the value falls short of the target
	OutcomeUnverifiable = "unverifiable" // the indicator is n.d. in the edition
)

// FollowUp is an earlier edition's goal as the report of a later edition
// tells it: its status then, whether it is past its due date, and the
// indicator's value in that edition against the target.
type FollowUp struct {
	Goal    Goal // as it was set
	SetIn   int  // the year of the edition that set it
	Status  string
	Note    Text // the note of the latest update, if any (the goal's own is in Goal)
	Updated bool // the edition gives an update on it
	// StatusYear is the year of the edition that gave the status: the
	// edition's own when Updated, else an earlier one.
	StatusYear int
	// Overdue is set when the goal was due by the end of the edition's year
	// and is neither done nor dropped, unless its target is reached.
	Overdue bool
	// Result is the goal's indicator in the edition, nil without one.
	Result  *Result
	Outcome string
}

// FollowUps returns the goals of the editions before the last of history
// that the last one reports on: every goal not closed (done or dropped) in
// an edition before it, in the order of the editions and of their files.
// The status of a goal is the one of its latest update up to the last
// edition, or the one it was set with.
func FollowUps(history []*Results) []FollowUp {
	if len(history) == 0 {
		return nil
	}
	rs := history[len(history)-1]
	year := rs.Edition.Year
	updates := make([]map[string]Goal, len(history)) // each edition's updates, by goal "id@year"
	for i, h := range history {
		for _, g := range h.Edition.Goals {
			if g.Update() {
				if updates[i] == nil {
					updates[i] = map[string]Goal{}
				}
				updates[i][updateID(g.ID, g.SetIn)] = g
			}
		}
	}
	var out []FollowUp
	for i, h := range history[:len(history)-1] {
		set := h.Edition.Year
		if set >= year {
			continue
		}
		for _, g := range h.Edition.SetGoals() {
			f := FollowUp{Goal: g, SetIn: set, Status: g.StatusOf(), StatusYear: set}
			closedBefore := Closed(f.Status)
			for j, later := range history[i+1:] {
				u, ok := updates[i+1+j][updateID(g.ID, set)]
				if !ok {
					continue
				}
				if later == rs {
					f.Updated = true
				} else {
					closedBefore = Closed(u.Status)
				}
				f.Status, f.Note, f.StatusYear = u.StatusOf(), u.Note, later.Edition.Year
			}
			if closedBefore {
				continue
			}
			endOfYear := time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC)
			if g.Indicator != "" {
				if r, ok := rs.Lookup(g.Indicator); ok {
					f.Result = r
				}
			}
			f.Outcome = outcome(g, f.Result)
			// A target the figures show reached is not overdue, whatever
			// status was last written.
			f.Overdue = !g.Due.IsZero() && !g.Due.After(endOfYear) && !Closed(f.Status) && f.Outcome != OutcomeReached
			out = append(out, f)
		}
	}
	return out
}

// updateID keys an update by its goal's id and the year that set it.
func updateID(id string, set int) string { return id + "@" + strconv.Itoa(set) }

// outcome compares the indicator's value with the goal's target. A share's
// value is a fraction, its target a percentage.
func outcome(g Goal, r *Result) string {
	if !g.HasTarget || g.Indicator == "" {
		return OutcomeNone
	}
	if r == nil || !r.Value.Known {
		return OutcomeUnverifiable
	}
	v := r.Value.Num
	if r.Indicator.IsShare() {
		v *= 100
	}
	const eps = 1e-9 // a value equal to the target reaches it
	reached := v >= g.Target-eps
	if g.Direction == AtMost {
		reached = v <= g.Target+eps
	}
	if reached {
		return OutcomeReached
	}
	return OutcomeMissed
}
