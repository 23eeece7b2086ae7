// Package words holds the phrases the program writes itself, one table per
// language: headers ("Voce", "Totale"), the n.d. mark, the method's and the
// comparison's sentences, the labels of numeric classes, the PDF's fixed
// texts, the workbooks' headers. Not the templates (the users' own) and not
// the data's labels (the editions' code lists).
//
// A table is a Words value: a field per phrase, so that a phrase missing in
// one language is caught by the tests (every field set in every language,
// with the same format verbs). Phrases looked up by a code of the data (the
// headers of the code lists, the goals' statuses) are maps, with the same
// keys in every language. The grammar (plurals, articles, lists) stays with
// the code that builds sentences.
package words
