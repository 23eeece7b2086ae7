package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"rendiconto/report/document"
)

// The slide page: 16:9, 13.333 × 7.5 in, the widescreen page of presentation
// software, so that a deck shown or printed anywhere keeps its proportions.
const (
	slideW, slideH = 338.667, 190.5 // mm
	slideMargin    = 20.0           // left and right, mm
	mmPerPt        = 25.4 / 72
)

// Readable sizes, in PDF points on the 190.5 mm (7.5 in, 540 pt) high page.
//
// The rule of thumb for a hall is 18 pt on a slide of presentation
// software, whose page is 7.5 in high like this one: 18/540 = 1/30 of the
// slide's height, 6.35 mm here, 36 px on a 1080-pixel-high screen. That is
// the least size of everything the audience must read: slide text, the
// labels of big numbers, chart labels. Read literally as 18 pixels of 1080,
// the floor would be half that: 18/1080 × 190.5 mm = 3.175 mm = 9.0 pt; the
// furniture nobody needs to read from the back of the hall (footer, slide
// number, a chart's source) stays well above it, at 12 pt.
const (
	MinSlideText  = 18.0 // the least size of text meant to be read
	furnitureSize = 12.0 // footer, slide number, chart source
	minTitleSize  = 26.0 // a slide title shrinks no further
	chartSizeGap  = 2.0  // chart labels start this much above the minimum
)

// SlideTheme is the look of a deck. Zero fields take DefaultSlideTheme's
// values, except Footer, Numbers and Logo, which are off when zero.
type SlideTheme struct {
	Accent     string  // titles, big numbers, title and section pages: "#rrggbb"
	Background string  // the background of content slides
	Text       string  // body text
	FontSize   float64 // body text, points; shrinks down to MinSlideText to fit
	Footer     string  // the foot of every content slide; empty: none
	Numbers    bool    // slide numbers at the foot
	Logo       []byte  // a PNG or JPEG image, or nil
	LogoType   string  // "png" or "jpg"
	Author     string  // signs the PDF; empty: the deck's organisation
	Charts     Style   // palette; font family and size are the deck's
}

// DefaultSlideTheme returns the deck's look: the report's blue, dark text on
// white, 24-point body text, slide numbers on.
func DefaultSlideTheme() SlideTheme {
	return SlideTheme{Accent: "#1f5f8b", Background: "#ffffff", Text: "#222222", FontSize: 24, Numbers: true}
}

// SlideError is a slide that cannot be drawn as written, most often because
// its text does not fit even at the smallest readable size; with Warning
// set, it is a slide drawn with some of its text shortened.
type SlideError struct {
	File    string // the template the slide comes from
	N       int    // the slide's number, from 1; 0 for the whole deck (the footer)
	Title   string
	Msg     string
	Warning bool
}

// maxTitleInMessage is the most characters of a slide's title a message
// quotes.
const maxTitleInMessage = 60

func (e *SlideError) Error() string {
	msg := e.Msg
	if e.Warning {
		msg = "warning: " + msg
	}
	s := msg
	if e.N > 0 {
		title := "(untitled)"
		if e.Title != "" {
			title = "«" + shortTitle(e.Title, maxTitleInMessage) + "»"
		}
		s = fmt.Sprintf("slide %d %s: %s", e.N, title, msg)
	}
	if e.File != "" {
		s = e.File + ": " + s
	}
	return s
}

// shortTitle returns s cut to at most n characters, the last a "…".
func shortTitle(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ,.-–") + "…"
}

// SlideErrors are the errors of every slide of a deck, one a line.
type SlideErrors []*SlideError

func (l SlideErrors) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// palette is a theme's colours, parsed.
type palette struct {
	accent, bg, ink, muted, tint, onAccent, onAccentMuted [3]int
}

func rgb(c drawing.Color) [3]int { return [3]int{int(c.R), int(c.G), int(c.B)} }

