package report

import (
	"fmt"
)

// CodeNote is a code that a condition of the catalogue (a filter or where
// entry) names but the edition's code list lacks: the indicator is n.d. on
// that edition, never zero, since its definition names a category the
// edition does not record.
type CodeNote struct {
	Pos       Pos    // where the catalogue gives the code
	Indicator string // the indicator's id
	Field     string // the field the condition reads
	Code      string
	List      string // the code list of the field, such as "origins"
	Year      int    // the edition
	Hint      string // the end of the message: the nearest code of the list, or the list (Hint)
}

// Reason is the note as the reason of an n.d. value.
func (n CodeNote) Reason() string {
	return fmt.Sprintf("%s %q is not in the code list %s of edition %d", n.Field, n.Code, n.List, n.Year)
}

// String is the note as a warning, at the catalogue's position.
func (n CodeNote) String() string {
	return fmt.Sprintf("%s: warning: indicator %s: %s %q is not in the code list %s of edition %d%s: %s is n.d.; "+
		"an indicator file of your own can count the edition's code instead (docs/data-model.md)",
		n.Pos, n.Indicator, n.Field, n.Code, n.List, n.Year, n.Hint, n.Indicator)
}

// CodeNotes checks the codes the catalogue's conditions name against the
// edition's code lists: one note per condition whose code the list lacks,
// in catalogue order. A list the edition does not have is not checked (the
// loader reports it where the data need it), nor codes of the catalogue's
// own enums and of true/false fields.
func CodeNotes(ed *Edition, cat *Catalogue) []CodeNote {
	var notes []CodeNote
	seen := map[string]bool{}
	for _, ind := range cat.Indicators {
		for _, n := range codeNotes(ed, cat, ind) {
			key := n.Pos.String() + "\x00" + n.Code
			if seen[key] {
				continue
			}
			seen[key] = true
			notes = append(notes, n)
		}
	}
	return notes
}

// codeNotes are the notes of one indicator's own conditions.
func codeNotes(ed *Edition, cat *Catalogue, ind *Indicator) []CodeNote {
	schema := Schema[ind.Source]
	var notes []CodeNote
	for _, c := range append(ind.Filter[:len(ind.Filter):len(ind.Filter)], ind.Where...) {
		if c.Equals == "" || c.Min != nil || c.Max != nil || c.Present != nil {
			continue
		}
		fd, ok := schema[c.Field]
		if !ok || (fd.Kind != KindCode && fd.Kind != KindCodes) {
			continue
		}
		if _, isEnum := cat.Enums[fd.Domain]; isEnum {
			continue
		}
		codes, ok := editionCodes(ed, fd.Domain)
		if !ok || containsCode(codes, c.Equals) {
			continue
		}
		notes = append(notes, CodeNote{Pos: c.Pos, Indicator: ind.ID, Field: c.Field, Code: c.Equals,
			List: fd.Domain, Year: ed.Year, Hint: Hint(c.Equals, codes)})
	}
	return notes
}

// editionCodes returns the codes of the edition's code list of that name,
// and whether the edition has it.
func editionCodes(ed *Edition, list string) ([]string, bool) {
	var codes []string
	switch list {
	case "districts":
		for _, d := range ed.Territory.Districts {
			codes = append(codes, d.Code)
		}
		return codes, true
	case "zones":
		for _, d := range ed.Territory.Districts {
			for _, z := range d.Zones {
				codes = append(codes, z.Code)
			}
		}
		return codes, true
	}
	v, ok := ed.Vocabularies[list]
	if !ok || v == nil {
		return nil, false
	}
	for _, e := range v.Entries {
		codes = append(codes, e.Code)
	}
	return codes, true
}

func containsCode(codes []string, code string) bool {
	for _, c := range codes {
		if c == code {
			return true
		}
	}
	return false
}

// RowList returns the code list whose codes are the rows of the
// indicator's breakdown when the edition gives them (a vocabulary, the
// districts or the zones), and whether it has one: a breakdown by a
// catalogue enum, by classes of a number, by parts or by two fields has
// rows the catalogue fixes.
func (ind *Indicator) RowList(cat *Catalogue) (string, bool) {
	if ind.By == "" || ind.Across != "" || len(ind.Parts) > 0 {
		return "", false
	}
	source := ind.Source
	if ind.Measure == MeasureDistinct {
		source = SourceOrganisations
	}
	fd, ok := Schema[source][ind.By]
	if !ok || (fd.Kind != KindCode && fd.Kind != KindCodes) || fd.Domain == "" {
		return "", false
	}
	if cat != nil {
		if _, isEnum := cat.Enums[fd.Domain]; isEnum {
			return "", false
		}
	}
	if isCatalogueEnum(fd.Domain) {
		return "", false
	}
	return fd.Domain, true
}

// isCatalogueEnum reports whether a domain is one of the catalogue's fixed
// code lists rather than the edition's.
func isCatalogueEnum(domain string) bool { return domain == "scope" || domain == "role_count" }

// NamesCode reports whether a condition of one of the indicators names the
// code in the code list list.
func NamesCode(inds []*Indicator, list, code string) bool {
	for _, ind := range inds {
		schema := Schema[ind.Source]
		for _, c := range append(ind.Filter[:len(ind.Filter):len(ind.Filter)], ind.Where...) {
			if c.Equals == code && schema[c.Field].Domain == list {
				return true
			}
		}
	}
	return false
}
