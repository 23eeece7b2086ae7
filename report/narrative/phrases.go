package narrative

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"rendiconto/report"
	"rendiconto/report/format"
	"rendiconto/report/words"
)

// This file holds the template functions that choose the words a figure
// supports: a change said from one rounding, agreement in number and
// gender, "every district" only when it is so, ties in "the most
// frequent", labels as running text says them. A template never writes an
// evaluative word of its own (see templates/README.md).

// percent1 prints a fraction as a percentage with exactly one decimal, the
// one precision of shares in a document: "39,0%" beside "24,5%".
func percent1(f float64, lang string) string {
	r := math.Round(f*1000) / 10
	if r == 0 {
		r = 0 // no "-0,0%"
	}
	return format.Printer(lang).Sprintf("%.1f", r) + "%"
}

// shareValue prints a share indicator's value with percent1, any other
// with format.Value.
func shareValue(v report.Value, share bool, lang string) string {
	if share && v.Known {
		return percent1(v.Num, lang)
	}
	return format.Value(v, share, lang)
}

// indValue prints ind's value at its precision (format.Decimals): a share
// with percent1, a count without decimals, a rate, mean or FTE with one
// ("15,0"), a euro amount in whole euros; n.d. when not available.
func indValue(v report.Value, ind *report.Indicator, lang string) string {
	if !v.Known {
		return format.NAIn(lang)
	}
	if ind.IsShare() {
		return percent1(v.Num, lang)
	}
	return format.Fixed(v.Num, format.Decimals(ind), lang)
}

// number converts a template's number (an int or a float) to float64.
func number(n any) (float64, error) {
	switch n := n.(type) {
	case int:
		return float64(n), nil
	case int64:
		return float64(n), nil
	case float64:
		return n, nil
	}
	return 0, fmt.Errorf("%v is not a number", n)
}

// plural returns sing when n is 1, plur otherwise (0 projects, 2 projects):
// {{plural (num "B.3.new_projects") "è stato avviato" "sono stati avviati"}}.
func plural(n any, sing, plur string) (string, error) {
	x, err := number(n)
	if err != nil {
		return "", err
	}
	if x == 1 {
		return sing, nil
	}
	return plur, nil
}

// count prints n with its noun in agreement: "1 progetto", "2 progetti".
func (e *env) count(n any, sing, plur string) (string, error) {
	x, err := number(n)
	if err != nil {
		return "", err
	}
	w, _ := plural(x, sing, plur)
	return format.Auto(x, e.lang) + " " + w, nil
}

// nof prints an indicator's value with its noun in agreement, "n.d." when
// it is not available: {{nof "B.3.new_projects" "progetto" "progetti"}}.
func (e *env) nof(id, sing, plur string) (string, error) {
	r, err := e.result(id)
	if err == nil && r.Withheld {
		return NP, nil
	}
	if err != nil || !r.Value.Known {
		return e.nd(), err
	}
	w, _ := plural(format.Printed(r.Value.Num, format.Decimals(r.Indicator), false), sing, plur)
	return indValue(r.Value, r.Indicator, e.lang) + " " + w, nil
}

// shift is a change from the previous edition as a sentence says it: the
// difference of the two values as printed (dec decimals; for a share, in
// percent with one decimal, the change in percentage points), and the
// percentage change of those printed values, rounded to one decimal. A
// reader who subtracts the printed figures finds the printed change.
type shift struct {
	d, pct      float64 // rounded
	dec         int     // the decimals of the values and of d
	hasPct      bool    // the previous value is not zero and pct is not 0,0
	share       bool
	same, about bool // zero at both precisions; zero change, non-zero %
}

// shiftOf returns the change of id; ok is false when either edition has no
// value for it.
func (e *env) shiftOf(id string) (s shift, ok bool, err error) {
	cur, prev, ok, err := e.previous(id)
	if err != nil || !ok {
		return shift{}, false, err
	}
	r, _ := e.result(id)
	return shiftFrom(cur.Num, prev.Num, r.Indicator.IsShare(), format.Decimals(r.Indicator)), true, nil
}

