package narrative

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/format"
	"rendiconto/report/words"
)

// areaOf is the area of an indicator id: "A" for A.1.1, "B.2" for B.2.3.
func areaOf(id string) string {
	parts := strings.Split(id, ".")
	if parts[0] == "A" || len(parts) < 2 {
		return parts[0]
	}
	return parts[0] + "." + parts[1]
}

// areaName names an area in lang; an area the catalogue does not name is
// its id.
func areaName(area, lang string) string {
	if n, ok := words.For(lang).Areas[area]; ok {
		return n
	}
	return area
}

// minBase is the smallest earlier value (or, for a share, number of cases)
// whose relative change the main changes rank: on smaller bases a change
// moves by chance.
const minBase = 10

// mainChange is a comparable indicator's change as printed.
type mainChange struct {
	ch                *report.Change
	from, to, d, pctS string  // as printed
	pct               float64 // the printed percentage change
}

// comparableChanges are the indicators whose change the main changes rank,
// in catalogue order: known and published in both editions, an earlier
// value (a share: cases) of at least minBase that does not print as zero,
// a code list without codes dropped, split or new (such codes may count
// records the old ones did not),
// each total once (an indicator that prints the same two values in the
// same unit as an earlier one is left out).
func comparableChanges(c *report.Comparison, lang string) []mainChange {
	var out []mainChange
	seen := map[string]bool{}
	for _, ch := range c.Indicators {
		ind := ch.Indicator
		if !ch.From.Known || !ch.To.Known || ch.FromWithheld || ch.ToWithheld || ch.DefinitionChange || hasNewCodes(ch) {
			continue
		}
		share, dec := ind.IsShare(), format.Decimals(ind)
		f := format.Printed(ch.From.Num, dec, share)
		if f == 0 {
			continue
		}
		if share {
			if base, ok := shareBase(c.From, ind.ID); !ok || base < minBase {
				continue
			}
		} else if f < minBase {
			continue
		}
		m := mainChange{ch: ch, from: format.IndValue(ch.From, ind, lang), to: format.IndValue(ch.To, ind, lang),
			d: format.ChangeFrom(ch.From, ch.To, dec, share, lang), pctS: format.ChangePctFrom(ch.From, ch.To, dec, share, lang)}
		key := m.from + "|" + m.to + "|" + ind.Unit.In("it")
		if seen[key] {
			continue
		}
		seen[key] = true
		t := format.Printed(ch.To.Num, dec, share)
		m.pct = roundTo((t-f)/math.Abs(f)*100, 1)
		out = append(out, m)
	}
	return out
}

// maxMainChanges is how many increases, and how many decreases, the main
// changes name.
const maxMainChanges = 6

// mainChanges returns the largest increases and decreases, largest first
// (ties in catalogue order).
func mainChanges(all []mainChange) (up, down []mainChange) {
	for _, m := range all {
		switch {
		case m.pct > 0:
			up = append(up, m)
		case m.pct < 0:
			down = append(down, m)
		}
	}
	byAbs := func(a, b mainChange) int { return cmp.Compare(math.Abs(b.pct), math.Abs(a.pct)) }
	slices.SortStableFunc(up, byAbs)
	slices.SortStableFunc(down, byAbs)
	return up[:min(len(up), maxMainChanges)], down[:min(len(down), maxMainChanges)]
}

// sentence says a change with both figures: "Tavoli permanenti: da 29 a
// 34 (+5, +17,2%)."
func (m mainChange) sentence(lang string) string {
	return fmt.Sprintf(words.For(lang).Story.FromTo, m.ch.Indicator.Title.In(lang), m.from, m.to, m.d, m.pctS)
}

// story is the first parts of a comparison: the main changes, the code
// lists changed, the changes by area.
type story struct {
	c     *report.Comparison
	lists []report.CodeListChange
	lang  string
	w     *words.Story
	// brief counts what would name more than maxNamed codes or
	// indicators in one sentence (the slides).
	brief bool
}

// maxNamed is the most codes or indicators a brief sentence names.
const maxNamed = 3

func newStory(c *report.Comparison, between []*report.Edition, lang string) *story {
	if lang != "en" {
		lang = "it"
	}
	return &story{c: c, lists: report.NewComparer(c.From, c.To, between).CodeLists(), lang: lang, w: &words.For(lang).Story}
}

