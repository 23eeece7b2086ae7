// Package document is the content of a report or a deck, apart from its
// printing: a tree of parts, headings, paragraphs, lists, quotes, tables and
// charts, built by package narrative and drawn by package pdf. It knows
// nothing of pages or fonts, so the report and the slides draw the same
// content.
package document
