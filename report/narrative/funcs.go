package narrative

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
	"unicode"
	"unicode/utf8"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/format"
	"rendiconto/report/words"
)

// env is what template functions read: the edition's results, the
// previous edition's and the comparison with it if there is one, every
// edition up to this one for trends, and the blocks set aside so far.
//
// It also holds what bounds the template: the build's context, its limits,
// the writer of its output and the actions that print (see prepare).
type env struct {
	rs, prev *report.Results
	cmp      *changes // nil: no previous edition
	history  []*report.Results
	lang     string
	src      Source // the templates' source (for the glossary of sections.go)
	blocks   []document.Block
	na       string // how a chart note says not available: format.NA, "n/a" in the English comparison

	ctx     context.Context
	lim     Limits
	out     *output
	actions []action
	last    atomic.Int64 // 1 + the index of the last action printed
}

// newEnv returns the env of a template of the last edition of history.
// cmp are the changes from the previous edition (see newChanges), shared
// by the templates of a build; nil when there is no previous edition.
func newEnv(ctx context.Context, history []*report.Results, lang string, lim Limits, cmp *changes) *env {
	e := &env{rs: history[len(history)-1], history: history, lang: lang, ctx: ctx, lim: lim, cmp: cmp}
	e.out = &output{ctx: ctx, max: lim.Output}
	e.na = format.NAIn(e.lang)
	if len(history) > 1 {
		e.prev = history[len(history)-2]
	}
	return e
}

// changes are the changes of the last edition of a history from the one
// before, each indicator compared when a template first asks for it: of
// thousands of breakdown rows, only those of the tables asked for are
// paired.
type changes struct {
	mu   sync.Mutex
	cr   *report.Comparer
	byID map[string]*report.Change
}

// newChanges returns the changes of the last edition of history; nil when
// there is no edition before it.
func newChanges(history []*report.Results) *changes {
	if len(history) < 2 {
		return nil
	}
	return &changes{cr: report.NewComparer(history[len(history)-2], history[len(history)-1], nil), byID: map[string]*report.Change{}}
}

// of returns the change of indicator id, or nil when c is nil or the
// edition has no such indicator.
func (c *changes) of(id string) *report.Change {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ch, ok := c.byID[id]
	if !ok {
		if c.cr != nil {
			ch, _ = compareOne(c.cr, id)
		}
		c.byID[id] = ch
	}
	return ch
}

// compareOne is (*report.Comparer).Change; the tests count its calls.
var compareOne = (*report.Comparer).Change

// funcs are the template functions; see the package README in templates/.
func (e *env) funcs() template.FuncMap {
	m := template.FuncMap{
		"value":      e.value,
		"known":      e.known,
		"num":        e.num,
		"title":      e.title,
		"unit":       e.unit,
		"row":        e.row,
		"rownum":     e.rownum,
		"rowshare":   e.rowshare,
		"top":        e.top,
		"ratio":      e.ratio,
		"fmt":        func(x float64) string { return format.Auto(x, e.lang) },
		"pct":        func(x float64) string { return percent1(x, e.lang) },
		"chart":      e.chart,
		"trendchart": e.trendchart,
		"table":      e.table,
		"change":     e.change,
		"comparable": e.comparable,
		"trend":      e.trend,
		"prev":       e.prevValue,
		"indicators": e.indicators,
		"coverage":   e.coverage,
		"goals":      e.goals,     // goals.go
		"privacy":    e.privacy,   // privacy.go
		"district":   e.district,  // district.go
		"cityvalue":  e.cityvalue, // district.go
		"cityshare":  e.cityshare, // district.go
		// words chosen from the figures (phrases.go)
		"delta":   e.delta,
		"plural":  plural,
		"count":   e.count,
		"nof":     e.nof,
		"reach":   e.reach,
		"most":    e.most,
		"nmost":   e.nmost,
		"list":    e.join,
		"labels":  e.labels,
		"kinds":   e.kinds,
		"label":   e.label,
		"since":   e.since,
		"sub":     sub,
		"first":   first,
		"leaders": e.leaders,
		"euro":    func(x float64) string { return e.euro(math.Round(x)) }, // whole euros: "2.628 euro", "€2,628"
		"rounded": e.rounded,
		"same":    e.same,
		"items":   e.items,
		"il":      article(""),
		"al":      article("a"),
		"del":     article("di"),
		"_text":   e.text,
		// The builtins that make text, bounded like the output.
		"print":    e.checked(fmt.Sprint),
		"println":  e.checked(fmt.Sprintln),
		"printf":   func(f string, args ...any) (string, error) { return e.check(fmt.Sprintf(f, args...)) },
		"html":     e.checked(template.HTMLEscaper),
		"js":       e.checked(template.JSEscaper),
		"urlquery": e.checked(template.URLQueryEscaper),
	}
	maps.Copy(m, e.sectionFuncs())
	return m
}

