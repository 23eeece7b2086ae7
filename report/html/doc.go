// Package html writes a document (package document) as one self-contained,
// accessible HTML page: the web edition of the report and of the
// comparison, from the same document the PDF is drawn from, so it holds
// the same content and figures.
//
// The page makes no request of any kind: the style sheet is inline, the
// fonts are the system's, the charts are inline SVG given by
// [Options.ChartSVG], and it needs no script. It follows WCAG 2.1 AA:
// landmarks, a skip link, a contents navigation, headings in order (h1 the
// title, parts h2, sections h3 and h4, never a level skipped), tables with
// a caption and th scope, every chart a figure with its caption, an
// <svg role="img"> with an accessible name and its data as a real table,
// text contrast of at least 4.5:1 (a configured accent colour too dark or
// too light is darkened until it passes, see [Readable]), readable 390
// pixels wide (a table that may not fit scrolls in a focusable region,
// the others are no keyboard stop), and a print style sheet (A4, charts
// without their data tables).
//
// An internal edition (the document's Internal stamp) says so first in its
// title, on its cover and footer, and at the top of every printed page,
// and asks search engines not to index it.
//
// The same document gives the same bytes: no time stamps, no map order.
//
// Package htmltest checks a page against these rules and reads its tables
// back, for the tests here and in the command.
package html
