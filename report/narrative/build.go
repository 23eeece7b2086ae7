package narrative

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/format"
)

// Source is where the templates of one language come from: a file system
// and the name to show in messages for its root ("templates/it").
type Source struct {
	FS   fs.FS
	Name string
	// Path, when set, gives the path to show in messages for a file of FS
	// (a user's own file standing over a built-in one); "" means Name/file.
	Path func(file string) string
}

// path is the name messages give a file of the source.
func (src Source) path(file string) string {
	if src.Path != nil {
		if p := src.Path(file); p != "" {
			return p
		}
	}
	return path.Join(src.Name, file)
}

// Build executes every Markdown template of src, in file name order, on
// the results of the last edition of history, and returns the document.
// history holds the editions up to that one, oldest first: the one before
// it gives the comparisons, all of them the trends. Every template error of
// every file is returned, as a report.ErrorList, and so is a limit hit (see
// Limits). When ctx is cancelled, Build stops soon and returns an error
// that wraps ctx's cause.
//
// What an action prints is text: Markdown in data, or in what a function
// returns, is escaped and reads as it is written.
func Build(ctx context.Context, src Source, history []*report.Results, lang string, lim Limits) (*document.Document, error) {
	rs := history[len(history)-1]
	doc := &document.Document{Front: front(rs, lang)}
	doc.Header = doc.Title + " · " + strconv.Itoa(rs.Edition.Year)
	if d := districtName(rs, lang); d != "" {
		doc.Header = doc.Title + " · " + d + " · " + strconv.Itoa(rs.Edition.Year)
	}
	names, err := src.files()
	if err != nil {
		return nil, err
	}
	lim = lim.withDefaults()
	ctx, cancel := context.WithTimeoutCause(ctx, lim.Timeout, errTimeout)
	defer cancel()
	var errs report.ErrorList
	parts := runAll(ctx, src, names, history, lang, lim)
	for i, name := range names {
		p := parts[i]
		if p.panic != nil {
			panic(p.panic)
		}
		blocks, err := p.blocks, p.err
		if err != nil {
			if errs, err = collect(errs, err, src.path(name)); err != nil {
				return nil, err
			}
			if ctx.Err() != nil {
				break // the time limit: the next templates would only say so again
			}
			continue
		}
		if n := widestTable(blocks); n > MaxTableColumns {
			errs.Add(report.Pos{File: src.path(name)}, "a table of %d columns does not fit the page: at most %d", n, MaxTableColumns)
		}
		doc.Blocks = append(doc.Blocks, blocks...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return doc, nil
}

// part is what one template gives: its blocks or its error, or the panic
// of its run, raised again by Build.
type part struct {
	blocks []document.Block
	err    error
	panic  any
}

// runAll runs the templates named on all cores (each template has its own
// env; the changes they share are locked) and returns their parts in the
// order of names, so the document is the same as one run after another.
func runAll(ctx context.Context, src Source, names []string, history []*report.Results, lang string, lim Limits) []part {
	cmp := newChanges(history)
	parts := make([]part, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(names) {
					return
				}
				p := &parts[i]
				func() {
					defer func() { p.panic = recover() }()
					md, e, err := run(ctx, src, names[i], history, lang, lim, cmp)
					if p.err = err; err == nil {
						p.blocks = markdown(md, e.blocks)
					}
				}()
			}
		})
	}
	wg.Wait()
	return parts
}

// collect adds the error of a template to errs, or returns it when it ends
// the build: a cancelled build or a limit hit.
func collect(errs report.ErrorList, err error, file string) (report.ErrorList, error) {
	var list report.ErrorList
	var bug *report.InternalError
	switch {
	case errors.As(err, &list):
		return append(errs, list...), nil
	case errors.As(err, &bug), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return nil, err
	}
	return append(errs, templateErrors(err, file)...), nil
}

// files returns the templates of the source: its *.md files in name order.
func (src Source) files() ([]string, error) {
	names, err := fs.Glob(src.FS, "*.md")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no templates (*.md)", src.Name)
	}
	slices.Sort(names)
	return names, nil
}

