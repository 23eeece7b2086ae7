package report

import "strings"

// The reasons Result.Reason gives, when the value is n.d. and no file is
// missing; Cause sorts them.
const (
	ReasonNoRecords       = "no records"
	ReasonZeroDenominator = "zero denominator"
	reasonNoFigure        = " has no figure of " // after the file's name
	reasonDependsSuffix   = " is n.d."           // after an indicator's id
)

// Cause is why a result is n.d., as the method part groups them.
type Cause int

const (
	CauseKnown           Cause = iota // not n.d.
	CauseFileMissing                  // a file the value needs is not in the edition (Result.Missing)
	CauseCodeListMissing              // a code list the value is broken down by is not in the edition
	CauseCodeMissing                  // a code the definition names is not in the edition's list (Result.Code)
	CauseNoFigure                     // the aggregate file gives no such figure
	CauseNoRecords                    // no records to take a mean or a share of
	CauseZeroDenominator              // a ratio's denominator is zero
	CauseDepends                      // computed from another indicator that is n.d.
	CauseWithheld                     // withheld to protect people (Withhold): a small count
	CauseOther                        // not a finite number, or a circular definition
)

// Cause says why the result is n.d., with what it names: the missing
// files, the missing code lists, the file lacking a figure, or the
// indicator it depends on.
func (r *Result) Cause(ed *Edition) (Cause, []string) {
	switch {
	case r.Value.Known:
		return CauseKnown, nil
	case r.Withheld:
		return CauseWithheld, nil
	case len(r.Missing) > 0:
		return CauseFileMissing, r.Missing
	case r.Code != nil:
		return CauseCodeMissing, []string{r.Code.List}
	case r.Reason == ReasonNoRecords:
		return CauseNoRecords, nil
	case r.Reason == ReasonZeroDenominator:
		return CauseZeroDenominator, nil
	case strings.HasSuffix(r.Reason, reasonDependsSuffix):
		return CauseDepends, []string{strings.TrimSuffix(r.Reason, reasonDependsSuffix)}
	case strings.Contains(r.Reason, reasonNoFigure):
		if lists := missingLists(ed, r.Indicator); len(lists) > 0 {
			return CauseCodeListMissing, lists
		}
		file, _, _ := strings.Cut(r.Reason, reasonNoFigure)
		return CauseNoFigure, []string{file}
	}
	return CauseOther, nil
}

// missingLists are the code lists an aggregate indicator reads (its
// breakdown and its conditions) that the edition lacks: the aggregate file
// cannot give a figure by a list the edition does not have.
func missingLists(ed *Edition, ind *Indicator) []string {
	var lists []string
	schema := Schema[ind.Source]
	for _, f := range append(ind.fields(), ind.Across) {
		fd, ok := schema[f]
		if !ok || (fd.Kind != KindCode && fd.Kind != KindCodes) || fd.Domain == "" {
			continue
		}
		if _, has := editionCodes(ed, fd.Domain); !has && !containsCode(lists, fd.Domain) {
			lists = append(lists, fd.Domain)
		}
	}
	return lists
}