// text is the last command of every action that prints (see prepare): it
// escapes the value for Markdown, unless it is markup, and records that
// action at was the last one printed.
func (e *env) text(at int, v any) (string, error) {
	e.last.Store(int64(at) + 1)
	var s string
	switch v := v.(type) {
	case markup:
		return e.check(string(v))
	case string:
		s = v
	case nil:
		s = "<no value>"
	default:
		s = fmt.Sprint(v)
	}
	if err := e.out.room(len(s)); err != nil {
		return "", err
	}
	return escapeText(s), nil
}

// check returns s, or an error when the build is stopped or s would not fit
// in the output, so that a template cannot build strings without bound in
// its variables.
func (e *env) check(s string) (string, error) {
	if err := e.out.room(len(s)); err != nil {
		return "", err
	}
	return s, nil
}

func (e *env) checked(f func(...any) string) func(...any) (string, error) {
	return func(args ...any) (string, error) { return e.check(f(args...)) }
}

func (e *env) result(id string) (*report.Result, error) {
	if err := e.ctx.Err(); err != nil {
		return nil, err
	}
	if r, ok := e.rs.Lookup(id); ok {
		return r, nil
	}
	ids := make([]string, len(e.rs.List))
	for i, r := range e.rs.List {
		ids[i] = r.Indicator.ID
	}
	return nil, fmt.Errorf("unknown indicator %q%s", id, report.Hint(id, ids))
}

func (e *env) value(id string) (string, error) {
	r, err := e.result(id)
	if err != nil {
		return "", err
	}
	if r.Withheld {
		return NP, nil
	}
	return indValue(r.Value, r.Indicator, e.lang), nil
}

// rowDecimals is the precision of a breakdown row of ind: the indicator's
// own (format.Decimals), except for a part that is a plain sum of a field
// (hires, contacts: a whole count; an FTE field: one decimal) and for the
// part of a mean (itself a mean: one decimal). v decides a field that is
// neither.
func rowDecimals(ind *report.Indicator, key string, v float64) int {
	for _, p := range ind.Parts {
		if p.RowKey() != key {
			continue
		}
		switch {
		case ind.Measure == report.MeasureMean:
			return 1
		case p.IsThreshold():
			return format.Decimals(ind)
		case p.Denominator != nil && format.Euro(ind):
			return 0
		case p.Denominator != nil:
			return 1 // a rate: contacts per person
		case p.Indicator != nil && p.Indicator.Ref != nil:
			return format.Decimals(p.Indicator.Ref)
		case p.Field != "" && strings.Contains(strings.ToLower(p.Field), "fte"):
			return 1
		case p.Field != "":
			return format.AutoDecimals(v)
		}
		return format.Decimals(ind)
	}
	if ind.IsShare() {
		return 1
	}
	return format.Decimals(ind)
}

// rowNumber prints a breakdown row's value at its precision (rowDecimals).
func rowNumber(ind *report.Indicator, key string, v float64, lang string) string {
	return format.Fixed(v, rowDecimals(ind, key, v), lang)
}

func (e *env) known(id string) (bool, error) {
	r, err := e.result(id)
	return err == nil && r.Value.Known, err
}

func (e *env) num(id string) (float64, error) {
	r, err := e.result(id)
	if err != nil {
		return 0, err
	}
	if r.Withheld {
		return 0, fmt.Errorf("indicator %s is not published in this edition (a count of people too small): guard it with {{if known %q}}", id, id)
	}
	if !r.Value.Known {
		return 0, fmt.Errorf("indicator %s is n.d. in this edition: guard it with {{if known %q}}", id, id)
	}
	return r.Value.Num, nil
}

