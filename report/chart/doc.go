// Package chart lays out the report's charts and draws them through
// go-chart's Renderer interface, so that one layout serves every medium:
// the PDF and the slides (report/pdf's fpdf adapter) and the web edition
// (the SVG renderer of this package).
//
// A chart is laid out once, apart from drawing: [Lay] measures the text of
// [Data] with the metrics of the embedded Liberation Sans (the font the PDF
// embeds and the SVG names first) and decides every size and position,
// which labels fit, which are wrapped, shortened with "…", set smaller or
// turned. The [Layout] says so ([Layout.Fits], [Layout.Shortened]), which
// is how the deck decides whether a chart fits a slide, and draws exactly
// what it measured ([Layout.Draw]). Nothing here knows fpdf.
//
// Layouts are in typographic points from the chart's top left corner, y
// down. go-chart's Renderer takes integer coordinates, so Draw hands a
// renderer points times [Units] (a twentieth of a point: rounding is
// invisible), and its stroke widths and radii in the same units; font
// sizes stay in points. Bold and italic text and round line joins, which
// the interface lacks, go through the optional interfaces [FontStyler] and
// [LineJoiner].
//
// Every text's box (ascent to descent) lies inside the chart's rectangle,
// and every text reads at 4.5:1 (WCAG 2.1 AA) on what it stands on: the
// secondary grey and a value in its series' colour are darkened to it
// ([Darken], [Contrast]: the one place the formula lives). A style may ask
// for the marks that carry data to reach 3:1 too ([Style].MinFillContrast)
// and for a floor under shrinking labels ([Style].MinFontSize), as the web
// edition does, with labels on up to three lines ([Style].LabelLines; the
// PDF's fixed page keeps two); [ScreenHeight] is a chart's height for a
// screen, grown until those labels fit.
//
// [SVG] returns a chart as an inline <svg> element for HTML, every text
// fixed to its measured width (textLength), so that a reader's substitute
// font keeps the layout's room.
//
// Numbers print with the language's separators and the minus sign "−"
// (ticks and labels alike); signed bars with a shared span ([Data].Span, a
// comparison's changes) get a symmetric axis ending at the round number
// just past the span and the data.
package chart
