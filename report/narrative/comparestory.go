package narrative

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/format"
)

// storyWords are the words of the first parts of the comparison: the main
// changes, the code lists changed, the changes by area.
var storyWords = map[string]map[string]string{
	"it": {
		"main":      "I cambiamenti principali",
		"mainIntro": "Qui sotto sono elencate le variazioni maggiori dal %d al %d, ordinate per variazione percentuale, tra gli indicatori confrontabili il cui valore nel %d è almeno 10 (per una quota: calcolata su almeno 10 casi), perché su basi più piccole una variazione può essere dovuta al caso. Ogni variazione è calcolata dai valori come sono stampati; un indicatore che ripete il totale di un altro è nominato una volta.",
		"up":        "In aumento", "down": "In calo",
		"noUp": "Nessun indicatore confrontabile è aumentato.", "noDown": "Nessun indicatore confrontabile è diminuito.",
		"fromto":   "%s: da %s a %s (%s, %s).",
		"appeared": "Cosa è nuovo nel %d",
		"newInd":   "Nuovo indicatore: %s.",
		"newCodes": "%s: %s %s.",
		"newCode1": "voce nuova", "newCodeN": "voci nuove",
		"newCodesCount": "%s: %d voci nuove.", "indCount": "%d indicatori",
		"noNew":      "Nessun indicatore e nessuna voce nuova.",
		"notComp":    "Cosa non si può confrontare",
		"missing":    "Non disponibili nel %d (n.d.), per mancanza di %s: %s.",
		"ndBare":     "Non disponibili nel %d (n.d.): %s.",
		"withheld":   "Non pubblicati nel %d (n.p.) per tutelare le persone, quindi non confrontati: %s.",
		"redefined":  "%s: la lista «%s» è cambiata (vedi «%s»); alcune righe non sono confrontabili e il totale non è classificato tra i cambiamenti principali.",
		"newRows":    "%s: la lista «%s» ha voci nuove, senza un valore precedente; il totale non è classificato tra i cambiamenti principali.",
		"allComp":    "Tutti gli indicatori si possono confrontare.",
		"q":          "«%s»",
		"lists":      "Le liste di codici cambiate",
		"listsIntro": "Tra il %d e il %d sono cambiate %s. Una voce che ne sostituisce altre è confrontata con la loro somma; una voce suddivisa, o soppressa, non è confrontata.",
		"list1":      "una lista di codici", "listN": "%d liste di codici",
		"noLists":     "Tra il %d e il %d nessuna lista di codici è cambiata: ogni disaggregazione si confronta voce per voce.",
		"list":        "Lista «%s»",
		codeNewKey:    "La voce %s è nuova.",
		"recoded":     "La voce %s ha un nuovo codice ed è confrontata con la precedente.",
		codeDropKey:   "La voce %s è soppressa, senza una voce che la sostituisca.",
		codeRenKey:    "La voce %s ora si chiama %s.",
		codeMrgKey:    "Le voci %s sono unite in %s.",
		"codesNew":    "Le voci %s sono nuove.",
		"codesDrop":   "Le voci %s sono soppresse, senza una voce che le sostituisca.",
		codeSplKey:    "La voce %s è suddivisa in %s.",
		"affects":     "Indicatori interessati: %s.",
		"affectsNone": "Nessun indicatore del catalogo si disaggrega per questa lista.",
		"byArea":      "Le variazioni per area",
		"byAreaIntro": "Un grafico per area mostra la variazione percentuale di ogni indicatore confrontabile con la regola dei cambiamenti principali (valore nel %d almeno 10), nell’ordine del catalogo; la scala è la stessa in tutti i grafici.",
		"areaChart":   "Variazione %% dal %d al %d – %s",
		"areaNote":    "Variazione calcolata dai valori stampati",
		"appendix":    "Appendice: le tabelle",
		"areaSame":    "Nessun indicatore confrontabile è cambiato in %s.",
	},
	"en": {
		"main":      "The main changes",
		"mainIntro": "Below are the largest changes from %d to %d, ranked by percentage change, among the comparable indicators whose %d value is at least 10 (for a share: computed on at least 10 cases), since on smaller bases a change may be due to chance. Every change is computed from the values as printed; an indicator that repeats another’s total is named once.",
		"up":        "Increases", "down": "Decreases",
		"noUp": "No comparable indicator increased.", "noDown": "No comparable indicator decreased.",
		"fromto":   "%s: from %s to %s (%s, %s).",
		"appeared": "What is new in %d",
		"newInd":   "New indicator: %s.",
		"newCodes": "%s: %s %s.",
		"newCode1": "new item", "newCodeN": "new items",
		"newCodesCount": "%s: %d new items.", "indCount": "%d indicators",
		"noNew":      "No new indicator and no new item.",
		"notComp":    "What cannot be compared",
		"missing":    "Not available in %d (n/a), for lack of %s: %s.",
		"ndBare":     "Not available in %d (n/a): %s.",
		"withheld":   "Not published in %d (n.p.) to protect people, so not compared: %s.",
		"redefined":  "%s: the “%s” list changed (see “%s”); some rows are not comparable and the total is not ranked among the main changes.",
		"newRows":    "%s: the “%s” list has new items, with no earlier value; the total is not ranked among the main changes.",
		"allComp":    "Every indicator can be compared.",
		"q":          "“%s”",
		"lists":      "The code lists that changed",
		"listsIntro": "Between %d and %d, %s changed. An item that replaces others is compared with their sum; an item split, or dropped, is not compared.",
		"list1":      "one code list", "listN": "%d code lists",
		"noLists":     "Between %d and %d no code list changed: every breakdown is compared item by item.",
		"list":        "The “%s” list",
		codeNewKey:    "The item %s is new.",
		"recoded":     "The item %s has a new code and is compared with the earlier one.",
		codeDropKey:   "The item %s is dropped, with no item replacing it.",
		codeRenKey:    "The item %s is now called %s.",
		codeMrgKey:    "The items %s are merged into %s.",
		"codesNew":    "The items %s are new.",
		"codesDrop":   "The items %s are dropped, with no item replacing them.",
		codeSplKey:    "The item %s is split into %s.",
		"affects":     "Indicators affected: %s.",
		"affectsNone": "No indicator of the catalogue breaks down by this list.",
		"byArea":      "Changes by area",
		"byAreaIntro": "One chart per area shows the percentage change of every indicator comparable by the rule of the main changes (its %d value at least 10), in catalogue order; every chart has the same scale.",
		"areaChart":   "Change %% from %d to %d – %s",
		"areaNote":    "Change computed from the values as printed",
		"appendix":    "Appendix: the tables",
		"areaSame":    "No comparable indicator changed in %s.",
	},
}

