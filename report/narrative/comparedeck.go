package narrative

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/words"
)

// maxDeckSlides is the most slides the deck adds the breakdowns that
// moved up to.
const maxDeckSlides = 10

// maxDeckRows is the most items a slide of a breakdown that moved shows:
// those that moved most.
const maxDeckRows = 5

// PlainestDeck is the simplest level of ComparisonDeck: one item a slide.
const PlainestDeck = 2

// maxSlideText is about the most characters of items a bullets slide of
// the deck holds: what the body's type sets on a slide without shrinking
// much.
const maxSlideText = 650

// maxListSentences is how many changes of one code list the deck says in
// words (naming at most twice as many codes); a list with more is counted.
const maxListSentences = 3

// maxChartBars is how many increases, and how many decreases, the chart of
// the largest changes shows: with more, the slide has no room for a long
// indicator title on two lines, and it is cut with «…».
const maxChartBars = 3

// ComparisonDeck is the comparison as slides, from the same content as the
// report's first parts: a title; the increases and the decreases; a chart
// of the largest changes; with three editions or more the trends as
// sparkline tables; as many of the breakdowns that moved most as there is
// room for, up to ten slides; what is new; what cannot be compared; the code lists
// changed; a closing slide. Six to ten slides.
//
// plain, from 0, asks for simpler slides, for a deck that did not fit:
// at 1 no charts and at most two items a slide, at 2 one item a slide.
// Every level says the same things in words.
func ComparisonDeck(c *report.Comparison, history []*report.Results, plain int, lang string) *document.Deck {
	doc := Comparison(c, history, lang) // its front matter, and the trends
	st := newStory(c, betweenOf(c, history), lang)
	st.brief = true // many codes or indicators counted, not named
	w, dw, lang := st.w, &words.For(st.lang).Deck, st.lang
	fy, ty := c.From.Edition.Year, c.To.Edition.Year
	deck := &document.Deck{Front: doc.Front}
	add := func(s document.Slide) { deck.Slides = append(deck.Slides, s) }

	// the title slide: the subtitle, then the credits
	var title []document.Block
	if doc.Subtitle != "" {
		title = append(title, para(doc.Subtitle))
	}
	if doc.Organisation != "" {
		title = append(title, para(doc.Organisation))
	}
	where := doc.City
	if doc.DateText != "" {
		where += ", " + doc.DateText
	}
	title = append(title, para(where))
	add(document.Slide{Layout: document.LayoutTitle, Title: doc.Title, Blocks: title})

	per := 6
	switch {
	case plain == 1:
		per = 2
	case plain >= 2:
		per = 1
	}
	// bullets adds a list as slides of at most per items, or none as its
	// sentence
	bullets := func(head string, items []string, none string) {
		if len(items) == 0 {
			add(document.Slide{Layout: document.LayoutBullets, Title: head, Blocks: []document.Block{para(none)}})
			return
		}
		for i := 0; i < len(items); {
			// as many items as the level allows, within a slide's text
			n, size := 0, 0
			for i+n < len(items) && n < per && (n == 0 || size+utf8.RuneCountInString(items[i+n]) <= maxSlideText) {
				size += utf8.RuneCountInString(items[i+n])
				n++
			}
			t := head
			if i > 0 {
				t += " " + dw.More
			}
			add(document.Slide{Layout: document.LayoutBullets, Title: t, Blocks: []document.Block{list(items[i : i+n])}})
			i += n
		}
	}

	all := comparableChanges(c, lang)
	up, down := mainChanges(all)
	sentences := func(ms []mainChange) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.sentence(lang))
		}
		return out
	}
	bullets(w.Up, sentences(up), w.NoUp)
	bullets(w.Down, sentences(down), w.NoDown)

	at := -1 // where the breakdowns that moved go, when there is room
	if plain == 0 {
		// the largest changes, both ways, on one scale
		// at most maxChartBars each way: twelve bars leave a label one
		// line of a slide, and an indicator's title is cut on it; six
		// leave two lines, and the bullets before name every change
		ms := append(append([]mainChange(nil), up[:min(len(up), maxChartBars)]...), down[:min(len(down), maxChartBars)]...)
		if len(ms) > 0 {
			ch := &document.Chart{Kind: document.ChartHBar, Percent: true, Signed: true,
				Caption: dw.Biggest, Note: fmt.Sprintf(dw.BiggestNote, maxChartBars, fy, ty, fy)}
			vals := make([]float64, 0, len(ms))
			span := 0.0
			for _, m := range ms {
				ch.Labels = append(ch.Labels, m.ch.Indicator.Title.In(lang))
				vals = append(vals, m.pct/100)
				span = math.Max(span, math.Abs(m.pct/100))
			}
			ch.Span = span
			ch.Series = []document.Series{{Name: "%", Values: vals}}
			add(document.Slide{Layout: document.LayoutChart, Title: dw.Biggest, Blocks: []document.Block{ch}})
		}
		// the trends, one slide a sparkline table
		for _, b := range doc.Blocks {
			if ch, ok := b.(*document.Chart); ok && ch.Kind == document.ChartSpark {
				add(document.Slide{Layout: document.LayoutChart, Title: ch.Caption, Blocks: []document.Block{ch}})
			}
		}
	}

	if plain == 0 {
		at = len(deck.Slides)
	}

	// what is new and what cannot be compared: the report's own sentences
	blocks := st.mainBlocks()
	section := func(head string) (items []string, none string) {
		for i, b := range blocks {
			if h, ok := b.(*document.Heading); !ok || h.Text != head || i+1 >= len(blocks) {
				continue
			}
			switch next := blocks[i+1].(type) {
			case *document.List:
				for _, it := range next.Items {
					items = append(items, it.Plain())
				}
			case *document.Paragraph:
				none = next.Plain()
			}
		}
		return items, none
	}
	// a section with nothing to say is one sentence: alone, it is a slide
	// all but empty; two or more go together on one slide, after the rest
	type quiet struct{ head, none string }
	var quiets []quiet
	say := func(head string, items []string, none string) {
		if len(items) == 0 {
			quiets = append(quiets, quiet{head, none})
			return
		}
		bullets(head, items, none)
	}
	items, none := section(fmt.Sprintf(w.Appeared, ty))
	say(fmt.Sprintf(w.Appeared, ty), items, none)
	items, none = section(w.NotComp)
	say(w.NotComp, items, none)

	// the code lists changed: a few changes in words, many counted
	items = nil
	for _, l := range st.lists {
		name := st.listName(l.Domain)
		named := 0
		for _, cc := range l.Changes {
			named += len(cc.Codes) + len(cc.Was)
		}
		if len(l.Changes) > maxListSentences || named > 2*maxListSentences {
			items = append(items, fmt.Sprintf(dw.ListMany, name, strconv.Itoa(len(l.Changes))))
			continue
		}
		items = append(items, fmt.Sprintf(dw.ListSome, fmt.Sprintf(w.List, name), joinSentences(st.codeSentences(l.Changes))))
	}
	say(w.Lists, items, fmt.Sprintf(w.NoLists, fy, ty))
	switch len(quiets) {
	case 0:
	case 1:
		bullets(quiets[0].head, nil, quiets[0].none)
	default:
		var nones []string
		for _, q := range quiets {
			nones = append(nones, q.none)
		}
		add(document.Slide{Layout: document.LayoutBullets, Title: dw.Quiet, Blocks: []document.Block{list(nones)}})
	}

	// the breakdowns that moved most, as many as the deck has room for
	if at >= 0 {
		var moved []document.Slide
		for _, b := range st.whereBlocks(maxDeckRows) {
			if ch, ok := b.(*document.Chart); ok && len(moved) < maxDeckSlides-1-len(deck.Slides) {
				moved = append(moved, document.Slide{Layout: document.LayoutChart, Title: ch.Caption, Blocks: []document.Block{ch}})
			}
		}
		deck.Slides = slices.Insert(deck.Slides, at, moved...)
	}

	closing := []document.Block{}
	if doc.Organisation != "" {
		closing = append(closing, para(doc.Organisation))
	}
	add(document.Slide{Layout: document.LayoutClosing, Title: dw.Thanks, Blocks: closing})
	for i := range deck.Slides {
		deck.Slides[i].File = "compare"
	}
	return deck
}

// joinSentences joins sentences with a space.
func joinSentences(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}

// betweenOf are the editions of history after the comparison's earlier
// one and before its later one.
func betweenOf(c *report.Comparison, history []*report.Results) []*report.Edition {
	var out []*report.Edition
	for _, h := range history {
		if y := h.Edition.Year; y > c.From.Edition.Year && y < c.To.Edition.Year {
			out = append(out, h.Edition)
		}
	}
	return out
}
