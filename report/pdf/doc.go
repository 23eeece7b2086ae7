// Package pdf draws the report's document model and charts onto fpdf pages.
//
// Charts are drawn as vector paths and real text in the document's own
// embedded font, never as images: [DrawChart] lays out a chart from plain
// data ([ChartData]) inside a rectangle of the page, and [Renderer] implements
// go-chart's chart.Renderer on an fpdf page for anything drawn with go-chart.
package pdf