// The keys of storyWords that say a code-list change.
const (
	codeNewKey  = "code:" + report.CodeNew
	codeDropKey = "code:" + report.CodeDropped
	codeRenKey  = "code:" + report.CodeRenamed
	codeMrgKey  = "code:" + report.CodeMerged
	codeSplKey  = "code:" + report.CodeSplit
)

// areaNames name the catalogue's areas, by the first parts of an id.
var areaNames = map[string]map[string]string{
	"A":   {"it": "A. Personale", "en": "A. Staff"},
	"B.1": {"it": "B.1 Utenti in carico", "en": "B.1 Users in care"},
	"B.2": {"it": "B.2 Accesso agli sportelli", "en": "B.2 Access desks"},
	"B.3": {"it": "B.3 Progetti inclusivi e comunità", "en": "B.3 Inclusive projects and community"},
}

// areaOf is the area of an indicator id: "A" for A.1.1, "B.2" for B.2.3.
func areaOf(id string) string {
	parts := strings.Split(id, ".")
	if parts[0] == "A" || len(parts) < 2 {
		return parts[0]
	}
	return parts[0] + "." + parts[1]
}

// areaName names an area in lang; an area the catalogue does not name is
// its id.
func areaName(area, lang string) string {
	if n, ok := areaNames[area][lang]; ok {
		return n
	}
	return area
}

// minBase is the smallest earlier value (or, for a share, number of cases)
// whose relative change the main changes rank: on smaller bases a change
// moves by chance.
const minBase = 10

