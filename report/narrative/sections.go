package narrative

import (
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strings"
	"text/template"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/format"
	"rendiconto/report/words"
	"rendiconto/report/yamldata"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// The functions of the sections the Italian guidance for public-sector
// social reporting expects besides context, method and results: identity,
// resources, stakeholders and glossary. Every figure they give is counted
// from the edition's records here; every sentence about it is the
// template's, guarded by these figures.

// sectionFuncs are the template functions of those sections.
func (e *env) sectionFuncs() template.FuncMap {
	return template.FuncMap{
		"identity":         e.identity,
		"hasidentity":      e.hasIdentity,
		"hasrecords":       e.hasRecords,
		"recordcount":      e.recordCount,
		"money":            e.money,
		"moneytable":       e.moneyTable,
		"moneychart":       e.moneyChart,
		"stakeholders":     e.stakeholders,
		"stakeholderchart": e.stakeholderChart,
		"codes":            e.codes,
		"codecount":        e.codeCount,
		"active":           e.active,
		"names":            e.andList,
		"oneinn":           e.oneInN,
		"glossary":         e.glossary,
		"units":            e.units,
	}
}

// hasIdentity reports whether the edition has its own identity text in
// lang, the report's language when none is given ("it" or "en").
func (e *env) hasIdentity(lang ...string) (bool, error) {
	l, err := e.langArg("hasidentity", lang)
	return e.rs.Edition.IdentityIn(l) != "", err
}

func (e *env) langArg(fn string, lang []string) (string, error) {
	switch {
	case len(lang) == 0:
		return e.lang, nil
	case len(lang) > 1 || (lang[0] != "it" && lang[0] != "en"):
		return e.lang, fmt.Errorf("%s takes at most one language, \"it\" or \"en\"", fn)
	}
	return lang[0], nil
}

// identity returns the edition's own identity text in the report's
// language as blocks, its headings one level down so that they stay
// inside the chapter of the template that prints them; "" when the
// edition has none. The text is the city's own Markdown: it is not a
// template, and HTML in it is dropped like any HTML.
func (e *env) identity() (markup, error) {
	text := e.rs.Edition.IdentityIn(e.lang)
	if text == "" {
		return "", nil
	}
	if err := e.out.room(len(text)); err != nil {
		return "", err
	}
	var out []string
	for _, b := range markdown([]byte(text), nil) {
		if h, ok := b.(*document.Heading); ok {
			h.Level = min(h.Level+1, 4)
		}
		out = append(out, string(e.aside(b)))
	}
	return markup(strings.Join(out, "\n\n")), nil
}

// recordFiles are the record sets recordcount and hasrecords know.
var recordFiles = map[string]string{
	"organisations": report.FileOrganisations, "projects": report.FileProjects,
	"tables": report.FileTables, "groups": report.FileGroups,
}

func recordFile(set string) (string, error) {
	f, ok := recordFiles[set]
	if !ok {
		return "", fmt.Errorf("unknown record set %q (one of: groups, organisations, projects, tables)%s",
			set, report.Hint(set, []string{"groups", "organisations", "projects", "tables"}))
	}
	return f, nil
}

// hasRecords reports whether the edition has the record set's file.
func (e *env) hasRecords(set string) (bool, error) {
	f, err := recordFile(set)
	return err == nil && e.rs.Edition.Has(f), err
}

// recordCount is the number of records of a set (projects: those in the
// totals); 0 when the file is missing, which hasrecords tells apart. It is
// a float64, as num's values are, so that templates compare the two.
func (e *env) recordCount(set string) (float64, error) {
	n, err := e.countRecords(set)
	return float64(n), err
}

func (e *env) countRecords(set string) (int, error) {
	if _, err := recordFile(set); err != nil {
		return 0, err
	}
	ed := e.rs.Edition
	switch set {
	case "organisations":
		return len(ed.Organisations), nil
	case "projects":
		n := 0
		for _, p := range ed.Projects {
			if p.InAggregates {
				n++
			}
		}
		return n, nil
	case "tables":
		return len(ed.Tables), nil
	}
	return len(ed.Groups), nil
}

// Money is what the projects in the totals say of their money, as
// templates see it. Known is false when none gives a budget or an amount
// by source: the data then hold no money at all, and nothing is said as a
// zero.
type Money struct {
	Known bool
	// Projects are the projects in the totals; Budgeted of them give a
	// budget, Detailed give amounts by funding source.
	Projects, Budgeted, Detailed int
	Budget, Funded               string // the sums, in euro, written out
	BudgetNum, FundedNum         float64
	// HasCommunity: the funding code list has a source marked community
	// (the organisations of the territory's own contribution).
	HasCommunity bool
	// Community is what the community sources give, and its share of the
	// amounts by source (n.d. when these are zero).
	Community, CommunityShare string
	CommunityNum              float64
	// Sources are the funding sources with an amount, in the code list's
	// order.
	Sources []MoneyRow
	// AllDetailedBudgeted: every project with amounts by source also gives
	// its budget; Cover is then the share of those projects' budgets that
	// the amounts by source account for ("" when it cannot be said).
	AllDetailedBudgeted bool
	Cover               string
	CoverNum            float64
}

// MoneyRow is one funding source's amount.
type MoneyRow struct {
	Key, Label, Amount, Share string
	Num                       float64
	Community                 bool
}

// money sums the budgets and the amounts by source of the projects in the
// totals.
func (e *env) money() Money {
	ed := e.rs.Edition
	var m Money
	var detailedBudgeted int
	var detailedBudget float64
	by := map[string]float64{}
	given := map[string]bool{}
	for _, p := range ed.Projects {
		if !p.InAggregates {
			continue
		}
		m.Projects++
		if p.HasBudget {
			m.Budgeted++
			m.BudgetNum += p.Budget
		}
		if len(p.FundingAmounts) > 0 {
			m.Detailed++
			if p.HasBudget {
				detailedBudgeted++
				detailedBudget += p.Budget
			}
		}
		for code, x := range p.FundingAmounts {
			by[code] += x
			given[code] = true
			m.FundedNum += x
		}
	}
	m.Known = m.Budgeted > 0 || m.Detailed > 0
	m.AllDetailedBudgeted = m.Detailed > 0 && detailedBudgeted == m.Detailed
	if m.AllDetailedBudgeted && detailedBudget > 0 {
		m.CoverNum = m.FundedNum / detailedBudget
		m.Cover = percent1(m.CoverNum, e.lang)
	}
	m.Budget, m.Funded = e.euro(m.BudgetNum), e.euro(m.FundedNum)
	if v, ok := ed.Vocabularies["funding"]; ok {
		for _, en := range v.Entries {
			m.HasCommunity = m.HasCommunity || en.Community
			if en.Community {
				m.CommunityNum += by[en.Code]
			}
			if !given[en.Code] {
				continue
			}
			r := MoneyRow{Key: en.Code, Label: en.LabelIn(e.lang), Num: by[en.Code], Amount: e.euro(by[en.Code]), Share: e.nd(), Community: en.Community}
			if m.FundedNum > 0 {
				r.Share = percent1(r.Num/m.FundedNum, e.lang)
			}
			m.Sources = append(m.Sources, r)
		}
	}
	m.Community, m.CommunityShare = e.euro(m.CommunityNum), e.nd()
	if m.FundedNum > 0 {
		m.CommunityShare = percent1(m.CommunityNum/m.FundedNum, e.lang)
	}
	return m
}

// euro writes an amount: whole euro without decimals, else to the cent;
// "12.500 euro" in Italian, "€12,500" in English.
func (e *env) euro(x float64) string {
	d := 0
	if math.Abs(x-math.Round(x)) > 0.004 {
		d = 2
	}
	if e.lang == "en" {
		return "€" + format.Number(x, d, e.lang)
	}
	return format.Number(x, d, e.lang) + " euro"
}

// projectsNote is the note under a table or chart counted from the
// projects' records: their source, said as a reader names it.
func (e *env) projectsNote() string {
	return e.filesNote(report.FileProjects)
}

// filesNote is the source line of a table or chart counted from the
// edition's records of files, those it has: "Fonte: a e b, 2019".
func (e *env) filesNote(files ...string) string {
	var names []string
	for _, f := range files {
		if e.rs.Edition.Has(f) {
			if n := e.rs.Edition.SourceName(f, e.lang); !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	return fmt.Sprintf("%s: %s, %d", words.For(e.lang).Source, joinSources(names, e.lang), e.rs.Edition.Year)
}

// moneyTable is the table of the amounts by funding source, with their
// shares and the total; "" when no project gives amounts by source.
func (e *env) moneyTable() markup {
	m := e.money()
	if len(m.Sources) == 0 {
		return ""
	}
	cap := words.For(e.lang).MoneyTable
	t := &document.Table{
		Caption: cap,
		Header:  []string{words.For(e.lang).Source, "Euro", words.For(e.lang).Share},
		Widths:  []float64{3, 1.3, 1},
		Note:    e.projectsNote(),
		Total:   true,
	}
	for _, r := range m.Sources {
		t.Rows = append(t.Rows, []string{r.Label, format.Number(r.Num, 2, e.lang), r.Share})
	}
	all := e.nd() // the shares of nothing are not known
	if m.FundedNum > 0 {
		all = percent1(1, e.lang)
	}
	t.Rows = append(t.Rows, []string{words.For(e.lang).Total, format.Number(m.FundedNum, 2, e.lang), all})
	return e.aside(t)
}

// moneyChart is the chart of the amounts by funding source; "" when no
// project gives amounts by source.
func (e *env) moneyChart() markup {
	m := e.money()
	if len(m.Sources) == 0 {
		return ""
	}
	c := &document.Chart{
		Caption:  words.For(e.lang).MoneyChart,
		Kind:     document.ChartHBar,
		Additive: true,
		Note:     e.projectsNote(),
	}
	var vals []float64
	for _, r := range m.Sources {
		if r.Num == 0 {
			continue // the table keeps it; a zero bar says nothing
		}
		c.Labels = append(c.Labels, r.Label)
		vals = append(vals, r.Num)
	}
	if len(vals) == 0 {
		return ""
	}
	c.Series = []document.Series{{Name: "euro", Values: vals}}
	return e.aside(c)
}

// kindRoles counts, for each organisation kind of the edition, its
// organisations and those taking part in projects (in the totals), tables
// and groups; "any" counts those with at least one role.
type kindRoles struct {
	code, label                    string
	orgs, projects, tables, groups int
	any                            int
}

func (e *env) roles() []kindRoles {
	ed := e.rs.Edition
	in := func(ids []string, set map[string]bool) {
		for _, id := range ids {
			set[id] = true
		}
	}
	proj, tab, grp := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range ed.Projects {
		if p.InAggregates {
			in(p.Organisations, proj)
		}
	}
	for _, t := range ed.Tables {
		in(t.Organisations, tab)
	}
	for _, g := range ed.Groups {
		in(g.Organisations, grp)
	}
	var rows []kindRoles
	index := map[string]int{}
	if v, ok := ed.Vocabularies["organisation_kinds"]; ok {
		for _, en := range v.Entries {
			index[en.Code] = len(rows)
			rows = append(rows, kindRoles{code: en.Code, label: en.LabelIn(e.lang)})
		}
	}
	for _, o := range ed.Organisations {
		i, ok := index[o.Kind]
		if !ok {
			continue
		}
		r := &rows[i]
		r.orgs++
		b := func(v bool) int {
			if v {
				return 1
			}
			return 0
		}
		r.projects += b(proj[o.ID])
		r.tables += b(tab[o.ID])
		r.groups += b(grp[o.ID])
		r.any += b(proj[o.ID] || tab[o.ID] || grp[o.ID])
	}
	return slices.DeleteFunc(rows, func(r kindRoles) bool { return r.orgs == 0 })
}

// stakeholders is the table of the organisations of the territory by
// kind: how many the edition lists, and how many take part in projects,
// tables and groups (n.d. for a file the edition lacks); "" without
// organisations.
func (e *env) stakeholders() markup {
	ed := e.rs.Edition
	rows := e.roles()
	if !ed.Has(report.FileOrganisations) || len(rows) == 0 {
		return ""
	}
	w := words.For(e.lang)
	h := slices.Clone(w.OrgHeader[:]) // a table of its own: never the words' array
	t := &document.Table{
		Caption: w.OrgTable,
		Header:  h,
		Widths:  []float64{3, 1.2, 1.2, 1.2, 1.2},
		Note:    w.OrgNote + e.filesNote(report.FileOrganisations, report.FileProjects, report.FileTables, report.FileGroups),
		Total:   true,
	}
	cell := func(n int, file string) string {
		if !ed.Has(file) {
			return e.nd()
		}
		return format.Number(float64(n), 0, e.lang)
	}
	var tot kindRoles
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.label, cell(r.orgs, report.FileOrganisations),
			cell(r.projects, report.FileProjects), cell(r.tables, report.FileTables), cell(r.groups, report.FileGroups)})
		tot.orgs += r.orgs
		tot.projects += r.projects
		tot.tables += r.tables
		tot.groups += r.groups
	}
	t.Rows = append(t.Rows, []string{words.For(e.lang).Total, cell(tot.orgs, report.FileOrganisations),
		cell(tot.projects, report.FileProjects), cell(tot.tables, report.FileTables), cell(tot.groups, report.FileGroups)})
	return e.aside(t)
}

