package report

import "time"

// The files of an edition, as named in the data contract.
const (
	FileEdition       = "edition.yaml"
	FileVocabularies  = "vocabularies.yaml"
	FileOrganisations = "organisations.yaml"
	FileProjects      = "projects.yaml"
	FileTables        = "tables.yaml"
	FileGroups        = "groups.yaml"
	FileStaff         = "staff.yaml"
	FileServices      = "services.yaml"
	// FileIdentity and FileIdentityEn are the edition's own text on who the
	// institution is (mission, values, governance), in Markdown: optional.
	FileIdentity   = "identity.md"
	FileIdentityEn = "identity_en.md"
)

// Edition is one year of records, as read from its folder.
type Edition struct {
	Year         int
	Title        string
	Subtitle     string
	Organisation string
	// TitleEn, SubtitleEn and OrganisationEn, optional, are the English
	// edition's.
	TitleEn        string
	SubtitleEn     string
	OrganisationEn string
	Partners       []string
	Published      time.Time
	Territory      Territory
	Vocabularies   map[string]*Vocabulary

	// Sample marks an edition whose records are synthetic: the report and
	// the slides say so on every page.
	Sample bool
	// Sources are the edition's own names of its data files, by source key
	// (DataSources), in both languages; see SourceName.
	Sources map[string]Text
	// Files are the files the loader looked for, present or missing, in
	// the order it read them: the coverage lists them all.
	Files []string

	Organisations []Organisation
	Projects      []Project
	Tables        []Table
	Groups        []Group

	// Staff and Services are aggregate figures (areas A and B.1–B.2): no
	// personal data, only counts and amounts by unit, district, category.
	Staff    []Figure
	Services []Figure

	// Goals are the improvement goals of goals.yaml (see goals.go).
	Goals []Goal

	// Identity and IdentityEn are the Markdown of identity.md and
	// identity_en.md, "" when the edition has none (see IdentityIn).
	Identity, IdentityEn string

	// Missing holds the optional files that were not there, by file name:
	// the indicators computed from them are not available (n.d.).
	Missing map[string]bool
}

// IdentityIn returns the edition's identity text in lang, "" when the
// edition has none in that language. Unlike labels, English does not fall
// back to Italian: a whole section in another language is not a label.
func (e *Edition) IdentityIn(lang string) string {
	if lang == "en" {
		return e.IdentityEn
	}
	return e.Identity
}

// Has reports whether the optional file was present in the edition.
func (e *Edition) Has(file string) bool { return !e.Missing[file] }

// Territory is the city and its districts, in the order the edition lists
// them; breakdowns by district or zone follow that order.
type Territory struct {
	Name      string
	Districts []District
}

// Residents is the city's population: the sum over its districts.
func (t Territory) Residents() int {
	n := 0
	for _, d := range t.Districts {
		n += d.Residents
	}
	return n
}

// District is a "quartiere".
type District struct {
	Code, Name string
	Residents  int
	Zones      []Zone
}

// Zone is a part of a district.
type Zone struct {
	Code, Name string
}

// Vocabulary is a code list, in the order it is written.
type Vocabulary struct {
	Name    string
	Entries []Entry
}

// Entry is one code of a vocabulary.
type Entry struct {
	Code    string
	Label   string
	LabelEn string // optional: the label in English reports
	// LabelText and LabelTextEn, optional, are the label as running text
	// says it mid-sentence ("contrasto alla solitudine"); without them it
	// is derived from the label (see narrative's runningText).
	LabelText, LabelTextEn string
	// ETS is set for organisation kinds that are Third-sector entities.
	ETS bool
	// Community is set for funding sources that are the organisations of
	// the territory's own contribution (their money, volunteers' work
	// valued in euro).
	Community bool
	// Was lists the codes of the previous edition this code replaces.
	Was []string
}

// LabelIn returns the entry's label in lang, the Italian one when there is
// no other.
func (e Entry) LabelIn(lang string) string {
	return Text{It: e.Label, En: e.LabelEn}.In(lang)
}

// LabelTextIn returns the entry's running-text label in lang, "" when
// the edition gives none.
func (e Entry) LabelTextIn(lang string) string {
	if lang == "en" {
		return e.LabelTextEn
	}
	return e.LabelText
}

// TitleIn returns the edition's title and subtitle in lang.
func (e *Edition) TitleIn(lang string) (title, subtitle string) {
	return Text{It: e.Title, En: e.TitleEn}.In(lang), Text{It: e.Subtitle, En: e.SubtitleEn}.In(lang)
}