// front is the front matter of the edition's report or deck.
func front(rs *report.Results, lang string) document.Front {
	ed := rs.Edition
	title, subtitle := ed.TitleIn(lang)
	keywords := []string{ed.Territory.Name, strconv.Itoa(ed.Year), ed.Title}
	if d := districtName(rs, lang); d != "" {
		// The district names the document: before any subtitle of the
		// edition's.
		subtitle = strings.TrimSuffix(d+" · "+subtitle, " · ")
		keywords = append(keywords, rs.District.District.Name)
	}
	return document.Front{
		Lang: lang, Title: title, Subtitle: subtitle, Organisation: ed.OrganisationIn(lang),
		Partners: ed.Partners, Year: ed.Year, City: ed.Territory.Name,
		Date: ed.Published, DateText: publishedText(ed, lang),
		Keywords: keywords,
		Sample:   sampleNote(lang, ed),
		Internal: internalStamp(rs, lang),
	}
}

// publishedText is the edition's date written out, or nothing when
// edition.yaml gives none.
func publishedText(ed *report.Edition, lang string) string {
	if ed.Published.IsZero() {
		return ""
	}
	return format.Date(ed.Published, lang)
}

// run executes one template under the build's context and limits, and
// returns its Markdown and the env holding the blocks its functions set
// aside. cmp are the changes from the previous edition (see newChanges).
func run(ctx context.Context, src Source, name string, history []*report.Results, lang string, lim Limits, cmp *changes) ([]byte, *env, error) {
	if err := ctx.Err(); err != nil {
		e := newEnv(ctx, history, lang, lim, cmp)
		return nil, nil, e.stopped(err, src.path(name))
	}
	text, err := fs.ReadFile(src.FS, name)
	if err != nil {
		return nil, nil, err
	}
	e := newEnv(ctx, history, lang, lim, cmp)
	e.src = src
	file := src.path(name)
	t, err := template.New(file).Option("missingkey=error").Funcs(e.funcs()).Parse(string(text))
	if err != nil {
		if errs := blockErrors(err, string(text), file); errs != nil {
			return nil, nil, errs
		}
		return nil, nil, err
	}
	if err := e.prepare(t); err != nil {
		return nil, nil, err
	}
	if err := execute(ctx, t, newView(e.rs, e.prev, e.lang), e.out); err != nil {
		return nil, nil, e.stopped(err, file)
	}
	return e.out.buf.Bytes(), e, nil
}

var (
	execRE  = regexp.MustCompile(`^template: ([^:]+):(\d+):(\d+): executing "[^"]*" at (<.*?>): (?:error calling \w+: )?(.*)$`)
	parseRE = regexp.MustCompile(`^template: ([^:]+):(\d+):?(\d+)?: (.*)$`)
)

// templateErrors turns a text/template error into positioned errors in the
// form file:line:col: message.
func templateErrors(err error, file string) report.ErrorList {
	msg := err.Error()
	if m := execRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		msg := m[5] + " (at " + m[4] + ")"
		if f := fieldRE.FindStringSubmatch(m[5]); f != nil {
			msg = unknownField(f[1], f[2], strings.TrimSuffix(strings.TrimPrefix(m[4], "<"), ">"))
		}
		return report.ErrorList{{Pos: report.Pos{File: m[1], Line: line, Col: col}, Msg: msg}}
	}
	if m := parseRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return report.ErrorList{{Pos: report.Pos{File: m[1], Line: line, Col: col}, Msg: m[4]}}
	}
	return report.ErrorList{{Pos: report.Pos{File: file}, Msg: strings.TrimPrefix(msg, "template: ")}}
}

var fieldRE = regexp.MustCompile(`^can't evaluate field (\w+) in type (\S+)$`)

// dots are the types a template's dot may have, each with what it is in
// users' words and, for an element of a list, where it is the dot.
var dots = []struct {
	t        reflect.Type
	noun, in string
}{
	{reflect.TypeFor[View](), "the page", ""},
	{reflect.TypeFor[DistrictView](), "a district", " (in {{range .Districts}})"},
	{reflect.TypeFor[Top](), "a row of top", ` (in {{range top "ID" N}})`},
	{reflect.TypeFor[Goals](), "the goals", " (in {{with goals}})"},
	{reflect.TypeFor[GoalView](), "a goal", " (in {{range .Set}})"},
	{reflect.TypeFor[FollowUpView](), "a goal followed up", " (in {{range .FollowUps}})"},
	{reflect.TypeFor[Reach](), "a reach", ` (in {{with reach "ID"}})`},
	{reflect.TypeFor[Money](), "the money of the projects", " (of {{money}})"},
	{reflect.TypeFor[MoneyRow](), "a funding source", " (in {{range (money).Sources}})"},
}

