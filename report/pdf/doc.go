// Package pdf draws the content model of package document onto fpdf pages:
// [Report] lays out an A4 report (cover, linked contents, running header and
// footer, numbered figures and tables, bookmarks) in two passes, so that the
// contents know every heading's page; [Slides] draws a 16:9 deck.
//
// Text from the data (names, labels, titles) reaches both through the
// templates and cannot be told from the templates' own words here, so the
// slides decide by the place a text has: short places (titles, the labels
// of big numbers, chart labels and notes, the title slide's credits, the
// footer) are shortened with "…", and a chart with too many categories
// keeps its largest and adds up the rest, with warnings ([SlidesWarn]);
// running text too long for its slide (paragraphs, lists, quotations) is
// an error naming the slide.
//
// Charts are drawn as vector paths and real text in the document's own
// embedded font, never as images: package chart lays them out and
// [DrawChart] draws one in a rectangle of the page through [Renderer],
// which implements go-chart's chart.Renderer on an fpdf page. The deck
// asks the chart's layout whether its labels fit a slide
// (chart.Layout.Fits). [Report] lays the document's charts out on a
// goroutine of their own while the text before them is laid out (a chart's
// layout depends only on the chart, its size and the style), and draws each
// when the flow reaches it. This is the only package that imports fpdf.
package pdf