// stakeholderChart is the chart of the organisations taking part in at
// least one project, table or group, by kind; "" when none does.
func (e *env) stakeholderChart() markup {
	if !e.rs.Edition.Has(report.FileOrganisations) {
		return ""
	}
	c := &document.Chart{
		Caption:  words.For(e.lang).OrgChart,
		Kind:     document.ChartHBar,
		Additive: true,
		Note:     e.takingPart() + ". " + e.filesNote(report.FileOrganisations, report.FileProjects, report.FileTables, report.FileGroups),
	}
	var vals []float64
	for _, r := range e.roles() {
		if r.any > 0 {
			c.Labels = append(c.Labels, r.label)
			vals = append(vals, float64(r.any))
		}
	}
	if len(vals) == 0 {
		return ""
	}
	c.Series = []document.Series{{Name: words.For(e.lang).Organisations, Values: vals}}
	return e.aside(c)
}

// takingPart says what the chart of organisations taking part counts: the
// record sets the edition has, and those it lacks.
func (e *env) takingPart() string {
	ed := e.rs.Edition
	sets := []struct{ file, source string }{
		{report.FileProjects, report.SourceProjects},
		{report.FileTables, report.SourceTables},
		{report.FileGroups, report.SourceGroups},
	}
	w := words.For(e.lang)
	var have, lack []string
	for _, s := range sets {
		if ed.Has(s.file) {
			have = append(have, w.TakingPartOne[s.source])
		} else {
			lack = append(lack, w.TakingPartAll[s.source])
		}
	}
	join := func(ws []string, and string) string {
		if len(ws) < 2 {
			return strings.Join(ws, "")
		}
		return strings.Join(ws[:len(ws)-1], ", ") + and + ws[len(ws)-1]
	}
	note := w.TakingPart + join(have, w.TakingPartOr)
	if len(lack) > 0 {
		note += w.TakingPartLacks + join(lack, w.TakingPartAnd)
	}
	return note
}

