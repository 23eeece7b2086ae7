package report

import (
	"slices"
	"strconv"
)

// Catalogue is the evaluation design as data: every indicator the engine
// computes, in the order reports list them, and the labels of the fixed code
// lists (enums) that do not come from an edition's vocabularies.
type Catalogue struct {
	Enums      map[string][]EnumEntry
	Indicators []*Indicator
}

// EnumEntry is one code of a catalogue enum, such as the scope "zone".
type EnumEntry struct {
	Code  string
	Label Text
}

// Lookup returns the indicator with the given id.
func (c *Catalogue) Lookup(id string) (*Indicator, bool) {
	for _, ind := range c.Indicators {
		if ind.ID == id {
			return ind, true
		}
	}
	return nil, false
}

// Measures an indicator can take.
const (
	MeasureCount    = "count"    // records that pass the filter
	MeasureSum      = "sum"      // sum of a numeric field
	MeasureDistinct = "distinct" // distinct organisations a reference field names
	MeasureShare    = "share"    // records that also pass Where, over records that pass the filter
	MeasureMean     = "mean"     // sum of a numeric field (or of Parts) over the records
	MeasureRatio    = "ratio"    // Numerator / Denominator × Factor
	MeasureGap      = "gap"      // Numerator minus the level a threshold asks for
)

// Residents is the operand naming the edition's residents: the city's, or a
// district's in a breakdown by district.
const Residents = "residents"

// Indicator is the definition of one figure of the evaluation design.
type Indicator struct {
	ID         string
	Title      Text
	Unit       Text
	Definition Text

	Source  string // record set or aggregate file: projects, tables, groups, organisations, staff, services
	Measure string
	Field   string      // the numeric field of sum and mean, the reference field of distinct
	Parts   []Part      // sum or mean over several numeric fields, one breakdown row each
	Filter  []Condition // records counted
	Where   []Condition // share: the numerator's extra conditions
	By      string      // breakdown field; for distinct, a field of the organisation
	Bins    []float64   // upper bounds of the classes of a numeric By field
	Across  string      // aggregate sources: a second breakdown field, rows By × Across
	Chart   string      // preferred chart kind, empty for none
	// People marks a count of people (users, beneficiaries, citizens,
	// minors; staff by sex or age): its small figures are withheld (see
	// Withhold). On a ratio, share or mean it says the numerator counts
	// people: the rows whose count is withheld are withheld.
	People bool

	// Ratio, share and gap: the terms of the value. Denominator nil means 1.
	Numerator   *Operand
	Denominator *Operand
	Factor      float64 // 0 means 1

	// Origin is the file of an own indicator (config.toml's indicators),
	// empty for the catalogue's; Replaces says it stands in for the
	// catalogue's indicator of the same id.
	Origin   string
	Replaces bool
}

// Part is a row of the breakdown that is a figure of its own, not a slice
// of the value. In a sum or mean over several fields it is one numeric field
// (the value is their sum). In a ratio or share it is a related figure: a
// field summed like the numerator, or another indicator's value, optionally
// divided by Denominator and multiplied by Factor; or a threshold. In a gap
// every part is a threshold.
type Part struct {
	Key   string // the row's key; Field, the indicator's id or the threshold's code by default
	Field string
	Label Text

	Indicator *Operand // another indicator's value, instead of Field

	// Per makes the part a threshold: one unit of the numerator per Per of
	// the denominator (1 social worker per 5000 residents). In a ratio its row
	// is the threshold's level in the ratio's terms, in a gap the numerator
	// minus what the threshold asks for. Main marks the gap's value.
	Per  float64
	Main bool

	Denominator *Operand
	Factor      float64
}

// Operand is a term of a ratio: the residents, the sum of numeric fields of
// the indicator's source (after its filter), or another indicator's value.
type Operand struct {
	Residents bool
	Fields    []string
	ID        string
	Ref       *Indicator // the indicator ID names, linked when the catalogue is read
}

// RowKey returns the key of the part's row.
func (p Part) RowKey() string {
	switch {
	case p.Key != "":
		return p.Key
	case p.Field != "":
		return p.Field
	case p.Indicator != nil:
		return p.Indicator.ID
	}
	return ""
}

// IsThreshold reports whether the part is a benchmark threshold.
func (p Part) IsThreshold() bool { return p.Per > 0 }

