// Package narrative turns the report's templates into a document: each
// template is Go text/template over Markdown, executed on an edition's
// results with strict functions (an unknown indicator, field or function is
// an error at the template's file:line:col), then parsed with goldmark into
// the blocks of package document.
//
// Charts and tables asked for by template functions are kept aside and
// stand in the Markdown as placeholder paragraphs, replaced by their blocks
// once the Markdown is parsed.
package narrative