// vocabulary returns a code list of the edition; an error names the lists
// when the name is none of the data contract's.
func (e *env) vocabulary(list string) (*report.Vocabulary, error) {
	if !slices.Contains(yamldata.VocabularyNames(), list) {
		return nil, fmt.Errorf("unknown code list %q%s", list, report.Hint(list, yamldata.VocabularyNames()))
	}
	return e.rs.Edition.Vocabularies[list], nil
}

// codeCount is the number of codes of one of the edition's code lists
// (such as offices or desks); 0 when the edition has no such list.
func (e *env) codeCount(list string) (int, error) {
	v, err := e.vocabulary(list)
	if v == nil {
		return 0, err
	}
	return len(v.Entries), nil
}

// active is the labels of an indicator's breakdown rows with a value
// above zero, in the breakdown's order: the desks that recorded contacts
// ({{active "B.2.3"}}). A row not available or withheld is not counted.
func (e *env) active(id string) ([]string, error) {
	r, err := e.result(id)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, row := range r.Breakdown {
		if row.NA || row.Key == report.CityWide || row.Value <= 0 {
			continue
		}
		out = append(out, row.Label.In(e.lang))
	}
	return out, nil
}

// oneInN says a share as the nearest "one in n", in words, for n from 2
// to 10: "circa uno su cinque" for 21,4%, "uno su otto" for 12,5% (exact,
// so without "circa"); "" when the share is 0, above one half, or nearer
// to one in more than ten. The share is the one printed (one decimal).
func (e *env) oneInN(share float64) string {
	p := math.Round(share*1000) / 1000 // as printed: 21,4%
	if p <= 0 || p > 0.5 {
		return ""
	}
	n := math.Round(1 / p)
	if n < 2 || n > 10 {
		return ""
	}
	w := words.For(e.lang)
	number := w.Numbers[int(n)]
	if math.Abs(math.Round(1000/n)/1000-p) < 1e-9 { // exact
		return fmt.Sprintf(w.OneIn, number)
	}
	return fmt.Sprintf(w.AboutOneIn, number)
}