// mainChange is a comparable indicator's change as printed.
type mainChange struct {
	ch                *report.Change
	from, to, d, pctS string  // as printed
	pct               float64 // the printed percentage change
}

// comparableChanges are the indicators whose change the main changes rank,
// in catalogue order: known and published in both editions, an earlier
// value (a share: cases) of at least minBase that does not print as zero,
// a code list without codes dropped, split or new (such codes may count
// records the old ones did not),
// each total once (an indicator that prints the same two values in the
// same unit as an earlier one is left out).
func comparableChanges(c *report.Comparison, lang string) []mainChange {
	var out []mainChange
	seen := map[string]bool{}
	for _, ch := range c.Indicators {
		ind := ch.Indicator
		if !ch.From.Known || !ch.To.Known || ch.FromWithheld || ch.ToWithheld || ch.DefinitionChange || hasNewCodes(ch) {
			continue
		}
		share, dec := ind.IsShare(), format.Decimals(ind)
		f := format.Printed(ch.From.Num, dec, share)
		if f == 0 {
			continue
		}
		if share {
			if base, ok := shareBase(c.From, ind.ID); !ok || base < minBase {
				continue
			}
		} else if f < minBase {
			continue
		}
		m := mainChange{ch: ch, from: format.IndValue(ch.From, ind, lang), to: format.IndValue(ch.To, ind, lang),
			d: format.ChangeFrom(ch.From, ch.To, dec, share, lang), pctS: format.ChangePctFrom(ch.From, ch.To, dec, share, lang)}
		key := m.from + "|" + m.to + "|" + ind.Unit.In("it")
		if seen[key] {
			continue
		}
		seen[key] = true
		t := format.Printed(ch.To.Num, dec, share)
		m.pct = roundTo((t-f)/math.Abs(f)*100, 1)
		out = append(out, m)
	}
	return out
}

// maxMainChanges is how many increases, and how many decreases, the main
// changes name.
const maxMainChanges = 6

// mainChanges returns the largest increases and decreases, largest first
// (ties in catalogue order).
func mainChanges(all []mainChange) (up, down []mainChange) {
	for _, m := range all {
		switch {
		case m.pct > 0:
			up = append(up, m)
		case m.pct < 0:
			down = append(down, m)
		}
	}
	byAbs := func(a, b mainChange) int { return cmp.Compare(math.Abs(b.pct), math.Abs(a.pct)) }
	slices.SortStableFunc(up, byAbs)
	slices.SortStableFunc(down, byAbs)
	return up[:min(len(up), maxMainChanges)], down[:min(len(down), maxMainChanges)]
}

// sentence says a change with both figures: "Tavoli permanenti: da 29 a
// 34 (+5, +17,2%)."
func (m mainChange) sentence(lang string) string {
	return fmt.Sprintf(storyWords[lang]["fromto"], m.ch.Indicator.Title.In(lang), m.from, m.to, m.d, m.pctS)
}

// story is the first parts of a comparison: the main changes, the code
// lists changed, the changes by area.
type story struct {
	c     *report.Comparison
	lists []report.CodeListChange
	lang  string
	w     map[string]string
	// brief counts what would name more than maxNamed codes or
	// indicators in one sentence (the slides).
	brief bool
}

// maxNamed is the most codes or indicators a brief sentence names.
const maxNamed = 3

func newStory(c *report.Comparison, between []*report.Edition, lang string) *story {
	if storyWords[lang] == nil {
		lang = "it"
	}
	return &story{c: c, lists: report.NewComparer(c.From, c.To, between).CodeLists(), lang: lang, w: storyWords[lang]}
}

func para(s string) *document.Paragraph {
	return &document.Paragraph{Spans: []document.Span{{Text: s}}}
}

func list(items []string) *document.List {
	l := &document.List{}
	for _, s := range items {
		l.Items = append(l.Items, *para(s))
	}
	return l
}

func (s *story) q(text string) string { return fmt.Sprintf(s.w["q"], text) }

// names joins quoted labels as a list: "«a», «b» e «c»".
func (s *story) names(es []report.Entry) string {
	q := make([]string, len(es))
	for i, e := range es {
		q[i] = s.q(e.LabelIn(s.lang))
	}
	return s.join(q)
}