func (th SlideTheme) palette() (palette, error) {
	var p palette
	parse := func(name, hex string) (drawing.Color, error) {
		c, err := ParseColor(hex)
		if err != nil {
			return c, fmt.Errorf("slides %s colour: %w", name, err)
		}
		return c, nil
	}
	accent, err := parse("accent", th.Accent)
	if err != nil {
		return p, err
	}
	bg, err := parse("background", th.Background)
	if err != nil {
		return p, err
	}
	ink, err := parse("text", th.Text)
	if err != nil {
		return p, err
	}
	p.accent, p.bg, p.ink = rgb(accent), rgb(bg), rgb(ink)
	p.muted = rgb(mix(ink, bg, 0.4))
	p.tint = rgb(mix(accent, bg, 0.9))
	p.onAccent = [3]int{255, 255, 255}
	p.onAccentMuted = rgb(mix(accent, white, 0.6))
	return p, nil
}

func (th SlideTheme) withDefaults() SlideTheme {
	def := DefaultSlideTheme()
	if th.Accent == "" {
		th.Accent = def.Accent
	}
	if th.Background == "" {
		th.Background = def.Background
	}
	if th.Text == "" {
		th.Text = def.Text
	}
	if th.FontSize == 0 {
		th.FontSize = def.FontSize
	}
	return th
}

// deck draws slides on 16:9 pages with the report's text engine.
type deck struct {
	*layout
	d        *document.Deck
	th       SlideTheme
	p        palette
	logoW    float64 // the logo's width at logoH, mm; 0 without a logo
	n        int     // the slide being drawn, from 1
	cur      document.Slide
	sect     int // section dividers so far
	warnings []string
	// footer is the theme's footer shortened to one line, once for all
	// slides, when the first is drawn; footerCut tells whether it was.
	footer    string
	footerSet bool
	footerCut bool
}

const logoH = 11.0 // mm, on content slides

// footerW is the width of the footer, which leaves room for the number.
const footerW = slideW - 2*slideMargin - 20

// warn notes that the slide being drawn had text shortened.
func (dk *deck) warn(msg string) {
	dk.warnings = append(dk.warnings, msg)
}

// Slides draws the deck as a 16:9 PDF, one page a slide, with the theme's
// colours, footer, slide numbers and logo. It is SlidesWarn without the
// warnings.
func Slides(d *document.Deck, th SlideTheme) ([]byte, error) {
	out, _, err := SlidesWarn(d, th)
	return out, err
}

// SlidesWarn draws the deck as a 16:9 PDF, one page a slide, with the
// theme's colours, footer, slide numbers and logo.
//
// Text is set as large as fits, down to MinSlideText points (a title down to
// 26 points). What still does not fit is treated by the kind of place it
// has, since data (names, labels, titles of up to 300 characters, any number
// of codes) reach the slides through the templates and cannot be told from
// the template's own words at this point:
//
//   - Short places are shortened with "…" and named in the returned
//     warnings: a slide's title (two lines; three on the title, section and
//     closing slides), big numbers and their labels, the subtitle and credits
//     of the title slide, a chart's labels and note, and the footer (always
//     one line). A chart with more categories than a slide shows readably
//     keeps its largest ones, in their order, and adds the rest up in one
//     last "Altri (N)" ("Others (N)") category, said in its note; values
//     that are not counts or shares (means, rates) are not added up: the
//     rest is left out and the note says how many.
//   - Running text (paragraphs, lists, quotations, the agenda, text beside
//     a chart) is the template's: it is not cut, and a slide where it does
//     not fit is an error naming the slide, in the returned SlideErrors.
//
// The bytes depend only on the deck and the theme: the dates are the
// edition's.
func SlidesWarn(d *document.Deck, th SlideTheme) (out []byte, warnings []*SlideError, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, warnings, err = nil, nil, internalError(p)
		}
	}()
	orig := d
	d = printableDeck(d)
	th = th.withDefaults()
	th.Footer = printable(th.Footer)
	if th.FontSize < MinSlideText {
		return nil, nil, fmt.Errorf("slides font size %g pt is below the readable minimum of %g pt", th.FontSize, MinSlideText)
	}
	p, err := th.palette()
	if err != nil {
		return nil, nil, err
	}
	f := newPDF(fpdf.SizeType{Wd: slideW, Ht: slideH}, orig.Front, th.Author)
	f.SetMargins(0, 0, 0)
	f.SetAutoPageBreak(false, 0)

	dk := &deck{layout: &layout{f: f, curStyle: "?", widths: map[measured]float64{}}, d: d, th: th, p: p}
	if len(th.Logo) > 0 {
		info := f.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: th.LogoType}, bytes.NewReader(th.Logo))
		if err := f.Error(); err != nil {
			return nil, nil, fmt.Errorf("slides logo: %w", err)
		}
		if info.Height() > 0 {
			dk.logoW = logoH * info.Width() / info.Height()
		}
	}
	var errs SlideErrors
	for i, s := range d.Slides {
		dk.n, dk.cur, dk.warnings = i+1, s, nil
		title := metaText(orig.Slides[i].Title)
		if err := dk.slide(s); err != nil {
			errs = append(errs, &SlideError{File: s.File, N: i + 1, Title: title, Msg: err.Error()})
		}
		if orig.Internal != "" {
			internalBand(f, orig.Internal, slideW)
			dk.curStyle = "?"
		}
		for _, w := range dk.warnings {
			warnings = append(warnings, &SlideError{File: s.File, N: i + 1, Title: title, Msg: w, Warning: true})
		}
	}
	if dk.footerCut {
		warnings = append([]*SlideError{{Warning: true, Msg: fmt.Sprintf("the footer (%d characters) is longer than a line: it is shortened with «…»",
			utf8.RuneCountInString(th.Footer))}}, warnings...)
	}
	if len(errs) > 0 {
		return nil, warnings, errs
	}
	if err := f.Error(); err != nil {
		return nil, warnings, fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, warnings, err
	}
	return buf.Bytes(), warnings, nil
}