// shiftFrom is the change from prev to cur as printed with dec decimals
// (see shift): 4,84 → 4,96 is 4,8 → 5,0, a change of +0,2.
func shiftFrom(cur, prev float64, share bool, dec int) (s shift) {
	s.share, s.dec = share, dec
	if share {
		dec = 1
	}
	c, p := format.Printed(cur, dec, share), format.Printed(prev, dec, share)
	s.d = roundTo(c-p, dec)
	if !share && p != 0 {
		s.pct = roundTo((c-p)/math.Abs(p)*100, 1)
		s.hasPct = s.pct != 0
	}
	s.same = s.d == 0 && !s.hasPct
	s.about = s.d == 0 && s.hasPct
	return s
}

func roundTo(x float64, decimals int) float64 {
	p := math.Pow10(decimals)
	r := math.Round(x*p) / p
	if r == 0 {
		return 0
	}
	return r
}

// participles of a change in Italian, by the subject's gender and number:
// m (il numero), f (la quota), mp (i progetti), fp (le persone).
var itVerbs = map[string][4]string{
	//        up, down, same (without "è"/"sono")
	"m":  {"è cresciuto", "è sceso", "è rimasto invariato", "è rimasto sostanzialmente invariato"},
	"f":  {"è cresciuta", "è scesa", "è rimasta invariata", "è rimasta sostanzialmente invariata"},
	"mp": {"sono cresciuti", "sono scesi", "sono rimasti invariati", "sono rimasti sostanzialmente invariati"},
	"fp": {"sono cresciute", "sono scese", "sono rimaste invariate", "sono rimaste sostanzialmente invariate"},
}

var enVerbs = [4]string{"rose", "fell", "was unchanged", "was essentially unchanged"}

// delta says the change of an indicator from the previous edition as one
// phrase, verb included, agreeing with the subject the template names:
// "è cresciuto di 16 persone (+2,7%)", "sono scese di 3 (−1,2%)", "è
// rimasta invariata"; English "rose by 16 people (+2.7%)". gender is m, f,
// mp or fp (ignored in English); an optional noun, singular then plural,
// follows the amount. A share changes by percentage points. The change is
// rounded once (see shift): "invariato" only when it and the percentage
// are zero at the printed precision; "sostanzialmente invariato (−0,2%)"
// when the change rounds to zero and the percentage does not.
func (e *env) delta(id, gender string, noun ...string) (string, error) {
	if _, ok := itVerbs[gender]; !ok {
		return "", fmt.Errorf("delta: gender %q is not one of m, f, mp, fp", gender)
	}
	if len(noun) != 0 && len(noun) != 2 {
		return "", fmt.Errorf("delta takes an indicator, a gender and optionally a noun in the singular and the plural, not %d nouns", len(noun))
	}
	s, ok, err := e.shiftOf(id)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("indicator %s has no value to compare in this edition or the previous one: guard it with {{if comparable %q}}", id, id)
	}
	return sayShift(s, gender, e.lang, noun...), nil
}

// same reports whether indicator id is comparable with the previous
// edition and did not change at the printed precision (delta says
// "invariato"): two unchanged figures are said in one phrase.
func (e *env) same(id string) (bool, error) {
	s, ok, err := e.shiftOf(id)
	return ok && s.same, err
}

// items joins the non-empty phrases as a list ("a, b e c"): a template
// leaves out the parts that count nothing.
func (e *env) items(s ...string) string {
	var out []string
	for _, w := range s {
		if w != "" {
			out = append(out, w)
		}
	}
	return e.andList(out)
}