// listName names a code list: the header of its breakdowns.
func (s *story) listName(domain string) string {
	if h, ok := dimensionNames[domain]; ok {
		return h[s.lang]
	}
	return domain
}

// mainBlocks are the main changes: increases, decreases, what appeared and
// what cannot be compared.
func (s *story) mainBlocks() []document.Block {
	c, w, lang := s.c, s.w, s.lang
	fy, ty := c.From.Edition.Year, c.To.Edition.Year
	blocks := []document.Block{&document.Heading{Level: 1, Text: w["main"]}, para(fmt.Sprintf(w["mainIntro"], fy, ty, fy))}
	up, down := mainChanges(comparableChanges(c, lang))
	for _, part := range []struct {
		head, none string
		ms         []mainChange
	}{{w["up"], w["noUp"], up}, {w["down"], w["noDown"], down}} {
		blocks = append(blocks, &document.Heading{Level: 2, Text: part.head})
		if len(part.ms) == 0 {
			blocks = append(blocks, para(part.none))
			continue
		}
		var items []string
		for _, m := range part.ms {
			items = append(items, m.sentence(lang))
		}
		blocks = append(blocks, list(items))
	}

	// what appeared: indicators and codes new in the later edition
	var items []string
	for _, ch := range c.Indicators {
		if _, ok := c.From.Lookup(ch.Indicator.ID); !ok {
			items = append(items, fmt.Sprintf(w["newInd"], s.q(ch.Indicator.Title.In(lang))))
		}
	}
	for _, l := range s.lists {
		var news []report.Entry
		for _, cc := range l.Changes {
			if cc.Kind == report.CodeNew {
				news = append(news, cc.Codes...)
			}
		}
		if s.brief && len(news) > maxNamed {
			items = append(items, fmt.Sprintf(w["newCodesCount"], fmt.Sprintf(w["list"], s.listName(l.Domain)), len(news)))
		} else if len(news) > 0 {
			n := w["newCode1"]
			if len(news) > 1 {
				n = w["newCodeN"]
			}
			items = append(items, fmt.Sprintf(w["newCodes"], fmt.Sprintf(w["list"], s.listName(l.Domain)), n, s.names(news)))
		}
	}
	blocks = append(blocks, &document.Heading{Level: 2, Text: fmt.Sprintf(w["appeared"], ty)})
	if len(items) == 0 {
		blocks = append(blocks, para(w["noNew"]))
	} else {
		blocks = append(blocks, list(items))
	}

	// what cannot be compared, each named, the indicators of one reason
	// together (in catalogue order): titles stands for their names
	const titles = "\x00"
	var reasons []string
	named := map[string][]string{}
	why := func(id string, rs *report.Results) string {
		r, ok := rs.Lookup(id)
		if !ok || r.Value.Known {
			return ""
		}
		y := rs.Edition.Year
		switch {
		case r.Withheld:
			return fmt.Sprintf(w["withheld"], y, titles)
		case len(r.Missing) > 0:
			// the sources as a reader names them, never a file
			var names []string
			for _, f := range r.Missing {
				names = append(names, rs.Edition.SourceName(f, s.lang))
			}
			return fmt.Sprintf(w["missing"], y, s.join(names), titles)
		}
		return fmt.Sprintf(w["ndBare"], y, titles)
	}
	for _, ch := range c.Indicators {
		id, reason := ch.Indicator.ID, ""
		if reason = why(id, c.From); reason != "" {
		} else if reason = why(id, c.To); reason != "" {
		} else if ch.DefinitionChange {
			reason = fmt.Sprintf(w["redefined"], titles, s.listName(ch.Indicator.ByDomain()), w["lists"])
		} else if hasNewCodes(ch) {
			reason = fmt.Sprintf(w["newRows"], titles, s.listName(ch.Indicator.ByDomain()))
		} else {
			continue
		}
		if _, ok := named[reason]; !ok {
			reasons = append(reasons, reason)
		}
		named[reason] = append(named[reason], s.q(ch.Indicator.Title.In(lang)))
	}
	items = nil
	for _, r := range reasons {
		names := s.join(named[r])
		if s.brief && len(named[r]) > maxNamed {
			names = fmt.Sprintf(w["indCount"], len(named[r]))
		}
		items = append(items, strings.Replace(r, titles, names, 1))
	}
	blocks = append(blocks, &document.Heading{Level: 2, Text: w["notComp"]})
	if len(items) == 0 {
		blocks = append(blocks, para(w["allComp"]))
	} else {
		blocks = append(blocks, list(items))
	}
	return blocks
}

