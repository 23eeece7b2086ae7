package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

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
// its text does not fit even at the smallest readable size.
type SlideError struct {
	File  string // the template the slide comes from
	N     int    // the slide's number, from 1
	Title string
	Msg   string
}

func (e *SlideError) Error() string {
	title := "(untitled)"
	if e.Title != "" {
		title = "«" + e.Title + "»"
	}
	s := fmt.Sprintf("slide %d %s: %s", e.N, title, e.Msg)
	if e.File != "" {
		s = e.File + ": " + s
	}
	return s
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
	d     *document.Deck
	th    SlideTheme
	p     palette
	logoW float64 // the logo's width at logoH, mm; 0 without a logo
	n     int     // the slide being drawn, from 1
	cur   document.Slide
	sect  int // section dividers so far
}

const logoH = 11.0 // mm, on content slides

// Slides draws the deck as a 16:9 PDF, one page a slide, with the theme's
// colours, footer, slide numbers and logo. A slide whose text does not fit
// even at MinSlideText points is not cut or squeezed: every such slide is
// named in the returned SlideErrors. The bytes depend only on the deck and
// the theme: the dates are the edition's.
func Slides(d *document.Deck, th SlideTheme) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, internalError(p)
		}
	}()
	orig := d
	d = printableDeck(d)
	th = th.withDefaults()
	th.Footer = printable(th.Footer)
	if th.FontSize < MinSlideText {
		return nil, fmt.Errorf("slides font size %g pt is below the readable minimum of %g pt", th.FontSize, MinSlideText)
	}
	p, err := th.palette()
	if err != nil {
		return nil, err
	}
	f := newPDF(fpdf.SizeType{Wd: slideW, Ht: slideH}, orig.Front, th.Author)
	f.SetMargins(0, 0, 0)
	f.SetAutoPageBreak(false, 0)

	dk := &deck{layout: &layout{f: f, curStyle: "?", widths: map[measured]float64{}}, d: d, th: th, p: p}
	if len(th.Logo) > 0 {
		info := f.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: th.LogoType}, bytes.NewReader(th.Logo))
		if err := f.Error(); err != nil {
			return nil, fmt.Errorf("slides logo: %w", err)
		}
		if info.Height() > 0 {
			dk.logoW = logoH * info.Width() / info.Height()
		}
	}
	var errs SlideErrors
	for i, s := range d.Slides {
		dk.n, dk.cur = i+1, s
		if err := dk.slide(s); err != nil {
			errs = append(errs, &SlideError{File: s.File, N: i + 1, Title: metaText(orig.Slides[i].Title), Msg: err.Error()})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
	if dk.th.Footer != "" {
		dk.font("", furnitureSize)
		f.Text(slideMargin, base, dk.fit(dk.th.Footer, "", furnitureSize, slideW-2*slideMargin-20))
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