// sayShift says a change as delta does; gender is one of itVerbs' keys.
func sayShift(s shift, gender, lang string, noun ...string) string {
	verbs := itVerbs[gender]
	by, each := " di ", "punti percentuali"
	if lang == "en" {
		verbs, by, each = enVerbs, " by ", "percentage points"
	}
	pct := ""
	if s.hasPct {
		pct = " (" + format.Signed(s.pct, 1, lang) + "%)"
	}
	switch {
	case s.same:
		return verbs[2]
	case s.about:
		return verbs[3] + pct
	}
	verb := verbs[0]
	if s.d < 0 {
		verb = verbs[1]
	}
	dec := s.dec
	if s.share {
		dec = 1
	}
	amount := format.Fixed(math.Abs(s.d), dec, lang)
	switch {
	case s.share:
		if math.Abs(s.d) == 1 {
			each = map[string]string{"punti percentuali": "punto percentuale", "percentage points": "percentage point"}[each]
		}
		amount += " " + each
	case len(noun) == 2:
		w, _ := plural(math.Abs(s.d), noun[0], noun[1])
		amount += " " + w
	}
	return verb + by + amount + pct
}

// Reach is where a breakdown by district has records: With of the Of
// districts (the city-wide row apart, City), and the phrase that says it.
type Reach struct {
	With, Of  int
	All, None bool
	City      float64 // the records of the whole city (the city-wide row)
	Text      string  // "in ogni quartiere", "in 5 quartieri su 6", "in nessun quartiere"
}

// reach says in how many districts an indicator by district has records:
// "in ogni quartiere" only when every one has. Seen from one district
// (results of report.ComputeDistrict), it names the district: "nel
// Quartiere Navile", never All.
func (e *env) reach(id string) (Reach, error) {
	r, err := e.result(id)
	if err != nil {
		return Reach{}, err
	}
	if list, _ := r.Indicator.RowList(nil); list != "districts" && r.Indicator.By != "district" {
		return Reach{}, fmt.Errorf("indicator %s is not broken down by district", id)
	}
	var g Reach
	withheld := 0 // districts whose figure is not published: unknown
	for _, row := range r.Breakdown {
		switch {
		case row.Key == report.CityWide:
			g.City = row.Value
		default:
			g.Of++
			if row.Withheld {
				withheld++
			} else if !row.NA && row.Value > 0 {
				g.With++
			}
		}
	}
	g.All, g.None = g.Of > 0 && g.With == g.Of, g.With == 0 && withheld == 0
	w := words.For(e.lang)
	if d := districtName(e.rs, e.lang); d != "" && g.All {
		// Seen from one district: it is not "every district" of the city.
		g.All = false
		g.Text = w.DistrictIn + d
		return g, nil
	}
	noun, _ := plural(g.With, w.DistrictOne, w.DistrictMany)
	switch {
	case withheld > 0 && g.With == 0:
		g.Text = w.DistrictsNoneKnown
	case withheld > 0:
		g.Text = fmt.Sprintf(w.DistrictsAtLeast, g.With, noun, g.Of)
	case g.None:
		g.Text = w.DistrictsNone
	case g.All:
		g.Text = w.DistrictsEvery
	default:
		g.Text = fmt.Sprintf(w.DistrictsSome, g.With, noun, g.Of)
	}
	return g, nil
}

// leaders are the rows that share the largest value of a breakdown (more
// than one when tied), none when every row is zero or n.d.
func (e *env) leaders(id string) ([]Top, error) {
	rows, err := e.top(id, 1)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return rows, nil // top keeps every row tied with the last
}

// nmost is how many rows share the largest value: 1, or more when tied.
func (e *env) nmost(id string) (int, error) {
	l, err := e.leaders(id)
	return len(l), err
}

// most says the row or rows with the largest value in running text, with
// the figure what asks for ("share", "value", or "" for none): "di persona
// (45,0%)"; tied, "X e Y (30,0% ciascuno)". The template chooses the verb
// by nmost: {{if eq (nmost "ID") 1}}è{{else}}sono, a pari merito,{{end}}.
func (e *env) most(id, what string) (string, error) {
	l, err := e.leaders(id)
	if err != nil || len(l) == 0 {
		return e.nd(), err
	}
	fig := ""
	switch what {
	case "share":
		fig = l[0].Share
	case "value":
		fig = l[0].Value
	case "":
	default:
		return "", fmt.Errorf("most: %q is not one of share, value or \"\"", what)
	}
	s := e.join(l)
	if fig != "" {
		if len(l) > 1 {
			fig += words.For(e.lang).Each
		}
		s += " (" + fig + ")"
	}
	return s, nil
}

