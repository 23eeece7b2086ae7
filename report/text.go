package report

// Text is a sentence in the report's two languages. English falls back to
// Italian when it is empty.
type Text struct {
	It, En string
}

// In returns the text in lang ("it" or "en").
func (t Text) In(lang string) string {
	if lang == "en" && t.En != "" {
		return t.En
	}
	return t.It
}
