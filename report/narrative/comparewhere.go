package narrative

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/words"
)

// The most breakdowns "Dove è cambiato" charts, and the most rows of each.
const (
	maxWhere     = 4
	maxWhereRows = 12
)

// whereBlocks are the breakdowns that changed most, each a dumbbell chart
// of its rows in the two editions: among the counts and sums broken down by
// a code list, the rows compared as they are (or with the sum of the codes
// they were), published and known in both editions; ranked by the sum of
// the rows' changes in absolute value against the rows' earlier total (at
// least minBase), at most maxRows rows a chart (those that moved most).
// Nothing when no breakdown moved.
func (s *story) whereBlocks(maxRows int) []document.Block {
	w := &words.For(s.lang).Where
	fy, ty := s.c.From.Edition.Year, s.c.To.Edition.Year
	type moved struct {
		ch    *report.Change
		rows  []report.RowChange
		score float64
		left  bool // rows not comparable or withheld were left out
	}
	var ms []moved
	for _, ch := range s.c.Indicators {
		if ch.Indicator.By == "" || !ch.Indicator.Additive() || len(ch.Breakdown) == 0 {
			continue
		}
		all, _ := comparedRows(ch)
		m := moved{ch: ch}
		var from, delta float64
		for _, r := range all {
			if (r.Note != report.NoteUnchanged && r.Note != report.NoteMapped) || r.FromWithheld || r.ToWithheld || !r.From.Known || !r.To.Known {
				m.left = true
				continue
			}
			m.rows = append(m.rows, r)
			from += r.From.Num
			delta += math.Abs(r.To.Num - r.From.Num)
		}
		if len(m.rows) < 2 || from < minBase || delta == 0 {
			continue
		}
		m.score = delta / from
		ms = append(ms, m)
	}
	if len(ms) == 0 {
		return nil
	}
	slices.SortStableFunc(ms, func(a, b moved) int { return cmp.Compare(b.score, a.score) })
	ms = ms[:min(len(ms), maxWhere)]
	blocks := []document.Block{&document.Heading{Level: 1, Text: w.Where},
		para(fmt.Sprintf(w.WhereIntro, fy, ty, maxWhere, fy, fy, ty))}
	for _, m := range ms {
		rows := largestChanges(m.rows, maxRows)
		ind := m.ch.Indicator
		ch := &document.Chart{Kind: document.ChartDumbbell, Caption: fmt.Sprintf(w.Caption, ind.Title.In(s.lang), fy, ty),
			Note: w.Rows}
		from := document.Series{Name: strconv.Itoa(fy)}
		to := document.Series{Name: strconv.Itoa(ty)}
		for _, r := range rows {
			ch.Labels = append(ch.Labels, r.Label.In(s.lang))
			from.Values = append(from.Values, r.From.Num)
			to.Values = append(to.Values, r.To.Num)
		}
		ch.Series = []document.Series{from, to}
		if len(rows) < len(m.rows) {
			ch.Note += fmt.Sprintf(w.Cut, len(rows), strconv.Itoa(len(m.rows)))
		}
		if slices.ContainsFunc(rows, func(r report.RowChange) bool { return r.Note == report.NoteMapped }) {
			ch.Note += w.Mapped
		}
		if m.left {
			ch.Note += w.Left
		}
		blocks = append(blocks, ch)
	}
	return blocks
}
