package narrative

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
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
}

// Build executes every Markdown template of src, in file name order, on
// the results of the last edition of history, and returns the document.
// history holds the editions up to that one, oldest first: the one before
// it gives the comparisons, all of them the trends. Every template error of
// every file is returned, as a report.ErrorList.
func Build(ctx context.Context, src Source, history []*report.Results, lim Limits) (*document.Document, error) {
	_, _ = ctx, lim
	rs := history[len(history)-1]
	doc := &document.Document{Front: front(rs)}
	doc.Header = doc.Title + " · " + strconv.Itoa(rs.Edition.Year)
	names, err := src.files()
	if err != nil {
		return nil, err
	}
	var errs report.ErrorList
	for _, name := range names {
		blocks, err := part(src, name, history)
		if err != nil {
			errs = append(errs, templateErrors(err, path.Join(src.Name, name))...)
			continue
		}
		doc.Blocks = append(doc.Blocks, blocks...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return doc, nil
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
func front(rs *report.Results) document.Front {
	ed := rs.Edition
	title, subtitle := ed.TitleIn(rs.Lang)
	return document.Front{
		Lang: rs.Lang, Title: title, Subtitle: subtitle, Organisation: ed.OrganisationIn(rs.Lang),
		Partners: ed.Partners, Year: ed.Year, City: ed.Territory.Name,
		Date: ed.Published, DateText: publishedText(ed, rs.Lang),
		Keywords: []string{ed.Territory.Name, strconv.Itoa(ed.Year), ed.Title},
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

// part executes one template and parses its Markdown into blocks.
func part(src Source, name string, history []*report.Results) ([]document.Block, error) {
	text, err := fs.ReadFile(src.FS, name)
	if err != nil {
		return nil, err
	}
	e := newEnv(history)
	t, err := template.New(path.Join(src.Name, name)).Option("missingkey=error").Funcs(e.funcs()).Parse(string(text))
	if err != nil {
		return nil, err
	}
	var md bytes.Buffer
	if err := t.Execute(&md, newView(e.rs, e.prev)); err != nil {
		return nil, err
	}
	return markdown(md.Bytes(), e.blocks), nil
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
		return report.ErrorList{{Pos: report.Pos{File: m[1], Line: line, Col: col}, Msg: m[5] + " (at " + m[4] + ")"}}
	}
	if m := parseRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return report.ErrorList{{Pos: report.Pos{File: m[1], Line: line, Col: col}, Msg: m[4]}}
	}
	return report.ErrorList{{Pos: report.Pos{File: file}, Msg: strings.TrimPrefix(msg, "template: ")}}
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
}

// DistrictView is a district as templates see it.
type DistrictView struct {
	Name      string
	Residents string
	Zones     int
}

func newView(rs, prev *report.Results) View {
	ed := rs.Edition
	title, subtitle := ed.TitleIn(rs.Lang)
	v := View{
		Year: ed.Year, City: ed.Territory.Name, Title: title, Subtitle: subtitle,
		Organisation: ed.OrganisationIn(rs.Lang), Partners: strings.Join(ed.Partners, ", "),
		Published:     publishedText(ed, rs.Lang),
		Residents:     format.Number(float64(ed.Territory.Residents()), 0, rs.Lang),
		DistrictCount: len(ed.Territory.Districts),
	}
	for _, d := range ed.Territory.Districts {
		v.ZoneCount += len(d.Zones)
		v.Districts = append(v.Districts, DistrictView{d.Name, format.Number(float64(d.Residents), 0, rs.Lang), len(d.Zones)})
	}
	if prev != nil {
		v.HasPrevious, v.PrevYear = true, prev.Edition.Year
	}
	return v
}