// OrganisationIn returns the organisation's name in lang.
func (e *Edition) OrganisationIn(lang string) string {
	return Text{It: e.Organisation, En: e.OrganisationEn}.In(lang)
}

// Lookup returns the entry with the given code.
func (v *Vocabulary) Lookup(code string) (Entry, bool) {
	for _, e := range v.Entries {
		if e.Code == code {
			return e, true
		}
	}
	return Entry{}, false
}

// Organisation is an organisation of the territory ("ODT").
type Organisation struct {
	ID, Name string
	Kind     string
	District string // empty: city-wide
}

// Scopes of a project, its "raggio di azione".
const (
	ScopeCity     = "city"
	ScopeDistrict = "district"
	ScopeZone     = "zone"
)

// Project is an inclusive project ("progetto inclusivo").
type Project struct {
	ID, Name      string
	New           bool
	Origin        string
	NeedArea      string
	Scope         string
	Districts     []string
	Zones         []string
	Beneficiaries Beneficiaries
	Organisations []string
	Operators     Operators
	Activities    []string
	Funding       []string
	Targets       []string
	// InAggregates is false for a project described in the report but left
	// out of every total.
	InAggregates bool
	// Money, optional: the project's budget in euro and what each funding
	// source gives, by code of the funding code list.
	Budget         float64
	HasBudget      bool
	FundingAmounts map[string]float64
}

// Beneficiaries counts the people a project reached.
type Beneficiaries struct {
	Total, InCharge int
}

// Operators counts the staff involved in a project, by office. An edition
// without an offices code list has Bologna's offices (sst, reti, other) in
// SST, Reti and Other; one with it has ByOffice, by office code.
type Operators struct {
	SST, Reti, Other int
	ByOffice         map[string]int
	Stated           bool // the project gave its operators
}

// Default offices: the operator keys of an edition without an offices code
// list.
const (
	OfficeSST   = "sst"
	OfficeReti  = "reti"
	OfficeOther = "other"
)

// VocabOffices is the optional code list of the offices that operators are
// counted by.
const VocabOffices = "offices"

// Count returns the operators of one office.
func (o Operators) Count(office string) int {
	if o.ByOffice != nil {
		return o.ByOffice[office]
	}
	switch office {
	case OfficeSST:
		return o.SST
	case OfficeReti:
		return o.Reti
	case OfficeOther:
		return o.Other
	}
	return 0
}

// Total returns the operators of every office.
func (o Operators) Total() int {
	if o.ByOffice != nil {
		n := 0
		for _, c := range o.ByOffice {
			n += c
		}
		return n
	}
	return o.SST + o.Reti + o.Other
}

// CityWide is the key of the row of district breakdowns that counts the
// tables and groups of the whole city (no district); the row is there only
// when the edition has such a record.
const CityWide = "city"

// Table is a permanent table ("tavolo permanente").
type Table struct {
	ID, Name      string
	District      string // empty: city-wide
	Coordination  string
	Themes        []string
	Purposes      []string
	Organisations []string
	Meetings      int
	HasMeetings   bool
}

// Group is a citizen group ("gruppo di cittadini").
type Group struct {
	ID, Name      string
	District      string // empty: city-wide
	Coordination  string
	Themes        []string
	Purposes      []string
	Citizens      int
	Organisations []string
}

// Figure is one block of an aggregate file: a measure (headcount, fte,
// users, contacts…) on a slice of the whole (For: fixed dimension codes, such
// as role social_worker), given as a total, or as cells that break the slice
// down by the same dimensions, or both. The cells of a figure are complete: a
// code combination without a cell is zero.
type Figure struct {
	Measure string
	For     []Coord
	Total   Value // the declared total, if any
	Dims    []string
	Cells   []Cell
}

// Coord is one dimension's code.
type Coord struct {
	Dim, Code string
}

// Cell is one figure of a breakdown: a code for each of the figure's
// dimensions, in the order of Figure.Dims, and its value.
type Cell struct {
	Codes []string
	Value float64
}

// Sum returns the figure's value for the whole slice: the declared total, or
// the sum of the cells.
func (f *Figure) Sum() float64 {
	if f.Total.Known {
		return f.Total.Num
	}
	s := 0.0
	for _, c := range f.Cells {
		s += c.Value
	}
	return s
}

// Fixed returns the code the figure fixes for the dimension, if any.
func (f *Figure) Fixed(dim string) (string, bool) {
	for _, c := range f.For {
		if c.Dim == dim {
			return c.Code, true
		}
	}
	return "", false
}
