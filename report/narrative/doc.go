// Package narrative turns templates into the content model of package
// document: the report (Build), the conference deck (BuildDeck) and the
// comparison of two editions (Comparison), each in the language it is
// given: the results are the same for every language. The program's own
// phrases come from package words.
//
// A template is Go text/template over Markdown, executed on the editions'
// results with strict functions (an unknown indicator, field or function is
// an error at the template's file:line:col), then parsed with goldmark into
// blocks.
//
// What an action prints is text, not Markdown: every action that prints
// ends in the function _text, added when the template is parsed (as
// html/template adds its escapers), which escapes the value so that it
// reads back as written. Values stay as they are inside the template, for
// comparisons such as {{if eq .Key "x"}}. Charts and tables asked for by
// template functions are kept aside and stand in the Markdown as HTML blocks
// <rendiconto-block n="N">, which escaped text cannot form, replaced by
// their blocks once the Markdown is parsed. A deck's Markdown is cut into
// slides at its thematic breaks.
//
// A report's templates run on all cores, each with its own state (the
// changes from the previous edition they share are locked); their blocks
// are joined in file name order, so the document is the one a run of one
// template after another gives.
//
// Templates run under a time limit, an output limit and the caller's
// context (see Limits); a template that ranges over a literal number past a
// million is refused when it is parsed.
package narrative