// listBlocks are the code lists changed, each in words with its labels,
// and the indicators it affects.
func (s *story) listBlocks() []document.Block {
	w, fy, ty := s.w, s.c.From.Edition.Year, s.c.To.Edition.Year
	// a section of the main changes, right after what cannot be compared,
	// which refers to it: a part of its own opens a page, and the main
	// changes left a line or two on the page before it, or it put a
	// sentence alone on a page when no list changed
	blocks := []document.Block{&document.Heading{Level: 2, Text: w["lists"]}}
	if len(s.lists) == 0 {
		return append(blocks, para(fmt.Sprintf(w["noLists"], fy, ty)))
	}
	n := w["list1"]
	if len(s.lists) > 1 {
		n = fmt.Sprintf(w["listN"], len(s.lists))
	}
	blocks = append(blocks, para(fmt.Sprintf(w["listsIntro"], fy, ty, n)))
	for _, l := range s.lists {
		blocks = append(blocks, &document.Heading{Level: 3, Text: fmt.Sprintf(w["list"], s.listName(l.Domain))})
		blocks = append(blocks, list(s.codeSentences(l.Changes)))
		var affected []string
		for _, ch := range s.c.Indicators {
			if ch.Indicator.ByDomain() == l.Domain && len(ch.Breakdown) > 0 {
				affected = append(affected, s.q(ch.Indicator.Title.In(s.lang)))
			}
		}
		if len(affected) == 0 {
			blocks = append(blocks, para(w["affectsNone"]))
		} else {
			blocks = append(blocks, para(fmt.Sprintf(w["affects"], s.join(affected))))
		}
	}
	return blocks
}

// codeSentences says the changes of a code list in words, one sentence a
// change, except that two or more new items, or dropped items, are one
// sentence, where the first of them is: four sentences in a row of "the
// item X is new" read as a machine's. A rename keeps its own, the mapping
// a reader looks up.
func (s *story) codeSentences(changes []report.CodeChange) []string {
	w := s.w
	var out []string
	group := map[string]int{} // kind: its sentence in out
	var members = map[string][]report.CodeChange{}
	count := map[string]int{}
	for _, cc := range changes {
		count[cc.Kind]++
	}
	grouped := func(cc report.CodeChange) bool {
		switch cc.Kind {
		case report.CodeNew, report.CodeDropped:
			return count[cc.Kind] > 1
		}
		return false
	}
	for _, cc := range changes {
		if !grouped(cc) {
			out = append(out, s.codeSentence(cc))
			continue
		}
		if _, ok := group[cc.Kind]; !ok {
			group[cc.Kind] = len(out)
			out = append(out, "")
		}
		members[cc.Kind] = append(members[cc.Kind], cc)
	}
	for kind, i := range group {
		ms := members[kind]
		if len(ms) == 1 {
			out[i] = s.codeSentence(ms[0])
			continue
		}
		var es []report.Entry
		for _, cc := range ms {
			if kind == report.CodeNew {
				es = append(es, cc.Codes...)
			} else {
				es = append(es, cc.Was...)
			}
		}
		key := "codesDrop"
		if kind == report.CodeNew {
			key = "codesNew"
		}
		out[i] = fmt.Sprintf(w[key], s.names(es))
	}
	return out
}