func (e *env) title(id string) (string, error) {
	r, err := e.result(id)
	if err != nil {
		return "", err
	}
	return r.Indicator.Title.In(e.lang), nil
}

func (e *env) unit(id string) (string, error) {
	r, err := e.result(id)
	if err != nil {
		return "", err
	}
	return r.Indicator.Unit.In(e.lang), nil
}

func (e *env) findRow(id, key string) (*report.Result, *report.Row, error) {
	r, err := e.result(id)
	if err != nil {
		return nil, nil, err
	}
	if r.Indicator.By == "" && len(r.Indicator.Parts) == 0 {
		return nil, nil, fmt.Errorf("indicator %s has no breakdown", id)
	}
	keys := make([]string, 0, len(r.Breakdown))
	for i, row := range r.Breakdown {
		if row.Key == key {
			return r, &r.Breakdown[i], nil
		}
		keys = append(keys, row.Key)
	}
	if !r.Value.Known || e.absentCode(r, key, keys) {
		return r, nil, nil
	}
	return nil, nil, fmt.Errorf("indicator %s has no row %q%s", id, key, report.Hint(key, keys))
}

// absentCode reports whether a row key the breakdown lacks is a code the
// edition does not record rather than a mistake: the rows are the codes of
// one of the edition's code lists (not rows the catalogue fixes), and the
// key is a code the catalogue's conditions name in that list, or is not
// close to any of the edition's codes (a close one is a typo: an error
// with did-you-mean). Such a row is n.d.
func (e *env) absentCode(r *report.Result, key string, keys []string) bool {
	list, ok := r.Indicator.RowList(nil)
	if !ok {
		return false
	}
	inds := make([]*report.Indicator, len(e.rs.List))
	for i, r := range e.rs.List {
		inds[i] = r.Indicator
	}
	if report.NamesCode(inds, list, key) {
		return true
	}
	_, typo := report.Nearest(key, keys)
	return !typo
}

func (e *env) row(id, key string) (string, error) {
	r, row, err := e.findRow(id, key)
	if err != nil {
		return e.nd(), err
	}
	if row == nil {
		if r.Withheld {
			return NP, nil
		}
		return e.nd(), nil
	}
	if row.Withheld || row.NA {
		return rowText(*row, e.lang), nil
	}
	return rowNumber(r.Indicator, row.Key, row.Value, e.lang), nil
}

// rownum is a breakdown row's raw value, for conditions; an error when
// the indicator is n.d.
func (e *env) rownum(id, key string) (float64, error) {
	r, row, err := e.findRow(id, key)
	if err != nil {
		return 0, err
	}
	if row == nil && r.Value.Known {
		return 0, fmt.Errorf("indicator %s has no row %q in this edition (the code is not in its code list): guard it with {{if ne (row %q %q) \"n.d.\"}}", id, key, id, key)
	}
	if row == nil {
		return 0, fmt.Errorf("indicator %s is n.d. in this edition: guard it with {{if known %q}}", id, id)
	}
	if row.Withheld {
		return 0, fmt.Errorf("indicator %s's row %q is not published in this edition (a count of people too small): guard it with {{if ne (row %q %q) \"n.p.\"}}", id, key, id, key)
	}
	if row.NA {
		return 0, fmt.Errorf("indicator %s's row %q is n.d. in this edition (its denominator is zero): guard it with {{if ne (row %q %q) \"n.d.\"}}", id, key, id, key)
	}
	return row.Value, nil
}

func (e *env) rowshare(id, key string) (string, error) {
	r, row, err := e.findRow(id, key)
	if err == nil && (r.Withheld || row != nil && row.Withheld) {
		return NP, nil // a share of a withheld figure would give it away
	}
	if err != nil || row == nil || row.NA || r.Value.Num == 0 || !r.Indicator.Additive() {
		return e.nd(), err
	}
	return percent1(row.Value/r.Value.Num, e.lang), nil
}

// Top is a breakdown row as templates see it. Text is its label in
// running text (see runningText); Label is for a list item or a cell.
type Top struct {
	Key, Label   string
	Value, Share string
	Num          float64
	Text         string
}

