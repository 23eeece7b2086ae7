package report

import "strconv"

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
)

// Indicator is the definition of one figure of the evaluation design.
type Indicator struct {
	ID         string
	Title      Text
	Unit       Text
	Definition Text

	Source  string // record set: projects, tables, groups or organisations
	Measure string
	Field   string      // the numeric field of sum and mean, the reference field of distinct
	Parts   []Part      // sum or mean over several numeric fields, one breakdown row each
	Filter  []Condition // records counted
	Where   []Condition // share: the numerator's extra conditions
	By      string      // breakdown field; for distinct, a field of the organisation
	Bins    []float64   // upper bounds of the classes of a numeric By field
	Chart   string      // preferred chart kind, empty for none
}

// Part is one numeric field of a sum or mean over several fields.
type Part struct {
	Field string
	Label Text
}

// Condition keeps the records whose field matches. Exactly one of Equals,
// Min, Max or Present is set; Equals on a list field means "contains".
type Condition struct {
	Field   string
	Equals  string
	Min     *float64
	Max     *float64
	Present *bool
}

// Files returns the data files the indicator is computed from.
func (ind *Indicator) Files() []string {
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
		fs = append(fs, p.Field)
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