// codeSentence says one change of a code list in words, naming the codes
// by their labels.
func (s *story) codeSentence(cc report.CodeChange) string {
	w := s.w
	switch cc.Kind {
	case report.CodeNew:
		return fmt.Sprintf(w[codeNewKey], s.names(cc.Codes))
	case report.CodeDropped:
		return fmt.Sprintf(w[codeDropKey], s.names(cc.Was))
	case report.CodeRenamed:
		if s.names(cc.Was) == s.names(cc.Codes) {
			return fmt.Sprintf(w["recoded"], s.names(cc.Codes))
		}
		return fmt.Sprintf(w[codeRenKey], s.names(cc.Was), s.names(cc.Codes))
	case report.CodeMerged:
		return fmt.Sprintf(w[codeMrgKey], s.names(cc.Was), s.names(cc.Codes))
	case report.CodeSplit:
		return fmt.Sprintf(w[codeSplKey], s.names(cc.Was), s.names(cc.Codes))
	}
	return ""
}

// join joins phrases as a list: "a, b e c".
func (s *story) join(q []string) string { return joinWords(q, s.lang, false) }

// areaBlocks are the relative changes of the comparable indicators, a
// diverging bar chart by area.
func (s *story) areaBlocks() []document.Block {
	w, fy, ty := s.w, s.c.From.Edition.Year, s.c.To.Edition.Year
	all := comparableChanges(s.c, s.lang)
	if len(all) == 0 {
		return nil
	}
	blocks := []document.Block{&document.Heading{Level: 1, Text: w["byArea"]}, para(fmt.Sprintf(w["byAreaIntro"], fy))}
	var areas []string
	byArea := map[string][]mainChange{}
	for _, m := range all {
		a := areaOf(m.ch.Indicator.ID)
		if _, ok := byArea[a]; !ok {
			areas = append(areas, a)
		}
		byArea[a] = append(byArea[a], m)
	}
	span := 0.0 // one scale for every area
	for _, m := range all {
		span = math.Max(span, math.Abs(m.pct/100))
	}
	var same []string // areas where nothing changed: no chart of zeros
	for _, a := range areas {
		if !slices.ContainsFunc(byArea[a], func(m mainChange) bool { return m.pct != 0 }) {
			same = append(same, areaName(a, s.lang))
			continue
		}
		ch := &document.Chart{Kind: document.ChartHBar, Percent: true, Signed: true, Span: span,
			Caption: fmt.Sprintf(w["areaChart"], fy, ty, areaName(a, s.lang)), Note: w["areaNote"]}
		vals := make([]float64, 0, len(byArea[a]))
		for _, m := range byArea[a] {
			ch.Labels = append(ch.Labels, m.ch.Indicator.Title.In(s.lang))
			vals = append(vals, m.pct/100)
		}
		ch.Series = []document.Series{{Name: "%", Values: vals}}
		blocks = append(blocks, ch)
	}
	if len(same) > 0 {
		blocks = append(blocks, para(fmt.Sprintf(w["areaSame"], s.join(same))))
	}
	return blocks
}

// hasNewCodes reports whether a row of the indicator's breakdown is a code
// new in the later edition.
func hasNewCodes(ch *report.Change) bool {
	return slices.ContainsFunc(ch.Breakdown, func(r report.RowChange) bool { return r.Note == report.NoteNew })
}

// shareBase is the number of cases a share of rs is computed on: its
// records, or for a share of aggregate figures its denominator (the
// indicator it names, or the breakdown rows of its fields); false when it
// cannot be told or is not available.
func shareBase(rs *report.Results, id string) (float64, bool) {
	r, ok := rs.Lookup(id)
	if !ok || r.Withheld {
		return 0, false
	}
	if r.Records > 0 {
		return float64(r.Records), true
	}
	den := r.Indicator.Denominator
	switch {
	case den == nil:
		return 0, false
	case den.ID != "":
		d, ok := rs.Lookup(den.ID)
		if !ok || !d.Value.Known || d.Withheld {
			return 0, false
		}
		return d.Value.Num, true
	case len(den.Fields) == 0 || den.Residents:
		return 0, false
	}
	sum := 0.0
	for _, f := range den.Fields {
		i := slices.IndexFunc(r.Breakdown, func(row report.Row) bool { return row.Key == f })
		if i < 0 || r.Breakdown[i].NA || r.Breakdown[i].Withheld {
			return 0, false
		}
		sum += r.Breakdown[i].Value
	}
	return sum, true
}