// top returns the n rows with the largest values, in the order of their
// exact values, and every row tied with the last of them: a tie is never
// cut silently. Rows are tied when their values print the same ("3,7" and
// "3,7"), never when they print differently. A tied group at the cut that
// would take in every remaining row (4, 4, 3, 1, 1, 1 asked for 4) is left
// out, so that "the most frequent" is never the whole list: the rows
// before it are returned (4, 4, 3), or every row when they are all tied.
func (e *env) top(id string, n int) ([]Top, error) {
	r, err := e.result(id)
	if err != nil {
		return nil, err
	}
	rows := slices.Clone(r.Breakdown)
	slices.SortStableFunc(rows, func(a, b report.Row) int { return cmp.Compare(b.Value, a.Value) })
	above := withheldBound(r)
	var all []Top // every row that may rank: known, above zero and any withheld figure
	for _, row := range rows {
		if row.NA {
			continue // n.d. and withheld rows rank nowhere
		}
		if row.Value == 0 || row.Value <= above {
			break
		}
		t := Top{Key: row.Key, Label: row.Label.In(e.lang), Num: row.Value, Value: rowNumber(r.Indicator, row.Key, row.Value, e.lang), Share: e.nd(), Text: e.runningText(r, row)}
		if r.Value.Num != 0 && r.Indicator.Additive() {
			t.Share = percent1(row.Value/r.Value.Num, e.lang)
		}
		all = append(all, t)
	}
	return cutTop(all, n), nil
}

// cutTop keeps the first n rows of all (sorted, largest first) and those
// tied with the n-th as printed; a tied group at the cut that reaches the
// end of all is left out unless it is the whole list (see top).
func cutTop(all []Top, n int) []Top {
	if n <= 0 || len(all) == 0 {
		return nil
	}
	if n >= len(all) {
		return all
	}
	start := n - 1 // the tied group of the n-th row
	for start > 0 && all[start-1].Value == all[n-1].Value {
		start--
	}
	end := n
	for end < len(all) && all[end].Value == all[n-1].Value {
		end++
	}
	if end == len(all) && start > 0 && end > n {
		return all[:start] // the tie would take in every remaining row
	}
	return all[:end]
}

func (e *env) ratio(a, b string) (string, error) {
	ra, err := e.result(a)
	if err != nil {
		return "", err
	}
	rb, err := e.result(b)
	if err != nil {
		return "", err
	}
	if ra.Withheld || rb.Withheld {
		return NP, nil
	}
	if !ra.Value.Known || !rb.Value.Known || rb.Value.Num == 0 {
		return e.nd(), nil
	}
	return percent1(ra.Value.Num/rb.Value.Num, e.lang), nil
}

// previous returns the indicator's value in both editions; ok is false
// when there is no previous edition or either value is n.d.
func (e *env) previous(id string) (cur, prev report.Value, ok bool, err error) {
	r, err := e.result(id)
	if err != nil || e.prev == nil {
		return report.Value{}, report.Value{}, false, err
	}
	p, found := e.prev.Lookup(id)
	if !found || !p.Value.Known || !r.Value.Known {
		return r.Value, report.Value{}, false, nil
	}
	return r.Value, p.Value, true, nil
}

// comparable reports whether the indicator is known in this edition and in
// the previous one, so that change and trend have something to say.
func (e *env) comparable(id string) (bool, error) {
	_, _, ok, err := e.previous(id)
	return ok, err
}

func (e *env) prevValue(id string) (string, error) {
	r, err := e.result(id)
	if err != nil || e.prev == nil {
		return e.nd(), err
	}
	p, ok := e.prev.Lookup(id)
	if !ok {
		return e.nd(), nil
	}
	if p.Withheld {
		return NP, nil
	}
	return indValue(p.Value, r.Indicator, e.lang), nil
}

// change writes the change from the previous edition, rounded as delta
// rounds it (see shift): "+12 (+13,8%)", "0" when there is none; for a
// share, the change in percentage points, "+4,3 p.p.".
func (e *env) change(id string) (string, error) {
	s, ok, err := e.shiftOf(id)
	if err != nil || !ok {
		return e.noShift(id), err
	}
	if s.share {
		return format.Signed(s.d, 1, e.lang) + " p.p.", nil
	}
	out := format.Signed(s.d, s.dec, e.lang)
	if s.hasPct {
		out += " (" + format.Signed(s.pct, 1, e.lang) + "%)"
	}
	return out, nil
}