// unknownField says text/template's "can't evaluate field F in type T" in
// users' words: the fields the dot has, and the nearest, or what the value
// is when it has none. typ is the type as text/template writes it, at the
// expression it was evaluating (".Districts.Nome").
func unknownField(field, typ, at string) string {
	msg := "unknown field ." + field
	subject := strings.TrimSuffix(at, "."+field)
	if subject == "" {
		subject = "the dot"
	}
	list := strings.HasPrefix(typ, "[]")
	for _, d := range dots {
		if d.t.String() != strings.TrimPrefix(typ, "[]") {
			continue
		}
		var names []string
		for f := range d.t.Fields() {
			if f.IsExported() {
				names = append(names, "."+f.Name)
			}
		}
		if list {
			return fmt.Sprintf("%s: %s is a list, without fields; range over it, {{range %s}}…{{end}}, where the fields of %s are %s",
				msg, subject, subject, d.noun, strings.Join(names, ", "))
		}
		if n, ok := report.Nearest("."+field, names); ok {
			msg += fmt.Sprintf(" (did you mean %s?)", n)
		}
		msg += fmt.Sprintf("; the fields of %s%s are %s", d.noun, d.in, strings.Join(names, ", "))
		if at != "."+field {
			msg += " (at <" + at + ">)"
		}
		return msg
	}
	words := map[string]string{"int": "a number", "float64": "a number", "string": "a text", "bool": "true or false",
		reflect.TypeFor[markup]().String(): "a chart or a table"}
	if w, ok := words[typ]; ok {
		return fmt.Sprintf("%s: %s is %s, without fields", msg, subject, w)
	}
	if list {
		return fmt.Sprintf("%s: %s is a list, without fields; range over it, {{range %s}}…{{end}}", msg, subject, subject)
	}
	return fmt.Sprintf("%s: %s has no such field (at <%s>)", msg, subject, at)
}

// blockErrors returns the error of a block text/template reports where it
// finds out, not where the mistake is: an {{if}}, {{range}}, {{with}},
// {{define}} or {{block}} never closed is "unexpected EOF" at the end of the
// file, and is said here at the action that opens it; an {{end}} or {{else}}
// too many is said at its own column. err is the parse error of text; nil
// when it is another error, or when the scan of the actions does not find
// the place the parser did.
func blockErrors(err error, text, file string) report.ErrorList {
	m := parseRE.FindStringSubmatch(err.Error())
	if m == nil || m[1] != file {
		return nil
	}
	line, _ := strconv.Atoi(m[2])
	open, stray := scanBlocks(text)
	switch m[4] {
	case "unexpected EOF":
		if stray != nil || len(open) == 0 {
			return nil
		}
		var errs report.ErrorList
		for _, a := range open {
			errs.Add(textPos(text, file, a.pos), "{{%s}} is never closed with {{end}}", a.word)
		}
		return errs
	case "unexpected {{end}}", "unexpected {{else}}":
		if stray == nil || "unexpected {{"+stray.word+"}}" != m[4] {
			return nil
		}
		p := textPos(text, file, stray.pos)
		if p.Line != line {
			return nil
		}
		var errs report.ErrorList
		if stray.word == "end" {
			errs.Add(p, "{{end}} too many: no {{if}}, {{range}}, {{with}}, {{define}} or {{block}} is open here")
		} else {
			errs.Add(p, "{{else}} outside {{if}}, {{range}} or {{with}}")
		}
		return errs
	}
	return nil
}

// blockAction is an action that opens or closes a block: its keyword and
// the keyword's offset in the text.
type blockAction struct {
	word string
	pos  int
}

// scanBlocks reads the actions of a template's text as text/template's
// lexer does (comments, strings and trim markers skipped) and pairs the
// actions opening blocks with their {{end}}. It returns the blocks left
// open, outermost first, or the first {{end}} that closes nothing or
// {{else}} outside an {{if}}, {{range}} or {{with}}, where the scan stops.
func scanBlocks(text string) (open []blockAction, stray *blockAction) {
	for i := 0; ; {
		j := strings.Index(text[i:], "{{")
		if j < 0 {
			return open, nil
		}
		i += j + 2
		if strings.HasPrefix(text[i:], "-") && i+1 < len(text) && strings.ContainsRune(" \t\r\n", rune(text[i+1])) {
			i++
		}
		for i < len(text) && strings.ContainsRune(" \t\r\n", rune(text[i])) {
			i++
		}
		if strings.HasPrefix(text[i:], "/*") {
			k := strings.Index(text[i+2:], "*/")
			if k < 0 {
				return open, nil
			}
			i += 2 + k + 2
			if k := strings.Index(text[i:], "}}"); k >= 0 {
				i += k + 2
			}
			continue
		}
		w := i
		for w < len(text) && (text[w] == '_' || 'a' <= text[w] && text[w] <= 'z' || 'A' <= text[w] && text[w] <= 'Z' || '0' <= text[w] && text[w] <= '9') {
			w++
		}
		switch word := text[i:w]; word {
		case "if", "range", "with", "define", "block":
			open = append(open, blockAction{word, i})
		case "end":
			if len(open) == 0 {
				return nil, &blockAction{word, i}
			}
			open = open[:len(open)-1]
		case "else":
			if len(open) == 0 || open[len(open)-1].word == "define" || open[len(open)-1].word == "block" {
				return nil, &blockAction{word, i}
			}
		}
		i = actionEnd(text, w)
	}
}

