package report

import (
	"slices"
	"sort"
)

// The kinds of a change of a code list between two editions.
const (
	CodeNew     = "new"     // a code the earlier edition did not have
	CodeDropped = "dropped" // an earlier code without a successor
	CodeRenamed = "renamed" // one earlier code under another code or label
	CodeMerged  = "merged"  // several earlier codes in one
	CodeSplit   = "split"   // one earlier code in several
)

// CodeChange is one change of a code list: the later edition's codes
// (none when dropped) and the earlier edition's codes they stand for
// (none when new), each with its label in that edition.
type CodeChange struct {
	Kind  string
	Codes []Entry // in the later edition
	Was   []Entry // in the earlier edition
}

// CodeListChange is what changed in one code list (a vocabulary domain)
// between the editions compared.
type CodeListChange struct {
	Domain  string
	Changes []CodeChange
}

// CodeLists returns, for every code list of the later edition that
// changed since the earlier one, what changed, following the was: entries
// of the editions in between as Compare does; domains in name order,
// changes in the later list's order (dropped codes last, in the earlier
// list's order). A list either edition lacks is left out.
func (cr *Comparer) CodeLists() []CodeListChange {
	var domains []string
	for d := range cr.to.Edition.Vocabularies {
		if cr.from.Edition.Vocabularies[d] != nil {
			domains = append(domains, d)
		}
	}
	sort.Strings(domains)
	var out []CodeListChange
	for _, d := range domains {
		if ch := cr.codeList(d); len(ch) > 0 {
			out = append(out, CodeListChange{Domain: d, Changes: ch})
		}
	}
	return out
}

func (cr *Comparer) codeList(domain string) []CodeChange {
	oldV, newV := cr.from.Edition.Vocabularies[domain], cr.to.Edition.Vocabularies[domain]
	old := map[string]Entry{}
	for _, e := range oldV.Entries {
		if _, ok := old[e.Code]; !ok {
			old[e.Code] = e
		}
	}
	m, ok := cr.was.byDomain[domain]
	if !ok {
		m = wasMap(domain, cr.was.chain, &cr.was.work)
		cr.was.byDomain[domain] = m
	}
	origins := func(e Entry) []string {
		if olds := m[e.Code]; len(olds) > 0 {
			return olds
		}
		if _, ok := old[e.Code]; ok {
			return []string{e.Code}
		}
		return nil
	}
	claimed := map[string][]Entry{}
	for _, e := range newV.Entries {
		for _, o := range origins(e) {
			claimed[o] = append(claimed[o], e)
		}
	}
	entries := func(codes []string) []Entry {
		out := make([]Entry, len(codes))
		for i, c := range codes {
			out[i] = old[c]
		}
		return out
	}
	var out []CodeChange
	splitDone := map[string]bool{}
	for _, e := range newV.Entries {
		olds := origins(e)
		switch {
		case len(olds) == 0:
			out = append(out, CodeChange{Kind: CodeNew, Codes: []Entry{e}})
		case len(olds) == 1 && len(claimed[olds[0]]) > 1:
			if !splitDone[olds[0]] {
				splitDone[olds[0]] = true
				out = append(out, CodeChange{Kind: CodeSplit, Codes: claimed[olds[0]], Was: entries(olds)})
			}
		case len(olds) > 1:
			out = append(out, CodeChange{Kind: CodeMerged, Codes: []Entry{e}, Was: entries(olds)})
		case olds[0] != e.Code || old[olds[0]].Label != e.Label || old[olds[0]].LabelEn != e.LabelEn:
			out = append(out, CodeChange{Kind: CodeRenamed, Codes: []Entry{e}, Was: entries(olds)})
		}
	}
	for _, e := range oldV.Entries {
		if len(claimed[e.Code]) == 0 && !slices.ContainsFunc(out, func(c CodeChange) bool {
			return c.Kind == CodeDropped && c.Was[0].Code == e.Code
		}) {
			out = append(out, CodeChange{Kind: CodeDropped, Was: []Entry{e}})
		}
	}
	return out
}

// ByDomain is the code list (vocabulary domain) the indicator breaks down
// by, "" when it has no breakdown by a field of the schema.
func (ind *Indicator) ByDomain() string {
	source := ind.Source
	if ind.Measure == MeasureDistinct {
		source = SourceOrganisations
	}
	if ind.By == "" {
		return ""
	}
	return Schema[source][ind.By].Domain
}