// join says the running-text labels of rows as a list: "a, b e c".
func (e *env) join(rows []Top) string {
	texts := make([]string, len(rows))
	for i, t := range rows {
		texts[i] = t.Text
	}
	return e.andList(texts)
}

// andList joins words as a list: "a, b e c", "a, b and c"; with
// semicolons when an item holds a comma or the conjunction itself.
func (e *env) andList(s []string) string {
	and := words.For(e.lang).And
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	sep := ", "
	for _, w := range s {
		if strings.Contains(w, ", ") || strings.Contains(w, and) { // not a decimal comma: "50,0%"
			// "a, b e c" would be ambiguous: "negozi, esercizi commerciali e
			// supermercati; scuola e istituto comprensivo"
			sep, and = "; ", "; "
			break
		}
	}
	if and == " e " && strings.HasPrefix(strings.ToLower(s[len(s)-1]), "e") {
		and = " ed " // "volontariato ed ente filantropico", not "e ente"
	}
	return strings.Join(s[:len(s)-1], sep) + and + s[len(s)-1]
}

// labels says every row of an indicator's breakdown, in its order, in
// running text: the offices of B.3.operators, "servizio sociale
// territoriale, ufficio reti e altri uffici".
func (e *env) labels(id string) (string, error) {
	r, err := e.result(id)
	if err != nil {
		return "", err
	}
	var s []string
	for _, row := range r.Breakdown {
		if row.Key != report.CityWide {
			s = append(s, e.runningText(r, row))
		}
	}
	return e.andList(s), nil
}

// kinds says the most present organisation kinds (see maxKinds) that are
// (ets true) or are not Third-sector entities, among the rows of an
// indicator by kind (id), or among the edition's organisations when id is
// "", most present first.
func (e *env) kinds(id string, ets bool) (string, error) {
	voc := e.rs.Edition.Vocabularies["organisation_kinds"]
	if voc == nil {
		return "", nil
	}
	n := map[string]float64{} // organisations by kind
	if id == "" {
		for _, o := range e.rs.Edition.Organisations {
			n[o.Kind]++
		}
	} else {
		r, err := e.result(id)
		if err != nil {
			return "", err
		}
		for _, row := range r.Breakdown {
			if !row.NA {
				n[row.Key] = row.Value
			}
		}
	}
	var rows []Top
	for _, en := range voc.Entries {
		if n[en.Code] > 0 && en.ETS == ets {
			rows = append(rows, Top{Text: labelText(en, e.lang), Num: n[en.Code], Value: format.Auto(n[en.Code], e.lang)})
		}
	}
	slices.SortStableFunc(rows, func(a, b Top) int { return cmp.Compare(b.Num, a.Num) })
	rows = cutTop(rows, maxKinds)
	s := e.join(rows)
	if len(rows) > 1 && rows[0].Value == rows[len(rows)-1].Value {
		// every kind named has as many organisations: a tie, said
		s += fmt.Sprintf(words.For(e.lang).Tied, rows[0].Value)
	}
	return s, nil
}

// maxKinds is how many kinds of organisation kinds names (and those tied
// with the last): the most present, not a list of twenty.
const maxKinds = 3

// label is a breakdown row's label in running text.
func (e *env) label(id, key string) (string, error) {
	r, row, err := e.findRow(id, key)
	if err != nil || row == nil {
		return e.nd(), err
	}
	return e.runningText(r, *row), nil
}

