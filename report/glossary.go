package report

// Term is an entry of the report's glossary: a word of the domain and what
// it means, in one language (the glossary of each language is a file of
// its own, shipped with the templates).
type Term struct {
	Term, Definition string
	// IfUsed prints the term only when the edition uses it: one of its
	// labels (a code, an office, a breakdown's row) names the term.
	IfUsed bool
}
