package document

// Deck is a slide deck: the front matter of the edition and its slides,
// built from the same templates' functions as the report.
type Deck struct {
	Front
	Slides []Slide
}

// Slide is one page of a deck: its layout (one of Layouts), its title and
// its blocks, and the template it comes from, for messages.
type Slide struct {
	Layout string
	Title  string
	Blocks []Block
	File   string
}

// The layouts of a slide.
const (
	LayoutTitle   = "title"   // the deck's title page: title, subtitle, credits
	LayoutAgenda  = "agenda"  // a title and a numbered list of themes
	LayoutSection = "section" // a divider opening a theme
	LayoutNumbers = "numbers" // "i numeri principali": 3 to 6 big numbers
	LayoutChart   = "chart"   // one chart at full size
	LayoutBullets = "bullets" // a title, lists and paragraphs
	LayoutColumns = "columns" // a chart on the left, text on the right
	LayoutQuote   = "quote"   // a quotation and its source
	LayoutClosing = "closing" // the last word: "Grazie per l'attenzione"
)

// Layouts lists the layouts in a stable order.
var Layouts = []string{
	LayoutTitle, LayoutAgenda, LayoutSection, LayoutNumbers, LayoutChart,
	LayoutBullets, LayoutColumns, LayoutQuote, LayoutClosing,
}

// Numbers is a set of big figures, each with its label, as in "i numeri
// principali" of a conference deck.
type Numbers struct {
	Items []Number
}

// Number is one big figure: its value as printed ("14.844", "17,2%") and
// what it counts.
type Number struct {
	Value string
	Label []Span
}

func (*Numbers) block() {}
