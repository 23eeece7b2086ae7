// Package htmltest checks a page of package html for the rules of an
// accessible, self-contained page (one h1, headings in order, captions,
// header cells, unique ids, no external request…), and reads its tables
// back, for the tests of package html and of the command.
package htmltest