// runningText is a row's label as a sentence says it mid-way: the code's
// label_text when the edition gives one; a district's or zone's name as it
// is (a proper noun); any other label in sentence case (see sentenceCase).
func (e *env) runningText(r *report.Result, row report.Row) string {
	if row.Key == report.CityWide {
		return sentenceCase(row.Label.In(e.lang))
	}
	list, ok := r.Indicator.RowList(nil)
	if !ok && (r.Indicator.By == "district" || r.Indicator.By == "zone") {
		return row.Label.In(e.lang)
	}
	switch list {
	case "districts", "zones":
		return row.Label.In(e.lang)
	}
	if v := e.rs.Edition.Vocabularies[list]; ok && v != nil {
		if en, found := v.Lookup(row.Key); found {
			return labelText(en, e.lang)
		}
	}
	return sentenceCase(row.Label.In(e.lang))
}

// labelText is a code's running-text label: its label_text (label_text_en
// in English), or its label in sentence case.
func labelText(en report.Entry, lang string) string {
	if t := en.LabelTextIn(lang); t != "" {
		return t
	}
	return sentenceCase(en.LabelIn(lang))
}

// sentenceCase lower-cases the first letter of a label, so that it reads
// mid-sentence ("Di persona" → "di persona"), unless it looks like a name:
// a first word of two capitals or more ("SST e Ufficio reti", "ASP della
// Valle") or with a digit, or another word with a capital ("Comune di
// Bologna"). Where this guesses wrong, the code list's label_text says it.
func sentenceCase(s string) string {
	first, _, _ := strings.Cut(s, " ")
	caps := 0
	for _, c := range first {
		if unicode.IsUpper(c) {
			caps++
		}
		if unicode.IsDigit(c) {
			return s
		}
	}
	if caps != 1 {
		return s
	}
	for _, w := range strings.Fields(s)[1:] {
		if c, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(c) {
			return s // a name further on: "Comune di Bologna", "Bologna City Council"
		}
	}
	c, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(c) {
		return s
	}
	return string(unicode.ToLower(c)) + s[n:]
}

// since reports whether the edition was published on or after the date
// (YYYY-MM-DD): a report cites a law only when it existed. An edition
// without a published date is taken as published before it.
func (e *env) since(date string) (bool, error) {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return false, fmt.Errorf("since: %q is not a date YYYY-MM-DD", date)
	}
	p := e.rs.Edition.Published
	return !p.IsZero() && !p.Before(t), nil
}

// elides reports whether Italian elides the article before a number
// printed as s: l'8%, l'11%, l'1%, l'80% (otto, undici, uno, ottanta),
// but il 18%, il 110%.
func elides(s string) bool {
	whole := s[:len(s)-len(strings.TrimLeft(s, "0123456789."))]
	return strings.HasPrefix(whole, "8") || whole == "1" || whole == "11" || strings.HasPrefix(whole, "11.") || strings.HasPrefix(whole, "8.")
}

// article puts the Italian article before a printed figure: "il 30,0%",
// "l'8,0%"; with "a", "al 30,0%", "all'8,0%". Text that is not a figure
// (n.d.) is returned as it is.
func article(prep string) func(string) string {
	return func(s string) string {
		if s == "" || s[0] < '0' || s[0] > '9' {
			return s
		}
		if elides(s) {
			return map[string]string{"": "l'", "a": "all'", "di": "dell'"}[prep] + s
		}
		if s[0] == '0' { // "lo 0,5%", not "il 0,5%"
			return map[string]string{"": "lo ", "a": "allo ", "di": "dello "}[prep] + s
		}
		return map[string]string{"": "il ", "a": "al ", "di": "del "}[prep] + s
	}
}

// sub is a − b, for agreement on "the others" (numbers of any kind).
func sub(a, b any) (float64, error) {
	x, err := number(a)
	if err != nil {
		return 0, err
	}
	y, err := number(b)
	return x - y, err
}

// first returns at most n of the rows: a slide has room for a few, and
// says how many it leaves out.
func first(n int, rows []Top) []Top {
	return rows[:max(0, min(n, len(rows)))]
}
