package document

import (
	"strings"
	"time"
)

// Front is the front matter of a report or a deck: what its cover and its
// metadata say.
type Front struct {
	Lang         string // "it" or "en"
	Title        string
	Subtitle     string
	Organisation string
	Partners     []string
	Year         int
	City         string
	Date         time.Time // the edition's publication date
	DateText     string    // the same, written out
	Keywords     []string
	// Sample, when not empty, is the sentence that tells the reader the
	// data are synthetic ("Dati di esempio: …"): the cover prints it and
	// every page's footer says "Dati di esempio".
	Sample string
	// Internal, when not empty, is the stamp of a version for internal
	// use only ("USO INTERNO — contiene dati non pubblicabili"): every
	// page prints it.
	Internal string
}

// Document is a report: its front matter and its blocks.
type Document struct {
	Front
	Header string // the running header; empty: the title
	Blocks []Block
}

// Block is one element of the document's flow.
type Block interface{ block() }

// Heading opens a part (level 1) or a section (levels 2 and 3).
type Heading struct {
	Level int
	Text  string
}

// Paragraph is a run of styled text.
type Paragraph struct {
	Spans []Span
}

// Span is a piece of text in one style.
type Span struct {
	Text         string
	Bold, Italic bool
}

// List is a bulleted or numbered list; each item is a paragraph.
type List struct {
	Ordered bool
	Items   []Paragraph
}

// Quote is a citation and its source.
type Quote struct {
	Text   []Paragraph
	Source string
}

// Table is a captioned table. The first column is text, the others
// numbers, right-aligned, unless Align says otherwise.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
	// Numeric marks the columns to right-align; nil means all but the first.
	Numeric []bool
	// Widths are relative column widths; nil means even.
	Widths []float64
	// Total marks the last row as a total, set in bold.
	Total bool
	Note  string
}

// Chart is a captioned figure of one or more series over labelled
// categories. In a line or spark chart a value may be NaN: a gap, a
// category with no figure to show (a year whose figure is withheld to
// protect people, or not available).
type Chart struct {
	Caption string
	Kind    string // one of ChartKinds
	Labels  []string
	Series  []Series
	Percent bool // values are fractions printed as percentages
	// Additive says the categories' values add up (counts, sums), so the
	// smallest may be shown summed as one; otherwise (shares, rates,
	// means) they are figures of their own.
	Additive bool
	// Signed marks values that are changes: their labels carry a sign
	// ("+2,1%", "−6,1%"). Span, when positive, is how far the value axis
	// runs at least either side of zero: charts read side by side share
	// a scale, with zero in the middle.
	Signed bool
	Span   float64
	Note   string
}

// Series is one named row of values of a chart.
type Series struct {
	Name   string
	Values []float64
}

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*List) block()      {}
func (*Quote) block()     {}
func (*Table) block()     {}
func (*Chart) block()     {}

// Plain returns the text of the spans without styles.
func (p Paragraph) Plain() string {
	var b strings.Builder
	for _, sp := range p.Spans {
		b.WriteString(sp.Text)
	}
	return b.String()
}