// codes is the labels of one of the edition's code lists as a bulleted
// list; "" when the edition has no such list or it is empty.
func (e *env) codes(list string) (markup, error) {
	v, err := e.vocabulary(list)
	if v == nil || len(v.Entries) == 0 {
		return "", err
	}
	l := &document.List{}
	for _, en := range v.Entries {
		l.Items = append(l.Items, document.Paragraph{Spans: []document.Span{{Text: en.LabelIn(e.lang)}}})
	}
	return e.aside(l), nil
}

// GlossaryFile is the glossary of a templates folder: the built-in one of
// the language, or the user's own in its place.
const GlossaryFile = "glossary.yaml"

// glossary is the glossary of the templates' folder as a list in
// alphabetical order (the language's collation, case and accents aside):
// each term in bold and its definition. A term marked if_used is left out
// when no label of the edition names it. An error in the file is said at
// its line and column.
func (e *env) glossary() (markup, error) {
	if e.src.FS == nil {
		return "", fmt.Errorf("no templates folder to read %s from", GlossaryFile)
	}
	data, err := fs.ReadFile(e.src.FS, GlossaryFile)
	if err != nil {
		return "", fmt.Errorf("cannot read the glossary %s: %v", e.src.path(GlossaryFile), err)
	}
	terms, err := yamldata.ParseGlossary(e.src.path(GlossaryFile), data)
	if err != nil {
		return "", err
	}
	terms = slices.DeleteFunc(terms, func(t report.Term) bool { return t.IfUsed && !e.usesTerm(t.Term) })
	if len(terms) == 0 {
		return "", nil
	}
	tag := language.Italian
	if e.lang == "en" {
		tag = language.English
	}
	c := collate.New(tag, collate.IgnoreCase, collate.IgnoreDiacritics)
	slices.SortStableFunc(terms, func(a, b report.Term) int { return c.CompareString(a.Term, b.Term) })
	l := &document.List{}
	for _, t := range terms {
		if err := e.out.room(len(t.Term) + len(t.Definition)); err != nil {
			return "", err
		}
		l.Items = append(l.Items, document.Paragraph{Spans: []document.Span{
			{Text: apostrophes.Replace(t.Term), Bold: true}, {Text: ": " + apostrophes.Replace(t.Definition)}}})
	}
	return e.aside(l), nil
}

