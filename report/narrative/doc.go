// Package narrative turns templates into the content model of package
// document: the report (Build), the conference deck (BuildDeck) and the
// comparison of two editions (Comparison).
//
// A template is Go text/template over Markdown, executed on the editions'
// results with strict functions (an unknown indicator, field or function is
// an error at the template's file:line:col), then parsed with goldmark into
// blocks. Charts and tables asked for by template functions are kept aside
// and stand in the Markdown as placeholder paragraphs, replaced by their
// blocks once the Markdown is parsed. A deck's Markdown is cut into slides
// at its thematic breaks.
package narrative