// trend is the direction of the change, from the same rounding as change:
// stable when the change and its percentage are zero as printed.
func (e *env) trend(id string) (string, error) {
	s, ok, err := e.shiftOf(id)
	if err != nil || !ok {
		return e.noShift(id), err
	}
	switch {
	case s.d > 0 || s.d == 0 && s.pct > 0:
		return words.For(e.lang).Up, nil
	case s.d < 0 || s.d == 0 && s.pct < 0:
		return words.For(e.lang).Down, nil
	}
	return words.For(e.lang).Stable, nil
}

// aside keeps a block and returns the placeholder that stands for it in
// the Markdown, as a paragraph of its own.
func (e *env) aside(b document.Block) markup {
	e.blocks = append(e.blocks, b)
	return placeholder(len(e.blocks) - 1)
}

func (e *env) source(r *report.Result) string {
	return e.sourceNote(r.Indicator, strconv.Itoa(e.rs.Edition.Year))
}

func (e *env) chart(id string, kind ...string) (markup, error) {
	r, err := e.result(id)
	if err != nil {
		return "", err
	}
	if !hasBreakdown(r.Indicator) {
		return "", fmt.Errorf("indicator %s has no breakdown to chart", id)
	}
	c := &document.Chart{
		Caption:  r.Indicator.Title.In(e.lang),
		Kind:     cmp.Or(r.Indicator.Chart, document.ChartHBar),
		Percent:  r.Indicator.IsShare(),
		Additive: r.Indicator.Additive(),
		Note:     e.source(r),
	}
	switch {
	case len(kind) > 1:
		return "", fmt.Errorf("chart takes an indicator and at most one chart kind, not %d", len(kind))
	case len(kind) == 1:
		if !document.ValidChartKind(kind[0]) {
			return "", unknownChartKind(kind[0])
		}
		c.Kind = kind[0]
	}
	var vals []float64
	var na []string
	np := 0
	for _, row := range r.Breakdown {
		if row.Withheld {
			np++ // no bar or slice: its size would tell the figure
			continue
		}
		if row.NA {
			na = append(na, row.Label.In(e.lang))
			continue // an n.d. row drawn as a zero bar would be a silent zero
		}
		if (c.Kind == document.ChartDonut || c.Kind == document.ChartPie) && row.Value == 0 {
			continue // a zero slice has no place in a pie; tables keep it
		}
		c.Labels = append(c.Labels, row.Label.In(e.lang))
		vals = append(vals, row.Value)
	}
	c.Series = []document.Series{{Name: r.Indicator.Unit.In(e.lang), Values: vals}}
	if len(na) > 0 {
		c.Note += ". " + e.nd() + ": " + strings.Join(na, ", ")
	}
	if np > 0 {
		if len(c.Labels) == 0 {
			return e.aside(npChart(e.lang, c.Caption)), nil
		}
		c.Note += ". " + npChartNote(e.lang, np)
		if c.Kind == document.ChartDonut || c.Kind == document.ChartPie {
			// A pie's legend gives each slice's share of the slices: without
			// the withheld rows, shares of the total would be wrong. Their
			// sum, the total less the published rows, is published already
			// (it is one slice, never one row); without it, bars.
			if rest := withheldBound(r); !math.IsInf(rest, 1) {
				if rest > 0 {
					c.Labels = append(c.Labels, words.For(e.lang).NPRest)
					c.Series[0].Values = append(vals, rest)
				}
			} else {
				c.Kind = document.ChartHBar
			}
		}
	}
	if multiValued(r) {
		c.Note += ". " + words.For(e.lang).Multi
	}
	return e.aside(c), nil
}

// unknownChartKind is the error of a chart action asking for a kind that
// is not one of document.ChartKinds: the kinds, and the nearest.
func unknownChartKind(kind string) error {
	kinds := document.ChartKinds()
	hint := ""
	if k, ok := report.Nearest(kind, kinds); ok {
		hint = fmt.Sprintf("; did you mean %q?", k)
	}
	return fmt.Errorf("unknown chart kind %q (one of: %s%s)", kind, strings.Join(kinds, ", "), hint)
}