func para(s string) *document.Paragraph {
	return &document.Paragraph{Spans: []document.Span{{Text: s}}}
}

func list(items []string) *document.List {
	l := &document.List{}
	for _, s := range items {
		l.Items = append(l.Items, *para(s))
	}
	return l
}

func (s *story) q(text string) string { return fmt.Sprintf(s.w.Quote, text) }

// names joins quoted labels as a list: "«a», «b» e «c»".
func (s *story) names(es []report.Entry) string {
	q := make([]string, len(es))
	for i, e := range es {
		q[i] = s.q(e.LabelIn(s.lang))
	}
	return s.join(q)
}

// listName names a code list: the header of its breakdowns.
func (s *story) listName(domain string) string {
	if h, ok := words.For(s.lang).Dimensions[domain]; ok {
		return h
	}
	return domain
}

// mainBlocks are the main changes: increases, decreases, what appeared and
// what cannot be compared.
func (s *story) mainBlocks() []document.Block {
	c, w, lang := s.c, s.w, s.lang
	fy, ty := c.From.Edition.Year, c.To.Edition.Year
	blocks := []document.Block{&document.Heading{Level: 1, Text: w.Main}, para(fmt.Sprintf(w.MainIntro, fy, ty, fy))}
	up, down := mainChanges(comparableChanges(c, lang))
	for _, part := range []struct {
		head, none string
		ms         []mainChange
	}{{w.Up, w.NoUp, up}, {w.Down, w.NoDown, down}} {
		blocks = append(blocks, &document.Heading{Level: 2, Text: part.head})
		if len(part.ms) == 0 {
			blocks = append(blocks, para(part.none))
			continue
		}
		var items []string
		for _, m := range part.ms {
			items = append(items, m.sentence(lang))
		}
		blocks = append(blocks, list(items))
	}

	// what appeared: indicators and codes new in the later edition
	var items []string
	for _, ch := range c.Indicators {
		if _, ok := c.From.Lookup(ch.Indicator.ID); !ok {
			items = append(items, fmt.Sprintf(w.NewInd, s.q(ch.Indicator.Title.In(lang))))
		}
	}
	for _, l := range s.lists {
		var news []report.Entry
		for _, cc := range l.Changes {
			if cc.Kind == report.CodeNew {
				news = append(news, cc.Codes...)
			}
		}
		if s.brief && len(news) > maxNamed {
			items = append(items, fmt.Sprintf(w.NewCodesCount, fmt.Sprintf(w.List, s.listName(l.Domain)), len(news)))
		} else if len(news) > 0 {
			n := w.NewCode1
			if len(news) > 1 {
				n = w.NewCodeN
			}
			items = append(items, fmt.Sprintf(w.NewCodes, fmt.Sprintf(w.List, s.listName(l.Domain)), n, s.names(news)))
		}
	}
	blocks = append(blocks, &document.Heading{Level: 2, Text: fmt.Sprintf(w.Appeared, ty)})
	if len(items) == 0 {
		blocks = append(blocks, para(w.NoNew))
	} else {
		blocks = append(blocks, list(items))
	}

	// what cannot be compared, each named, the indicators of one reason
	// together (in catalogue order): titles stands for their names
	const titles = "\x00"
	var reasons []string
	named := map[string][]string{}
	why := func(id string, rs *report.Results) string {
		r, ok := rs.Lookup(id)
		if !ok || r.Value.Known {
			return ""
		}
		y := rs.Edition.Year
		switch {
		case r.Withheld:
			return fmt.Sprintf(w.Withheld, y, titles)
		case len(r.Missing) > 0:
			// the sources as a reader names them, never a file
			var names []string
			for _, f := range r.Missing {
				names = append(names, rs.Edition.SourceName(f, s.lang))
			}
			return fmt.Sprintf(w.Missing, y, s.join(names), titles)
		}
		return fmt.Sprintf(w.NDBare, y, titles)
	}
	for _, ch := range c.Indicators {
		id, reason := ch.Indicator.ID, ""
		if reason = why(id, c.From); reason != "" {
		} else if reason = why(id, c.To); reason != "" {
		} else if ch.DefinitionChange {
			reason = fmt.Sprintf(w.Redefined, titles, s.listName(ch.Indicator.ByDomain()), w.Lists)
		} else if hasNewCodes(ch) {
			reason = fmt.Sprintf(w.NewRows, titles, s.listName(ch.Indicator.ByDomain()))
		} else {
			continue
		}
		if _, ok := named[reason]; !ok {
			reasons = append(reasons, reason)
		}
		named[reason] = append(named[reason], s.q(ch.Indicator.Title.In(lang)))
	}
	items = nil
	for _, r := range reasons {
		names := s.join(named[r])
		if s.brief && len(named[r]) > maxNamed {
			names = fmt.Sprintf(w.IndCount, len(named[r]))
		}
		items = append(items, strings.Replace(r, titles, names, 1))
	}
	blocks = append(blocks, &document.Heading{Level: 2, Text: w.NotComp})
	if len(items) == 0 {
		blocks = append(blocks, para(w.AllComp))
	} else {
		blocks = append(blocks, list(items))
	}
	return blocks
}

