// Package pdf draws the content model of package document onto fpdf pages:
// [Report] lays out an A4 report (cover, linked contents, running header and
// footer, numbered figures and tables, bookmarks) in two passes, so that the
// contents know every heading's page; [Slides] draws a 16:9 deck.
//
// Charts are drawn as vector paths and real text in the document's own
// embedded font, never as images: [DrawChart] lays out a chart from plain
// data ([ChartData]) inside a rectangle of the page, and [Renderer] implements
// go-chart's chart.Renderer on an fpdf page for anything drawn with go-chart.
// This is the only package that imports fpdf and go-chart.
package pdf
