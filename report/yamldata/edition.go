package yamldata

import (
	"errors"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// Warning is a problem that does not stop the run, such as a missing
// optional file.
type Warning struct {
	Pos report.Pos
	Msg string
}

func (w Warning) String() string { return w.Pos.String() + ": warning: " + w.Msg }

// Years lists the editions under root: the folders named by a year, in
// increasing order.
func Years(root string) ([]int, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var years []int
	for _, e := range entries {
		y, err := strconv.Atoi(e.Name())
		if err != nil || len(e.Name()) != 4 || strconv.Itoa(y) != e.Name() {
			continue
		}
		// os.Stat follows links: a year folder may be a symbolic link.
		if fi, err := os.Stat(filepath.Join(root, e.Name())); err == nil && fi.IsDir() {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	return years, nil
}

// Load reads the edition of the given year under root, checking it against
// the data contract. When anything is wrong it returns a report.ErrorList
// with every problem found, in file order.
func Load(root string, year int) (*report.Edition, []Warning, error) {
	return LoadFS(os.DirFS(root), root, year)
}

// LoadFS is Load on a file system whose root is the data root; name is
// the root's name in messages.
func LoadFS(fsys fs.FS, name string, year int) (*report.Edition, []Warning, error) {
	l := &loader{
		fsys: fsys,
		sub:  strconv.Itoa(year),
		dir:  filepath.Join(name, strconv.Itoa(year)),
		ed:   &report.Edition{Missing: map[string]bool{}, Vocabularies: map[string]*report.Vocabulary{}},
	}
	if fi, err := fs.Stat(fsys, l.sub); err != nil || !fi.IsDir() {
		return nil, nil, report.ErrorList{{Pos: report.Pos{File: l.dir}, Msg: "no edition folder for " + strconv.Itoa(year)}}
	}
	territory := false
	if n := l.file(report.FileEdition, true); n != nil {
		territory = l.edition(n, year)
	}
	before := len(l.errs)
	if n := l.file(report.FileVocabularies, true); n != nil {
		l.vocabularies(n)
	}
	if !territory || len(l.errs) > before {
		// Records cannot be checked without the territory and code lists;
		// another mistake in edition.yaml (a date) does not stop them.
		l.errs.Sort()
		return nil, nil, l.errs
	}
	l.records(report.FileOrganisations, "organisations", l.organisations, func() { l.ed.Organisations, l.orgIDs = nil, nil })
	l.records(report.FileProjects, "projects", l.projects, func() { l.ed.Projects = nil })
	l.records(report.FileTables, "tables", l.tables, func() { l.ed.Tables = nil })
	l.records(report.FileGroups, "groups", l.groups, func() { l.ed.Groups = nil })
	if n := l.file(report.FileStaff, false); n != nil {
		l.ed.Staff = l.figures(n, report.SourceStaff)
	}
	if n := l.file(report.FileServices, false); n != nil {
		l.ed.Services = l.figures(n, report.SourceServices)
	}
	l.goals()
	l.identity()
	if len(l.errs) > 0 {
		l.errs.Sort()
		return nil, nil, l.errs
	}
	return l.ed, l.warnings, nil
}

type loader struct {
	fsys     fs.FS
	sub      string // the edition's folder in fsys
	dir      string // the edition's folder as messages name it
	ed       *report.Edition
	errs     report.ErrorList
	warnings []Warning
	d        *decoder // the file being read
	orgIDs   map[string]bool
	codeSets map[string]map[string]bool // see codeSet
	hints    int                        // see hint
	orgs     []string                   // the organisation ids, for hints
	zoneOf   map[string]string          // zone code → its district's
}

// file reads and parses one file of the edition, setting l.d to its
// decoder. A missing optional file is recorded in Edition.Missing with a
// warning; a missing required one is an error.
func (l *loader) file(name string, required bool) *yaml.Node {
	data := l.read(name, required)
	if data == nil {
		return nil
	}
	return l.d.parse(data, !required)
}

// read reads one file of the edition, setting l.d to its decoder; it
// returns nil after recording a missing or unreadable file.
func (l *loader) read(name string, required bool) []byte {
	path := filepath.Join(l.dir, name)
	l.d = &decoder{file: path, errs: &l.errs, warns: &l.warnings}
	l.ed.Files = append(l.ed.Files, name)
	data, err := fs.ReadFile(l.fsys, l.sub+"/"+name)
	switch {
	case errors.Is(err, fs.ErrNotExist) && required:
		l.errs.Add(report.Pos{File: path}, "required file is missing")
		return nil
	case errors.Is(err, fs.ErrNotExist):
		l.ed.Missing[name] = true
		l.warnings = append(l.warnings, Warning{report.Pos{File: path}, "file is missing: its indicators are n.d."})
		return nil
	case err != nil:
		l.errs.Add(report.Pos{File: path}, "cannot read: %v", err)
		return nil
	}
	if data == nil {
		data = []byte{}
	}
	return data
}

// records reads an optional file holding a list of records, passing its
// items to readAll. A large file is parsed a batch of records at a time
// (see batches), so that its whole node tree is never in memory at once:
// loading stays linear in time and bounded in memory. When a batch does
// not parse on its own, whatever it read is undone (reset clears the
// edition's records) and the whole file is parsed as one, so that the
// messages are exactly those of a whole-file parse.
func (l *loader) records(name, what string, readAll func(iter.Seq2[int, *yaml.Node]), reset func()) {
	data := l.read(name, false)
	if data == nil {
		return
	}
	if parts := batches(data); len(parts) > 1 {
		if !l.d.checkBytes(data) {
			return
		}
		errs, warns, hints := len(l.errs), len(l.warnings), l.hints
		d, failed := l.d, false
		readAll(func(yield func(int, *yaml.Node) bool) {
			i := 0
			failed = !parseBatches(data, parts, func(b batch, root *yaml.Node) bool {
				if root == nil {
					return true
				}
				if !d.checkBatch(root, b.line-1) {
					failed = true
					return false
				}
				for _, it := range root.Content {
					if !yield(i, it) {
						return false
					}
					i++
				}
				return true
			}) || failed
		})
		if !failed {
			d.finishText()
			return
		}
		l.errs, l.warnings, l.hints = l.errs[:errs], l.warnings[:warns], hints
		reset()
		l.d = &decoder{file: d.file, errs: &l.errs, warns: &l.warnings}
	}
	n := l.d.parse(data, true)
	if n == nil {
		return
	}
	items := l.d.list(n, what)
	readAll(func(yield func(int, *yaml.Node) bool) {
		for i, it := range items {
			if !yield(i, it) {
				return
			}
		}
	})
}

// maxPublishedAfter is how many years after its own an edition may be
// published.
const maxPublishedAfter = 10

// edition reads edition.yaml; it reports whether the territory was read
// without errors, which the records need.
func (l *loader) edition(n *yaml.Node, folderYear int) bool {
	d := l.d
	f := d.fields(n, "edition", "year!", "title!", "subtitle", "title_en", "subtitle_en", "organisation!", "organisation_en", "partners", "published", "territory!",
		"sample", "sources", "sources_en")
	if f == nil {
		return false
	}
	ed := l.ed
	if y := f["year"]; y != nil {
		ed.Year = d.count(y, "year")
		if ed.Year != 0 && ed.Year != folderYear {
			d.errorf(y, "year %d does not match the folder %d", ed.Year, folderYear)
		}
	}
	ed.Title = d.title(f["title"], "title")
	ed.Subtitle = d.title(f["subtitle"], "subtitle")
	ed.TitleEn = d.title(f["title_en"], "title_en")
	ed.SubtitleEn = d.title(f["subtitle_en"], "subtitle_en")
	ed.OrganisationEn = d.title(f["organisation_en"], "organisation_en")
	ed.Organisation = d.title(f["organisation"], "organisation")
	ed.Partners = d.strs(f["partners"], "partners", nameText)
	ed.Published = d.date(f["published"], "published")
	if p := ed.Published; !p.IsZero() && (p.Year() < folderYear || p.Year() > folderYear+maxPublishedAfter) {
		// A slip in the year would date the report and its PDF wrongly.
		d.errorf(f["published"], "published %s: a report on %d is published from %d to %d",
			p.Format("2006-01-02"), folderYear, folderYear, folderYear+maxPublishedAfter)
	}
	ed.Sample = d.boolean(f["sample"], "sample", false)
	l.sources(f["sources"], f["sources_en"])
	t := f["territory"]
	if t == nil || isNull(t) {
		return false
	}
	before := len(l.errs)
	l.territory(t)
	return len(l.errs) == before
}

func (l *loader) territory(n *yaml.Node) {
	d := l.d
	f := d.fields(n, "territory", "name!", "districts!")
	if f == nil {
		return
	}
	t := &l.ed.Territory
	t.Name = d.name(f["name"], "territory name")
	districts := d.list(f["districts"], "districts")
	if f["districts"] != nil && !isNull(f["districts"]) && len(districts) == 0 && f["districts"].Kind == yaml.SequenceNode {
		d.errorf(f["districts"], "territory has no districts")
	}
	dcodes, zcodes := newIDs("district code"), newIDs("zone code")
	for i, dn := range districts {
		df := d.fields(dn, record("district", dn, i), "code!", "name!", "residents!", "zones")
		if df == nil {
			continue
		}
		dist := report.District{
			Code: d.str(df["code"], "district code"),
			Name: d.name(df["name"], "district name"),
		}
		var ok bool
		if dist.Residents, ok = d.countOK(df["residents"], "residents"); ok && dist.Residents == 0 {
			// Every rate per resident divides by it: a district has people.
			d.errorf(df["residents"], "residents must be above zero: write the district's population on 31 December")
		}
		if c := df["code"]; c != nil {
			dcodes.add(d, c, dist.Code)
		}
		for _, zn := range d.list(df["zones"], "zones") {
			zf := d.fields(zn, "zone", "code!", "name!")
			if zf == nil {
				continue
			}
			z := report.Zone{Code: d.str(zf["code"], "zone code"), Name: d.name(zf["name"], "zone name")}
			if c := zf["code"]; c != nil {
				zcodes.add(d, c, z.Code)
			}
			dist.Zones = append(dist.Zones, z)
		}
		t.Districts = append(t.Districts, dist)
	}
}

// vocabularyNames are the code lists of the data contract.
var vocabularyNames = []string{
	"themes", "purposes", "activities", "need_areas", "origins",
	"coordination", "organisation_kinds", "funding", "targets",
	report.VocabOffices, // optional: the offices operators are counted by
	// dimensions of the aggregate files staff.yaml and services.yaml
	"units", "contracts", "roles", "areas", "sexes", "age_bands", "employers",
	"service_targets", "citizenships", "user_age_bands", "interventions", "placements",
	"desks", "channels", "requesters", "needs", "outcomes",
}

// VocabularyNames returns the names of the data contract's code lists.
func VocabularyNames() []string { return slices.Clone(vocabularyNames) }

func (l *loader) vocabularies(n *yaml.Node) {
	d := l.d
	f := d.fields(n, "vocabularies", vocabularyNames...)
	for _, name := range vocabularyNames {
		ln, ok := f[name]
		if !ok {
			continue
		}
		v := &report.Vocabulary{Name: name}
		codes := newIDs(name + " code")
		keys := []string{"code!", "label!", "label_en", "label_text", "label_text_en", "was"}
		if name == "organisation_kinds" {
			keys = append(keys, "ets!")
		}
		if name == "funding" {
			keys = append(keys, "community") // the organisations' own money
		}
		for i, en := range d.list(ln, name) {
			ef := d.fields(en, name+" entry "+entryName(en, i), keys...)
			if ef == nil {
				continue
			}
			e := report.Entry{
				Code:    d.str(ef["code"], "code"),
				Label:   d.name(ef["label"], "label"),
				LabelEn: d.name(ef["label_en"], "label_en"),
				// the running-text forms are optional (see docs/data-model.md)
				LabelText:   d.name(ef["label_text"], "label_text"),
				LabelTextEn: d.name(ef["label_text_en"], "label_text_en"),
				ETS:         d.boolean(ef["ets"], "ets", false),
				Community:   d.boolean(ef["community"], "community", false),
				Was:         d.strs(ef["was"], "was", codeText),
			}
			if c := ef["code"]; c != nil {
				codes.add(d, c, e.Code)
				if name == report.VocabOffices && (e.Code == "total" || e.Code == "stated") {
					d.errorf(c, "office code %q is reserved (operators.%s is a field of its own): choose another", e.Code, e.Code)
				}
			}
			v.Entries = append(v.Entries, e)
		}
		l.ed.Vocabularies[name] = v
	}
}

// entryName names a vocabulary entry by its code, or its place in the list.
func entryName(n *yaml.Node, i int) string {
	if n.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(n.Content); j += 2 {
			if n.Content[j].Value == "code" && n.Content[j+1].Value != "" {
				return strconv.Quote(n.Content[j+1].Value)
			}
		}
	}
	return "#" + strconv.Itoa(i+1)
}

// code checks that the field's value is a code of the named vocabulary.
func (l *loader) code(n *yaml.Node, list, what string) string {
	s := l.d.str(n, what)
	if s == "" || n == nil {
		return s
	}
	l.checkCode(n, s, list)
	return s
}

// codes checks that each item of a list field is a code of the vocabulary.
func (l *loader) codes(n *yaml.Node, list, what string) []string {
	items := l.d.list(n, what)
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s := l.code(it, list, what+" item"); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (l *loader) checkCode(n *yaml.Node, code, list string) {
	valid, ok := l.codeSet(list)
	if !ok {
		l.d.missingList(n, code, list)
		return
	}
	if valid[code] {
		return
	}
	// The list, in its order, only for the message.
	codes := func() []string {
		var names []string
		switch list {
		case "districts":
			for _, dist := range l.ed.Territory.Districts {
				names = append(names, dist.Code)
			}
		case "zones":
			for _, dist := range l.ed.Territory.Districts {
				for _, z := range dist.Zones {
					names = append(names, z.Code)
				}
			}
		default:
			for _, e := range l.ed.Vocabularies[list].Entries {
				names = append(names, e.Code)
			}
		}
		return names
	}
	switch list {
	case "districts", "zones":
		l.d.errorf(n, "%q is not one of the territory's %s in %s%s", code, list, report.FileEdition, l.hint(code, codes))
	default:
		l.d.errorf(n, "%q is not in vocabulary %s%s", code, list, l.hint(code, codes))
	}
}

// maxHints is how many did-you-mean hints one edition gets: each compares
// a word with a whole list, so thousands of wrong references to thousands
// of organisations would take minutes. The first ones show the pattern.
const maxHints = 200

// hint is report.Hint for the first maxHints messages of the edition.
func (l *loader) hint(s string, candidates func() []string) string {
	if l.hints >= maxHints {
		return ""
	}
	l.hints++
	return report.Hint(s, candidates())
}

// codeSet returns the codes of a list (districts, zones or a vocabulary),
// built once: records check hundreds of thousands of codes.
func (l *loader) codeSet(list string) (map[string]bool, bool) {
	if set, ok := l.codeSets[list]; ok {
		return set, set != nil
	}
	if l.codeSets == nil {
		l.codeSets = map[string]map[string]bool{}
	}
	set := map[string]bool{}
	switch list {
	case "districts":
		for _, dist := range l.ed.Territory.Districts {
			set[dist.Code] = true
		}
	case "zones":
		for _, dist := range l.ed.Territory.Districts {
			for _, z := range dist.Zones {
				set[z.Code] = true
			}
		}
	default:
		v, ok := l.ed.Vocabularies[list]
		if !ok {
			set = nil
			break
		}
		for _, e := range v.Entries {
			set[e.Code] = true
		}
	}
	l.codeSets[list] = set
	return set, set != nil
}

// refs checks a list of organisation ids against organisations.yaml.
func (l *loader) refs(n *yaml.Node, what string) []string {
	items := l.d.list(n, what)
	out := make([]string, 0, len(items))
	for _, it := range items {
		id := l.d.str(it, "organisation id")
		if id == "" {
			continue
		}
		if l.orgIDs != nil && !l.orgIDs[id] {
			l.d.errorf(it, "unknown organisation %q: it is not in %s%s", id, report.FileOrganisations, l.hint(id, l.orgList))
		}
		out = append(out, id)
	}
	return out
}

func (l *loader) orgList() []string {
	if len(l.orgs) != len(l.ed.Organisations) {
		l.orgs = make([]string, 0, len(l.ed.Organisations))
		for _, o := range l.ed.Organisations {
			l.orgs = append(l.orgs, o.ID)
		}
	}
	return l.orgs
}

func (l *loader) organisations(items iter.Seq2[int, *yaml.Node]) {
	d := l.d
	seen := newIDs("organisation id")
	l.orgIDs = map[string]bool{}
	for i, on := range items {
		f := d.fields(on, record("organisation", on, i), "id!", "name!", "kind!", "district")
		if f == nil {
			continue
		}
		o := report.Organisation{
			ID:       d.str(f["id"], "id"),
			Name:     d.name(f["name"], "name"),
			Kind:     l.code(f["kind"], "organisation_kinds", "kind"),
			District: l.code(f["district"], "districts", "district"),
		}
		if f["id"] != nil {
			seen.add(d, f["id"], o.ID)
		}
		l.orgIDs[o.ID] = true
		l.ed.Organisations = append(l.ed.Organisations, o)
	}
}

func (l *loader) projects(items iter.Seq2[int, *yaml.Node]) {
	d := l.d
	seen := newIDs("project id")
	for i, pn := range items {
		f := d.fields(pn, record("project", pn, i), "id!", "name!", "new!", "origin!", "need_area!", "scope!",
			"districts", "zones", "beneficiaries!", "organisations", "operators",
			"activities", "funding", "targets", "in_aggregates", "budget", "funding_amounts")
		if f == nil {
			continue
		}
		p := report.Project{
			ID:            d.str(f["id"], "id"),
			Name:          d.name(f["name"], "name"),
			New:           d.boolean(f["new"], "new", false),
			Origin:        l.code(f["origin"], "origins", "origin"),
			NeedArea:      l.code(f["need_area"], "need_areas", "need_area"),
			Scope:         d.str(f["scope"], "scope"),
			Districts:     l.codes(f["districts"], "districts", "districts"),
			Zones:         l.codes(f["zones"], "zones", "zones"),
			Organisations: l.refs(f["organisations"], "organisations"),
			Activities:    l.codes(f["activities"], "activities", "activities"),
			Funding:       l.codes(f["funding"], "funding", "funding"),
			Targets:       l.codes(f["targets"], "targets", "targets"),
			InAggregates:  d.boolean(f["in_aggregates"], "in_aggregates", true),
		}
		if f["id"] != nil {
			seen.add(d, f["id"], p.ID)
		}
		l.scope(pn, f, &p)
		l.money(f, &p)
		if bn := f["beneficiaries"]; bn != nil && !isNull(bn) {
			if bf := d.fields(bn, "beneficiaries", "total!", "in_charge!"); bf != nil {
				total, okT := d.countOK(bf["total"], "beneficiaries total")
				inCharge, okC := d.countOK(bf["in_charge"], "beneficiaries in_charge")
				p.Beneficiaries = report.Beneficiaries{Total: total, InCharge: inCharge}
				if okT && okC && inCharge > total {
					d.errorf(bf["in_charge"], "in_charge (%d) is above total (%d)", p.Beneficiaries.InCharge, p.Beneficiaries.Total)
				}
			}
		}
		if on := f["operators"]; on != nil && !isNull(on) {
			l.operators(on, &p)
		}
		l.ed.Projects = append(l.ed.Projects, p)
	}
}

// operators reads a project's operators by office: the codes of the
// offices code list when the edition has one, sst, reti and other when not.
func (l *loader) operators(on *yaml.Node, p *report.Project) {
	d := l.d
	offices, ok := l.ed.Vocabularies[report.VocabOffices]
	if !ok {
		if of := d.fields(on, "operators", report.OfficeSST, report.OfficeReti, report.OfficeOther); of != nil {
			p.Operators = report.Operators{
				SST:    d.count(of[report.OfficeSST], "operators sst"),
				Reti:   d.count(of[report.OfficeReti], "operators reti"),
				Other:  d.count(of[report.OfficeOther], "operators other"),
				Stated: true,
			}
		}
		return
	}
	codes := make([]string, len(offices.Entries))
	for i, e := range offices.Entries {
		codes[i] = e.Code
	}
	if of := d.fields(on, "operators", codes...); of != nil {
		p.Operators = report.Operators{ByOffice: make(map[string]int, len(codes)), Stated: true}
		for _, c := range codes {
			p.Operators.ByOffice[c] = d.count(of[c], "operators "+c)
		}
	}
}

// scope checks a project's scope against its districts and zones.
func (l *loader) scope(pn *yaml.Node, f map[string]*yaml.Node, p *report.Project) {
	d := l.d
	sn := f["scope"]
	switch p.Scope {
	case "":
		return
	case report.ScopeCity, report.ScopeDistrict, report.ScopeZone:
	default:
		d.errorf(sn, "scope %q must be city, district or zone%s", p.Scope,
			report.Hint(p.Scope, []string{report.ScopeCity, report.ScopeDistrict, report.ScopeZone}))
		return
	}
	if p.Scope != report.ScopeCity && len(p.Districts) == 0 && f["districts"] == nil {
		d.errorf(pn, "project %s: scope %s needs districts", p.ID, p.Scope)
	}
	if p.Scope == report.ScopeZone && len(p.Zones) == 0 && f["zones"] == nil {
		d.errorf(pn, "project %s: scope zone needs zones", p.ID)
	}
	if zn := f["zones"]; zn != nil && zn.Kind == yaml.SequenceNode {
		inProject := slices.Contains[[]string]
		if len(p.Districts) > 16 { // a hostile list: no scan per zone
			set := make(map[string]bool, len(p.Districts))
			for _, c := range p.Districts {
				set[c] = true
			}
			inProject = func(_ []string, c string) bool { return set[c] }
		}
		for _, it := range zn.Content {
			owner := l.districtOf(it.Value)
			if owner != "" && !inProject(p.Districts, owner) {
				d.errorf(it, "zone %q is outside the project's districts (it belongs to %s)", it.Value, owner)
			}
		}
	}
}

func (l *loader) districtOf(zone string) string {
	if l.zoneOf == nil {
		l.zoneOf = map[string]string{}
		for _, dist := range l.ed.Territory.Districts {
			for _, z := range dist.Zones {
				if _, dup := l.zoneOf[z.Code]; !dup {
					l.zoneOf[z.Code] = dist.Code
				}
			}
		}
	}
	return l.zoneOf[zone]
}

func (l *loader) tables(items iter.Seq2[int, *yaml.Node]) {
	d := l.d
	seen := newIDs("table id")
	for i, tn := range items {
		f := d.fields(tn, record("table", tn, i), "id!", "name!", "district", "coordination!", "themes", "purposes", "organisations", "meetings")
		if f == nil {
			continue
		}
		t := report.Table{
			ID:            d.str(f["id"], "id"),
			Name:          d.name(f["name"], "name"),
			District:      l.code(f["district"], "districts", "district"),
			Coordination:  l.code(f["coordination"], "coordination", "coordination"),
			Themes:        l.codes(f["themes"], "themes", "themes"),
			Purposes:      l.codes(f["purposes"], "purposes", "purposes"),
			Organisations: l.refs(f["organisations"], "organisations"),
			Meetings:      d.count(f["meetings"], "meetings"),
			HasMeetings:   f["meetings"] != nil && !isNull(f["meetings"]),
		}
		if f["id"] != nil {
			seen.add(d, f["id"], t.ID)
		}
		if t.District == "" {
			l.cityWide(tn, "table", t.ID)
		}
		l.ed.Tables = append(l.ed.Tables, t)
	}
}

func (l *loader) groups(items iter.Seq2[int, *yaml.Node]) {
	d := l.d
	seen := newIDs("group id")
	for i, gn := range items {
		f := d.fields(gn, record("group", gn, i), "id!", "name!", "district", "coordination!", "themes", "purposes", "citizens!", "organisations")
		if f == nil {
			continue
		}
		g := report.Group{
			ID:            d.str(f["id"], "id"),
			Name:          d.name(f["name"], "name"),
			District:      l.code(f["district"], "districts", "district"),
			Coordination:  l.code(f["coordination"], "coordination", "coordination"),
			Themes:        l.codes(f["themes"], "themes", "themes"),
			Purposes:      l.codes(f["purposes"], "purposes", "purposes"),
			Citizens:      d.count(f["citizens"], "citizens"),
			Organisations: l.refs(f["organisations"], "organisations"),
		}
		if f["id"] != nil {
			seen.add(d, f["id"], g.ID)
		}
		if g.District == "" {
			l.cityWide(gn, "group", g.ID)
		}
		l.ed.Groups = append(l.ed.Groups, g)
	}
}

// cityWide checks that a table or group without a district, the whole
// city's, does not share its row key in district breakdowns with a district.
func (l *loader) cityWide(n *yaml.Node, what, id string) {
	for _, dist := range l.ed.Territory.Districts {
		if dist.Code == report.CityWide {
			l.d.errorf(n, "%s %s has no district, so it is the whole city's, whose row in district breakdowns is %q, the code of a district too: give that district another code",
				what, id, report.CityWide)
			return
		}
	}
}
