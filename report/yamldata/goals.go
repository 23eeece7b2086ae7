package yamldata

import (
	"errors"
	"io/fs"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// goals reads goals.yaml, when the edition has one: the goals it sets and
// its updates on earlier goals. The file is optional and no indicator
// depends on it, so a missing one is neither a warning nor in
// Edition.Missing: the report says the edition records no goals. What needs
// the catalogue or the earlier editions is checked by report.CheckGoals.
func (l *loader) goals() {
	if _, err := fs.Stat(l.fsys, l.sub+"/"+report.FileGoals); errors.Is(err, fs.ErrNotExist) {
		return
	}
	n := l.file(report.FileGoals, true)
	if n == nil {
		return
	}
	d := l.d
	seen := newIDs("goal id")
	updates := map[updateKey]int{} // the line of each update, by goal
	for i, gn := range d.list(n, "goals") {
		if gn.Kind == yaml.MappingNode && firstKey(gn.Content, "set_in") != nil {
			l.goalUpdate(gn, i, updates)
			continue
		}
		f := d.fields(gn, record("goal", gn, i), "id!", "title!", "title_en", "due!", "owner!", "owner_en",
			"indicator", "target", "direction", "status", "note", "note_en")
		if f == nil {
			continue
		}
		g := report.Goal{
			ID:        d.str(f["id"], "id"),
			Title:     report.Text{It: d.title(f["title"], "title"), En: d.title(f["title_en"], "title_en")},
			Note:      report.Text{It: d.note(f["note"], "note"), En: d.note(f["note_en"], "note_en")},
			Owner:     report.Text{It: d.name(f["owner"], "owner"), En: d.name(f["owner_en"], "owner_en")},
			Due:       d.date(f["due"], "due"),
			Indicator: d.str(f["indicator"], "indicator"),
			Status:    l.goalStatus(f["status"]),
			Pos:       d.pos(gn),
		}
		if f["id"] != nil {
			seen.add(d, f["id"], g.ID)
			g.IDPos = d.pos(f["id"])
		}
		if !g.Due.IsZero() && g.Due.Year() < l.ed.Year {
			// The follow-up would call it overdue the day it is set.
			d.errorf(f["due"], "due %s is before the edition's year %d: a goal set with this edition is due in %d or later",
				g.Due.Format("2006-01-02"), l.ed.Year, l.ed.Year)
		}
		if in := f["indicator"]; in != nil {
			g.IndPos = d.pos(in)
		}
		if tn := f["target"]; tn != nil && !isNull(tn) {
			g.Target, g.HasTarget = d.amount(tn, "target", true)
			g.TargetPos = d.pos(tn)
			if g.Indicator == "" {
				d.errorf(tn, "goal %s has a target but no indicator: name the indicator (its catalogue id) the target is measured on", g.ID)
			}
		}
		if dn := f["direction"]; dn != nil && !isNull(dn) {
			switch g.Direction = d.str(dn, "direction"); g.Direction {
			case report.AtLeast, report.AtMost:
				if f["target"] == nil || isNull(f["target"]) {
					d.errorf(dn, "goal %s has a direction but no target", g.ID)
				}
			case "":
			default:
				d.errorf(dn, "direction %q must be at_least or at_most%s", g.Direction,
					report.Hint(g.Direction, []string{report.AtLeast, report.AtMost}))
			}
		}
		if g.HasTarget && g.Direction == "" {
			g.Direction = report.AtLeast
		}
		l.ed.Goals = append(l.ed.Goals, g)
	}
}

// goalUpdate reads an update on a goal an earlier edition set: its id, the
// year of that edition, the status now and a note.
func (l *loader) goalUpdate(gn *yaml.Node, i int, updates map[updateKey]int) {
	d := l.d
	f := d.fields(gn, record("goal update", gn, i), "id!", "set_in!", "status!", "note", "note_en")
	if f == nil {
		return
	}
	g := report.Goal{
		ID:     d.str(f["id"], "id"),
		Note:   report.Text{It: d.note(f["note"], "note"), En: d.note(f["note_en"], "note_en")},
		Status: l.goalStatus(f["status"]),
		Pos:    d.pos(gn),
	}
	if f["id"] != nil {
		g.IDPos = d.pos(f["id"])
	}
	if sn := f["set_in"]; sn != nil && !isNull(sn) {
		y, ok := d.countOK(sn, "set_in")
		switch {
		case !ok:
			return
		case y >= l.ed.Year:
			d.errorf(sn, "set_in %d: an update is on a goal of an earlier edition, before %d", y, l.ed.Year)
			return
		case y < 1000:
			d.errorf(sn, "set_in %d: write the year of the edition that set the goal, such as %d", y, l.ed.Year-1)
			return
		}
		g.SetIn = y
	}
	if g.SetIn == 0 {
		return
	}
	k := updateKey{g.ID, g.SetIn}
	if line, ok := updates[k]; ok && g.ID != "" {
		d.errorf(f["id"], "duplicate update on goal %q of %d (first at line %d)", g.ID, g.SetIn, line)
		return
	}
	updates[k] = g.Pos.Line
	l.ed.Goals = append(l.ed.Goals, g)
}

// goalStatus reads a goal's status: one of report.GoalStatuses.
func (l *loader) goalStatus(n *yaml.Node) string {
	s := l.d.str(n, "status")
	if s == "" {
		return ""
	}
	for _, st := range report.GoalStatuses {
		if s == st {
			return s
		}
	}
	l.d.errorf(n, "unknown status %q: one of planned, in_progress, done, dropped%s", s, report.Hint(s, report.GoalStatuses))
	return ""
}

// updateKey names the goal an update is on: its id and the year that set it.
type updateKey struct {
	id  string
	set int
}
