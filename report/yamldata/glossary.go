package yamldata

import "rendiconto/report"

// ParseGlossary reads a glossary file (glossary.yaml of a templates folder):
//
//	terms:
//	  - term: SST
//	    definition: Servizio sociale territoriale, …
//	    if_used: true   # optional: only when one of the edition's labels names it
//
// Every problem is returned at once, as a report.ErrorList with positions
// in name. Terms keep the file's order; a term written twice is an error.
func ParseGlossary(name string, data []byte) ([]report.Term, error) {
	var errs report.ErrorList
	d := &decoder{file: name, errs: &errs}
	root := d.parse(data, false)
	if root == nil {
		return nil, errs
	}
	f := d.fields(root, "glossary", "terms!")
	if f == nil {
		return nil, errs
	}
	seen := newIDs("term")
	var terms []report.Term
	for i, tn := range d.list(f["terms"], "terms") {
		tf := d.fields(tn, record("term", tn, i), "term!", "definition!", "if_used")
		if tf == nil {
			continue
		}
		t := report.Term{Term: d.name(tf["term"], "term"), Definition: d.note(tf["definition"], "definition")}
		if tf["if_used"] != nil {
			t.IfUsed = d.boolean(tf["if_used"], "if_used", false)
		}
		if tf["term"] != nil {
			seen.add(d, tf["term"], t.Term)
		}
		if t.Term != "" && t.Definition != "" {
			terms = append(terms, t)
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return terms, nil
}