// actionEnd returns the offset just past the "}}" that closes the action
// whose text goes on at i, skipping quoted strings and characters; the
// text's length when there is none.
func actionEnd(text string, i int) int {
	for i < len(text) {
		switch c := text[i]; c {
		case '}':
			if strings.HasPrefix(text[i:], "}}") {
				return i + 2
			}
		case '"', '\'':
			for i++; i < len(text) && text[i] != c && text[i] != '\n'; i++ {
				if text[i] == '\\' {
					i++
				}
			}
		case '`':
			if k := strings.IndexByte(text[i+1:], '`'); k >= 0 {
				i += 1 + k
			} else {
				return len(text)
			}
		}
		i++
	}
	return len(text)
}

// textPos is the position of the byte at offset pos of a template's text,
// line and column counted as text/template counts them in its messages.
func textPos(text, file string, pos int) report.Pos {
	before := text[:pos]
	return report.Pos{File: file, Line: 1 + strings.Count(before, "\n"), Col: pos - (strings.LastIndex(before, "\n") + 1)}
}

// View is the dot of a template: the edition's front matter, formatted.
type View struct {
	Year          int
	City          string
	Title         string
	Subtitle      string
	Organisation  string
	Partners      string
	Published     string
	Residents     string
	DistrictCount int
	ZoneCount     int
	Districts     []DistrictView
	HasPrevious   bool
	PrevYear      int
	// District names the district the edition is seen from ("Quartiere
	// Navile"), "" for the whole city's; then City, CityDistrictCount and
	// CityResidents are the city's, ResidentsShare the district's share of
	// its residents ("17,8%"). On the city's results they are the same as
	// DistrictCount and Residents, and ResidentsShare is "".
	District          string
	CityWideProjects  int // the city's projects, in no district's count
	CityDistrictCount int
	CityResidents     string
	ResidentsShare    string
}

// DistrictView is a district as templates see it.
type DistrictView struct {
	Name      string
	Residents string
	Zones     int
}

func newView(rs, prev *report.Results, lang string) View {
	ed := rs.Edition
	title, subtitle := ed.TitleIn(lang)
	v := View{
		Year: ed.Year, City: ed.Territory.Name, Title: title, Subtitle: subtitle,
		Organisation: ed.OrganisationIn(lang), Partners: strings.Join(ed.Partners, ", "),
		Published:     publishedText(ed, lang),
		Residents:     format.Number(float64(ed.Territory.Residents()), 0, lang),
		DistrictCount: len(ed.Territory.Districts),
	}
	for _, d := range ed.Territory.Districts {
		v.ZoneCount += len(d.Zones)
		v.Districts = append(v.Districts, DistrictView{d.Name, format.Number(float64(d.Residents), 0, lang), len(d.Zones)})
	}
	if prev != nil {
		v.HasPrevious, v.PrevYear = true, prev.Edition.Year
	}
	v.CityDistrictCount, v.CityResidents = v.DistrictCount, v.Residents
	if dv := rs.District; dv != nil {
		city := dv.City.Territory
		v.District = districtName(rs, lang)
		v.CityWideProjects = dv.CityWideProjects
		v.CityDistrictCount = len(city.Districts)
		v.CityResidents = format.Number(float64(city.Residents()), 0, lang)
		if n := city.Residents(); n > 0 {
			v.ResidentsShare = percent1(float64(dv.District.Residents)/float64(n), lang)
		}
	}
	return v
}

// MaxTableColumns is the most columns a table of a template may have: more
// cannot be read on an A4 page.
const MaxTableColumns = 12

// widestTable returns the most columns of the tables among blocks.
func widestTable(blocks []document.Block) int {
	most := 0
	for _, b := range blocks {
		if t, ok := b.(*document.Table); ok {
			most = max(most, len(t.Header))
			for _, r := range t.Rows {
				most = max(most, len(r))
			}
		}
	}
	return most
}