// listBlocks are the code lists changed, each in words with its labels,
// and the indicators it affects.
func (s *story) listBlocks() []document.Block {
	w, fy, ty := s.w, s.c.From.Edition.Year, s.c.To.Edition.Year
	// a section of the main changes, right after what cannot be compared,
	// which refers to it: a part of its own opens a page, and the main
	// changes left a line or two on the page before it, or it put a
	// sentence alone on a page when no list changed
	blocks := []document.Block{&document.Heading{Level: 2, Text: w.Lists}}
	if len(s.lists) == 0 {
		return append(blocks, para(fmt.Sprintf(w.NoLists, fy, ty)))
	}
	n := w.List1
	if len(s.lists) > 1 {
		n = fmt.Sprintf(w.ListN, len(s.lists))
	}
	blocks = append(blocks, para(fmt.Sprintf(w.ListsIntro, fy, ty, n)))
	for _, l := range s.lists {
		blocks = append(blocks, &document.Heading{Level: 3, Text: fmt.Sprintf(w.List, s.listName(l.Domain))})
		blocks = append(blocks, list(s.codeSentences(l.Changes)))
		var affected []string
		for _, ch := range s.c.Indicators {
			if ch.Indicator.ByDomain() == l.Domain && len(ch.Breakdown) > 0 {
				affected = append(affected, s.q(ch.Indicator.Title.In(s.lang)))
			}
		}
		if len(affected) == 0 {
			blocks = append(blocks, para(w.AffectsNone))
		} else {
			blocks = append(blocks, para(fmt.Sprintf(w.Affects, s.join(affected))))
		}
	}
	return blocks
}

// codeSentences says the changes of a code list in words, one sentence a
// change, except that two or more new items, or dropped items, are one
// sentence, where the first of them is: four sentences in a row of "the
// item X is new" read as a machine's. A rename keeps its own, the mapping
// a reader looks up.
func (s *story) codeSentences(changes []report.CodeChange) []string {
	w := s.w
	var out []string
	group := map[string]int{} // kind: its sentence in out
	var members = map[string][]report.CodeChange{}
	count := map[string]int{}
	for _, cc := range changes {
		count[cc.Kind]++
	}
	grouped := func(cc report.CodeChange) bool {
		switch cc.Kind {
		case report.CodeNew, report.CodeDropped:
			return count[cc.Kind] > 1
		}
		return false
	}
	for _, cc := range changes {
		if !grouped(cc) {
			out = append(out, s.codeSentence(cc))
			continue
		}
		if _, ok := group[cc.Kind]; !ok {
			group[cc.Kind] = len(out)
			out = append(out, "")
		}
		members[cc.Kind] = append(members[cc.Kind], cc)
	}
	for kind, i := range group {
		ms := members[kind]
		if len(ms) == 1 {
			out[i] = s.codeSentence(ms[0])
			continue
		}
		var es []report.Entry
		for _, cc := range ms {
			if kind == report.CodeNew {
				es = append(es, cc.Codes...)
			} else {
				es = append(es, cc.Was...)
			}
		}
		f := w.CodesDrop
		if kind == report.CodeNew {
			f = w.CodesNew
		}
		out[i] = fmt.Sprintf(f, s.names(es))
	}
	return out
}