// hasBreakdown reports whether the indicator is defined with a breakdown
// (which may still have no rows in an edition whose code list is empty).
func hasBreakdown(ind *report.Indicator) bool { return ind.By != "" || len(ind.Parts) > 0 }

// multiValued reports whether the breakdown's rows may add up to more than
// the value (a record under several codes).
func multiValued(r *report.Result) bool {
	sum := 0.0
	for _, row := range r.Breakdown {
		sum += row.Value
	}
	return r.Value.Known && r.Indicator.Additive() && sum > r.Value.Num+1e-9
}

func (e *env) table(id string) (markup, error) {
	r, err := e.result(id)
	if err != nil {
		return "", err
	}
	if !hasBreakdown(r.Indicator) {
		return "", fmt.Errorf("indicator %s has no breakdown to tabulate", id)
	}
	t := &document.Table{
		Caption: r.Indicator.Title.In(e.lang),
		Header:  []string{dimensionHeader(r.Indicator, e.lang), upperFirst(r.Indicator.Unit.In(e.lang))},
		Note:    e.source(r),
		Widths:  []float64{3, 1},
	}
	shares := r.Indicator.Additive() && r.Value.Known && r.Value.Num != 0
	if shares {
		t.Header = append(t.Header, words.For(e.lang).Share)
		t.Widths = append(t.Widths, 1)
	}
	multi := multiValued(r)
	ch := e.changeOf(id)
	var changes map[string]report.RowChange
	if ch != nil && ch.From.Known {
		t.Header = append(t.Header, upperFirst(fmt.Sprintf("%s %d", words.For(e.lang).Compared, e.prev.Edition.Year)))
		t.Widths = append(t.Widths, 1.4)
		changes = rowChanges(ch)
	} else {
		ch = nil
	}
	addRow := func(label string, v float64, key string, total bool) {
		dec := rowDecimals(r.Indicator, key, v)
		if total {
			dec = format.Decimals(r.Indicator)
		}
		cells := []string{label, format.Fixed(v, dec, e.lang)}
		switch {
		case shares && total && multi:
			cells = append(cells, "") // the base, not a sum of the rows: no 100%
		case shares:
			cells = append(cells, percent1(v/r.Value.Num, e.lang))
		}
		if ch != nil {
			cells = append(cells, e.rowChange(ch, changes, key, total, dec))
		}
		t.Rows = append(t.Rows, cells)
	}
	for _, row := range r.Breakdown {
		if row.NA {
			// withheld: every cell n.p., its share and change included
			mark := e.nd()
			if row.Withheld {
				mark = NP
			}
			cells := []string{row.Label.In(e.lang), mark}
			for len(cells) < len(t.Header) {
				cells = append(cells, mark)
			}
			t.Rows = append(t.Rows, cells)
			continue
		}
		addRow(row.Label.In(e.lang), row.Value, row.Key, false)
	}
	switch {
	case r.Value.Known && r.Indicator.Additive() && multi:
		// several answers: the rows add up to more than the records, and
		// the last row is the base of the shares, not their sum
		addRow(baseLabel(r.Indicator, e.lang), r.Value.Num, "", true)
		t.Total = true
	case r.Value.Known && r.Indicator.Additive():
		addRow(words.For(e.lang).Total, r.Value.Num, "", true)
		t.Total = true
	case r.Value.Known && r.Indicator.Measure == report.MeasureMean && len(r.Indicator.Parts) > 0 && len(r.Breakdown) > 1:
		// a mean over several fields is the sum of its rows: its total
		// shows whether the rounded rows add up to it (see roundedParts)
		addRow(words.For(e.lang).Total, r.Value.Num, "", true)
		t.Total = true
	case r.Withheld && r.Indicator.Additive():
		cells := []string{words.For(e.lang).Total}
		for len(cells) < len(t.Header) {
			cells = append(cells, NP)
		}
		t.Rows = append(t.Rows, cells)
		t.Total = true
	}
	np := npCells(t.Rows)
	if multi {
		t.Note += ". " + words.For(e.lang).Multi
	} else if np == 0 && roundedParts(r, e.lang) {
		t.Note += ". " + words.For(e.lang).Rounded
	}
	if np > 0 {
		t.Note += ". " + npNote(e.lang, np)
	}
	return e.aside(t), nil
}