// usesTerm reports whether one of the edition's labels (a code of its
// lists, a row of an indicator's breakdown) names term; a term's
// parenthesis ("Ufficio reti (Networks office)") is left aside, and so is
// case.
func (e *env) usesTerm(term string) bool {
	var names []string
	for _, part := range strings.Split(strings.NewReplacer("(", "|", ")", "|").Replace(term), "|") {
		if p := strings.ToLower(strings.TrimSpace(part)); p != "" {
			names = append(names, p)
		}
	}
	has := func(label string) bool {
		l := strings.ToLower(label)
		for _, n := range names {
			if strings.Contains(l, n) {
				return true
			}
		}
		return false
	}
	for _, v := range e.rs.Edition.Vocabularies {
		for _, en := range v.Entries {
			if has(en.LabelIn("it")) || has(en.LabelIn("en")) {
				return true
			}
		}
	}
	for _, r := range e.rs.List {
		for _, row := range r.Breakdown {
			if has(row.Label.In(e.lang)) {
				return true
			}
		}
	}
	return false
}

// apostrophes sets the glossary's apostrophes as the Markdown of the
// templates does.
var apostrophes = strings.NewReplacer("'", "’")

// units is the table of the units of measure the edition's indicators use,
// in the catalogue's order, each with the titles of the indicators that
// use it (never their ids, which a reader cannot use).
func (e *env) units() markup {
	var names []string
	ids := map[string][]string{}
	for _, r := range e.rs.List {
		u := r.Indicator.Unit.In(e.lang)
		if u == "" {
			continue
		}
		if _, ok := ids[u]; !ok {
			names = append(names, u)
		}
		ids[u] = append(ids[u], r.Indicator.Title.In(e.lang))
	}
	if len(names) == 0 {
		return ""
	}
	t := &document.Table{
		Caption: words.For(e.lang).UnitTable,
		Header:  []string{words.For(e.lang).UnitHeader, words.For(e.lang).Indicator},
		Numeric: []bool{false, false},
		Widths:  []float64{2, 4},
	}
	for _, u := range names {
		t.Rows = append(t.Rows, []string{sourceCell(u), strings.Join(ids[u], "; ")})
	}
	return e.aside(t)
}