// codeSentence says one change of a code list in words, naming the codes
// by their labels.
func (s *story) codeSentence(cc report.CodeChange) string {
	w := s.w
	switch cc.Kind {
	case report.CodeNew:
		return fmt.Sprintf(w.CodeNew, s.names(cc.Codes))
	case report.CodeDropped:
		return fmt.Sprintf(w.CodeDropped, s.names(cc.Was))
	case report.CodeRenamed:
		if s.names(cc.Was) == s.names(cc.Codes) {
			return fmt.Sprintf(w.Recoded, s.names(cc.Codes))
		}
		return fmt.Sprintf(w.CodeRenamed, s.names(cc.Was), s.names(cc.Codes))
	case report.CodeMerged:
		return fmt.Sprintf(w.CodeMerged, s.names(cc.Was), s.names(cc.Codes))
	case report.CodeSplit:
		return fmt.Sprintf(w.CodeSplit, s.names(cc.Was), s.names(cc.Codes))
	}
	return ""
}

// join joins phrases as a list: "a, b e c".
func (s *story) join(q []string) string { return joinWords(q, s.lang, false) }

// areaBlocks are the relative changes of the comparable indicators, a
// diverging bar chart by area.
func (s *story) areaBlocks() []document.Block {
	w, fy, ty := s.w, s.c.From.Edition.Year, s.c.To.Edition.Year
	all := comparableChanges(s.c, s.lang)
	if len(all) == 0 {
		return nil
	}
	blocks := []document.Block{&document.Heading{Level: 1, Text: w.ByArea}, para(fmt.Sprintf(w.ByAreaIntro, fy))}
	var areas []string
	byArea := map[string][]mainChange{}
	for _, m := range all {
		a := areaOf(m.ch.Indicator.ID)
		if _, ok := byArea[a]; !ok {
			areas = append(areas, a)
		}
		byArea[a] = append(byArea[a], m)
	}
	span := 0.0 // one scale for every area
	for _, m := range all {
		span = math.Max(span, math.Abs(m.pct/100))
	}
	var same []string // areas where nothing changed: no chart of zeros
	for _, a := range areas {
		if !slices.ContainsFunc(byArea[a], func(m mainChange) bool { return m.pct != 0 }) {
			same = append(same, areaName(a, s.lang))
			continue
		}
		ch := &document.Chart{Kind: document.ChartHBar, Percent: true, Signed: true, Span: span,
			Caption: fmt.Sprintf(w.AreaChart, fy, ty, areaName(a, s.lang)), Note: w.AreaNote}
		vals := make([]float64, 0, len(byArea[a]))
		for _, m := range byArea[a] {
			ch.Labels = append(ch.Labels, m.ch.Indicator.Title.In(s.lang))
			vals = append(vals, m.pct/100)
		}
		ch.Series = []document.Series{{Name: "%", Values: vals}}
		blocks = append(blocks, ch)
	}
	if len(same) > 0 {
		blocks = append(blocks, para(fmt.Sprintf(w.AreaSame, s.join(same))))
	}
	return blocks
}

// hasNewCodes reports whether a row of the indicator's breakdown is a code
// new in the later edition.
func hasNewCodes(ch *report.Change) bool {
	return slices.ContainsFunc(ch.Breakdown, func(r report.RowChange) bool { return r.Note == report.NoteNew })
}

// shareBase is the number of cases a share of rs is computed on: its
// records, or for a share of aggregate figures its denominator (the
// indicator it names, or the breakdown rows of its fields); false when it
// cannot be told or is not available.
func shareBase(rs *report.Results, id string) (float64, bool) {
	r, ok := rs.Lookup(id)
	if !ok || r.Withheld {
		return 0, false
	}
	if r.Records > 0 {
		return float64(r.Records), true
	}
	den := r.Indicator.Denominator
	switch {
	case den == nil:
		return 0, false
	case den.ID != "":
		d, ok := rs.Lookup(den.ID)
		if !ok || !d.Value.Known || d.Withheld {
			return 0, false
		}
		return d.Value.Num, true
	case len(den.Fields) == 0 || den.Residents:
		return 0, false
	}
	sum := 0.0
	for _, f := range den.Fields {
		i := slices.IndexFunc(r.Breakdown, func(row report.Row) bool { return row.Key == f })
		if i < 0 || r.Breakdown[i].NA || r.Breakdown[i].Withheld {
			return 0, false
		}
		sum += r.Breakdown[i].Value
	}
	return sum, true
}