// changeOf returns the indicator's comparison with the previous edition,
// or nil when there is none.
func (e *env) changeOf(id string) *report.Change {
	return e.cmp.of(id)
}

// rowChanges are the comparison's breakdown rows by code (the last row of
// a code, should there be two).
func rowChanges(ch *report.Change) map[string]report.RowChange {
	m := make(map[string]report.RowChange, len(ch.Breakdown))
	for _, row := range ch.Breakdown {
		m[row.Key] = row
	}
	return m
}

// rowChange is the change of a breakdown row (or of the total) from the
// previous edition, through the code list's was: entries; n.d. where the
// code did not exist then or its definition changed. changes are ch's
// rows by code (see rowChanges). The change is the difference of the two
// values as printed with dec decimals: "0,0" where both print as 0,6.
func (e *env) rowChange(ch *report.Change, changes map[string]report.RowChange, key string, total bool, dec int) string {
	from, to, v := ch.From, ch.To, ch.Change
	if !total {
		row := changes[key] // n.d. for a code the comparison has no row of
		if row.FromWithheld || row.ToWithheld {
			return NP
		}
		from, to, v = row.From, row.To, row.Change
	}
	if !v.Known || !from.Known || !to.Known {
		return e.nd()
	}
	return format.ChangeFrom(from, to, dec, false, e.lang)
}

// trendchart is a line chart of the indicator's value in every edition up
// to this one; editions where it is n.d. are left out and named in the note.
func (e *env) trendchart(id string) (markup, error) {
	r, err := e.result(id)
	if err != nil {
		return "", err
	}
	c := &document.Chart{Caption: r.Indicator.Title.In(e.lang), Kind: document.ChartLine, Percent: r.Indicator.IsShare()}
	var vals []float64
	var missing, withheld []string
	for _, h := range e.history {
		y := strconv.Itoa(h.Edition.Year)
		hr, ok := h.Lookup(id)
		switch {
		case ok && hr.Value.Known:
			c.Labels = append(c.Labels, y)
			vals = append(vals, hr.Value.Num)
		case ok && hr.Withheld:
			// a gap in the line, not a year left out: the line does not
			// join its neighbours as if nothing were there
			c.Labels = append(c.Labels, y)
			vals = append(vals, math.NaN())
			withheld = append(withheld, y)
		default:
			missing = append(missing, y)
		}
	}
	c.Series = []document.Series{{Name: r.Indicator.Unit.In(e.lang), Values: vals}}
	c.Note = e.sourceNote(r.Indicator, c.Labels...)
	if len(missing) > 0 {
		c.Note += fmt.Sprintf("; %s: %s", e.nd(), strings.Join(missing, ", "))
	}
	if len(withheld) > 0 {
		c.Note += fmt.Sprintf("; %s (%s): %s", NP, npChartWhy(e.lang), strings.Join(withheld, ", "))
	}
	if len(withheld) > 0 && len(withheld) == len(c.Labels) {
		return e.aside(npChart(e.lang, c.Caption)), nil
	}
	return e.aside(c), nil
}

// rounded reports whether the rows of indicator id, as printed, do not add
// up to its value as printed (3,8 + 2,3 + 1,4 = 7,5 against 7,6): a
// sentence that gives the value beside its parts says "(valori
// arrotondati)". Shares are not considered (a sentence prints values).
func (e *env) rounded(id string) (bool, error) {
	r, err := e.result(id)
	if err != nil || r.Withheld {
		return false, err
	}
	return roundedValues(r), nil
}