// slide draws one slide on a page of its own.
func (dk *deck) slide(s document.Slide) error {
	dk.f.AddPage()
	dk.f.Bookmark(cmpOr(s.Title, "("+strconv.Itoa(dk.n)+")"), 0, 0)
	switch s.Layout {
	case document.LayoutTitle:
		return dk.titleSlide(s)
	case document.LayoutSection:
		return dk.section(s)
	case document.LayoutClosing:
		return dk.closing(s)
	}
	dk.background(dk.p.bg)
	dk.furniture(dk.p.muted, true)
	top, err := dk.heading(s.Title)
	if err != nil {
		return err
	}
	switch s.Layout {
	case document.LayoutAgenda:
		return dk.agenda(s, top)
	case document.LayoutNumbers:
		return dk.numbers(s, top)
	case document.LayoutChart:
		return dk.chartSlide(s, top)
	case document.LayoutColumns:
		return dk.columns(s, top)
	case document.LayoutQuote:
		return dk.quoteSlide(s, top)
	case document.LayoutBullets:
		return dk.bullets(s.Blocks, top)
	}
	return fmt.Errorf("unknown layout %q", s.Layout)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (dk *deck) background(c [3]int) {
	if c == [3]int{255, 255, 255} {
		return
	}
	dk.fill(c)
	dk.f.Rect(0, 0, slideW, slideH, "F")
}

// furniture draws the footer, the slide number and, when logo is set, the
// logo at the top right.
func (dk *deck) furniture(col [3]int, logo bool) {
	f := dk.f
	base := slideH - 8
	dk.color(col)
	x := slideMargin + dk.sampleMark(base, dk.th.Footer != "")
	if dk.th.Footer != "" {
		dk.font("", furnitureSize)
		if !dk.footerSet {
			dk.footer = dk.fit(dk.th.Footer, "", furnitureSize, footerW-(x-slideMargin))
			dk.footerSet, dk.footerCut = true, dk.footer != dk.th.Footer
		}
		f.Text(x, base, dk.footer)
	}
	if dk.th.Numbers {
		n := strconv.Itoa(dk.n)
		dk.font("", furnitureSize)
		f.Text(slideW-slideMargin-dk.width(n, "", furnitureSize), base, n)
	}
	if logo && dk.logoW > 0 {
		f.ImageOptions("logo", slideW-slideMargin-dk.logoW, 9, dk.logoW, logoH, false, fpdf.ImageOptions{}, 0, "")
	}
}