// Refs returns the indicators the indicator's value is computed from.
func (ind *Indicator) Refs() []*Indicator {
	var refs []*Indicator
	for _, o := range ind.operands() {
		if o.Ref != nil {
			refs = append(refs, o.Ref)
		}
	}
	return refs
}

func (ind *Indicator) operands() []*Operand {
	var ops []*Operand
	for _, o := range []*Operand{ind.Numerator, ind.Denominator} {
		if o != nil {
			ops = append(ops, o)
		}
	}
	for _, p := range ind.Parts {
		for _, o := range []*Operand{p.Indicator, p.Denominator} {
			if o != nil {
				ops = append(ops, o)
			}
		}
	}
	return ops
}

// orOne reads an unset factor as 1.
func orOne(f float64) float64 {
	if f == 0 {
		return 1
	}
	return f
}

// Condition keeps the records whose field matches. Exactly one of Equals,
// Min, Max or Present is set; Equals on a list field means "contains".
type Condition struct {
	Field   string
	Equals  string
	Min     *float64
	Max     *float64
	Present *bool
	// Pos is where the catalogue gives Equals, for the note when the code
	// is not in the edition's code list.
	Pos Pos
}

// Files returns the data files the indicator is computed from.
func (ind *Indicator) Files() []string {
	var files []string
	seen := map[*Indicator]bool{}
	ind.files(&files, seen)
	return files
}

// Needs returns the files without which the value cannot be computed:
// its own and those of its numerator and denominator, not those of related
// figures in its parts (a part that cannot be computed is left out of the
// breakdown).
func (ind *Indicator) Needs() []string {
	var files []string
	ind.needs(&files, map[*Indicator]bool{})
	return files
}

func (ind *Indicator) needs(files *[]string, seen map[*Indicator]bool) {
	if seen[ind] {
		return
	}
	seen[ind] = true
	ind.addOwn(files)
	for _, o := range []*Operand{ind.Numerator, ind.Denominator} {
		if o != nil && o.Ref != nil {
			o.Ref.needs(files, seen)
		}
	}
}

func (ind *Indicator) files(files *[]string, seen map[*Indicator]bool) {
	if seen[ind] {
		return
	}
	seen[ind] = true
	ind.addOwn(files)
	for _, ref := range ind.Refs() {
		ref.files(files, seen)
	}
}

func (ind *Indicator) addOwn(files *[]string) {
	for _, f := range ind.ownFiles() {
		if !slices.Contains(*files, f) {
			*files = append(*files, f)
		}
	}
}

// ownFiles are the files of the indicator's own source.
func (ind *Indicator) ownFiles() []string {
	if ind.Source == "" {
		return nil
	}
	files := []string{sourceFile[ind.Source]}
	needsOrganisations := ind.Measure == MeasureDistinct && ind.By != ""
	if ind.Source == SourceOrganisations {
		needsOrganisations = false
		if usesRoles(ind) {
			files = append(files, FileProjects, FileTables, FileGroups)
		}
	}
	if needsOrganisations {
		files = append(files, FileOrganisations)
	}
	return files
}

func usesRoles(ind *Indicator) bool {
	for _, f := range ind.fields() {
		switch f {
		case "roles", "role_count", "in_projects", "at_tables", "in_groups":
			return true
		}
	}
	return false
}

// fields lists every field the indicator reads from its source records.
func (ind *Indicator) fields() []string {
	var fs []string
	if ind.Field != "" {
		fs = append(fs, ind.Field)
	}
	if ind.By != "" && ind.Measure != MeasureDistinct {
		fs = append(fs, ind.By)
	}
	for _, p := range ind.Parts {
		if p.Field != "" {
			fs = append(fs, p.Field)
		}
	}
	for _, c := range append(ind.Filter[:len(ind.Filter):len(ind.Filter)], ind.Where...) {
		fs = append(fs, c.Field)
	}
	return fs
}

// IsShare reports whether the indicator's values are fractions between 0 and 1.
func (ind *Indicator) IsShare() bool { return ind.Measure == MeasureShare }

// binKeys returns the keys of the classes of a binned breakdown:
// "0-10", "11-25", …, "251+" for bins 10, 25, 250.
func binKeys(bins []float64) []string {
	keys := make([]string, 0, len(bins)+1)
	low := 0.0
	for _, b := range bins {
		keys = append(keys, ftoa(low)+"-"+ftoa(b))
		low = b + 1
	}
	return append(keys, ftoa(low)+"+")
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