// roundedValues is roundedParts without the shares: whether the printed
// rows of r do not add up to its printed value.
func roundedValues(r *report.Result) bool {
	ind := r.Indicator
	if !r.Value.Known || r.Value.Num == 0 || len(r.Breakdown) < 2 {
		return false
	}
	fields := (ind.Measure == report.MeasureMean || ind.Measure == report.MeasureSum) && len(ind.Parts) > 0
	if !ind.Additive() && !fields {
		return false
	}
	sum := 0.0
	for _, row := range r.Breakdown {
		if row.NA || row.Withheld {
			return false
		}
		sum += format.Printed(row.Value, rowDecimals(ind, row.Key, row.Value), false)
	}
	dec := format.Decimals(ind)
	if fields {
		dec = max(dec, rowDecimals(ind, r.Breakdown[0].Key, 0.5))
	}
	return math.Abs(sum-format.Printed(r.Value.Num, dec, false)) > 1e-9
}

// roundedParts reports whether the rows of r, as printed, do not add up to
// its value as printed (3,8 + 2,3 + 1,4 = 7,5 against 7,6), or their
// shares to 100,0%: the table says the values are rounded. Only a
// breakdown whose rows are parts of the value counts (an additive one
// without several answers, or a sum or mean over fields).
func roundedParts(r *report.Result, lang string) bool {
	ind := r.Indicator
	if !r.Value.Known || r.Value.Num == 0 || len(r.Breakdown) == 0 {
		return false
	}
	additive := ind.Additive()
	fields := (ind.Measure == report.MeasureMean || ind.Measure == report.MeasureSum) && len(ind.Parts) > 0
	if !additive && !fields {
		return false
	}
	sum, shares := 0.0, 0.0
	for _, row := range r.Breakdown {
		if row.NA {
			return false
		}
		sum += format.Printed(row.Value, rowDecimals(ind, row.Key, row.Value), false)
		shares += format.Printed(row.Value/r.Value.Num, 1, true)
	}
	dec := format.Decimals(ind)
	if fields {
		dec = max(dec, rowDecimals(ind, r.Breakdown[0].Key, 0.5))
	}
	if math.Abs(sum-format.Printed(r.Value.Num, dec, false)) > 1e-9 {
		return true
	}
	return additive && math.Abs(shares-100) > 1e-9
}

// baseLabel is the last row of a table of several answers: the records the
// shares are of, "Progetti considerati", not a "Totale" of the rows.
func baseLabel(ind *report.Indicator, lang string) string {
	source := ind.Source
	if ind.Measure == report.MeasureDistinct {
		source = report.SourceOrganisations
	}
	if l, ok := words.For(lang).Bases[source]; ok {
		return l
	}
	return words.For(lang).Bases["records"]
}

// upperFirst capitalises a header's first letter: "Organizzazioni".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// dimensionHeader is the first header of a breakdown table: the dimension
// its rows are ("Quartiere", "Fonte di finanziamento"), "Genere e classe
// d'età" for a cross breakdown, "Ufficio" for the offices' parts; "Voce"
// only when the rows are not one dimension.
func dimensionHeader(ind *report.Indicator, lang string) string {
	if lang != "en" {
		lang = "it"
	}
	name := func(field string) string {
		source := ind.Source
		if ind.Measure == report.MeasureDistinct && field == ind.By {
			source = report.SourceOrganisations
		}
		if f, ok := report.Schema[source][field]; ok {
			if h, ok := words.For(lang).Dimensions[f.Domain]; ok {
				return h
			}
		}
		if h, ok := words.For(lang).Dimensions[field]; ok {
			return h
		}
		return ""
	}
	if len(ind.Parts) > 0 {
		if slices.ContainsFunc(ind.Parts, func(p report.Part) bool { return strings.HasPrefix(p.Field, "operators.") }) {
			return words.For(lang).Dimensions["offices"]
		}
		if !slices.ContainsFunc(ind.Parts, func(p report.Part) bool { return !p.IsThreshold() }) {
			return words.For(lang).Dimensions["thresholds"]
		}
		return words.For(lang).Item
	}
	by := name(ind.By)
	if by == "" {
		return words.For(lang).Item
	}
	if ind.Across != "" {
		if across := name(ind.Across); across != "" {
			and := words.For(lang).And
			return by + and + strings.ToLower(across[:1]) + across[1:]
		}
	}
	return by
}

// nd is how the env prints a value that is not available: "n.d." in
// Italian, "n/a" in English (format.NAIn), or the env's own na.
func (e *env) nd() string {
	if e.na != "" {
		return e.na
	}
	return format.NAIn(e.lang)
}
