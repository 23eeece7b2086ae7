package narrative

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"rendiconto/report"
	"rendiconto/report/format"
	"rendiconto/report/words"
)

// Goals is the improvement cycle as templates see it ({{with goals}}): the
// goals the edition sets and the follow-up of the earlier editions' goals,
// each with a sentence that is true, and agrees, for any number of goals.
type Goals struct {
	Year int
	Set  []GoalView
	// Intro says how many goals the edition sets, and how many an
	// indicator measures.
	Intro string
	// FollowUps are the earlier goals this edition reports on (see
	// report.FollowUps); FollowIntro sums them up: how many, by status,
	// overdue, reached and not.
	FollowUps   []FollowUpView
	FollowIntro string
	// None, when no edition up to this one sets a goal, says so in one
	// sentence; "" otherwise.
	None string
}

// GoalView is a goal set in the edition.
type GoalView struct {
	ID, Title, Owner, Note string
	Lead                   string // the title ending with a full stop, to open an item
	Due                    string // "31 dicembre 2021"
	By                     string // "entro il 31 dicembre 2021"
	Status                 string // "in corso"
	// Indicator is the title of the indicator that measures the goal, ""
	// without one; Target "almeno 45", "" without one; Value the
	// indicator's value in this edition, n.d. when not available.
	Indicator, Target, Value string
	// Text is the goal said in one run of sentences, after its title:
	// owner, due date, status, indicator and target.
	Text string
}

// FollowUpView is a goal of an earlier edition followed up in this one.
type FollowUpView struct {
	ID, Title, Owner string
	Lead             string // the title ending with a full stop, to open an item
	SetIn            int
	Due, By          string
	Status           string
	Overdue          bool
	// Outcome is "raggiunto", "non raggiunto" ("reached", "not reached"),
	// "non verificabile" when the indicator is n.d., "" without a target.
	Outcome string
	// Note is the latest update's note, "" when there is none.
	Note string
	// Text says the follow-up in sentences: when it was set, by whom, its
	// status, whether it is overdue, the indicator against the target.
	Text string
}

// gw is the goals' word for a code (a status, a direction, an outcome).
func gw(lang, key string) string { return words.For(lang).Goals[key] }

// pluralOf picks the singular or the plural form by the count.
func pluralOf(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// countOf writes "1 obiettivo", "3 obiettivi".
func countOf(n int, one, many string) string { return strconv.Itoa(n) + " " + pluralOf(n, one, many) }

// dueBy writes a due date after "entro" or "by": "entro il 31 dicembre
// 2021", "entro l'8 marzo 2021", "entro il 1º luglio 2021".
func dueBy(t time.Time, lang string) string {
	if lang == "en" {
		return "by " + format.Date(t, lang)
	}
	return "entro " + dateWithArticle(t)
}

// dateWithArticle writes an Italian date with its article: "il 31 dicembre
// 2021", "l'8 marzo 2021", "l'11 aprile 2021", "il 1º luglio 2021".
func dateWithArticle(t time.Time) string {
	art, d := dateParts(t)
	return art + d
}

// dateOf writes an Italian date after "di": "del 31 dicembre 2021",
// "dell'8 marzo 2021", "del 1º luglio 2021".
func dateOf(t time.Time) string {
	art, d := dateParts(t)
	if art == "l'" {
		return "dell'" + d
	}
	return "del " + d
}

// dateParts splits an Italian date into its article and the date.
func dateParts(t time.Time) (article, date string) {
	d := format.Date(t, "it")
	switch t.Day() {
	case 1:
		return "il ", "1º" + strings.TrimPrefix(d, "1")
	case 8, 11:
		return "l'", d
	}
	return "il ", d
}

// goals returns the goals of the edition and the follow-up of earlier ones.
func (e *env) goals() (Goals, error) {
	if err := e.ctx.Err(); err != nil {
		return Goals{}, err
	}
	ed := e.rs.Edition
	g := Goals{Year: ed.Year}
	measured := 0
	for _, goal := range ed.SetGoals() {
		v := e.goalView(goal)
		if goal.HasTarget {
			measured++
		}
		g.Set = append(g.Set, v)
	}
	g.Intro = e.goalsIntro(len(g.Set), measured)
	earlier := len(e.history) > 1
	fus := report.FollowUps(e.history)
	for _, f := range fus {
		g.FollowUps = append(g.FollowUps, e.followUpView(f))
	}
	g.FollowIntro = e.followIntro(fus, earlier)
	if len(g.Set) == 0 && earlier && !e.earlierGoals() {
		var years []string
		for _, h := range e.history {
			years = append(years, strconv.Itoa(h.Edition.Year))
		}
		g.None = fmt.Sprintf(words.For(e.lang).GoalText.NoneSet, joinWords(years, e.lang, false))
	}
	return g, nil
}

func (e *env) goalsIntro(n, measured int) string {
	y := strconv.Itoa(e.rs.Edition.Year)
	if n == 0 {
		return fmt.Sprintf(words.For(e.lang).GoalText.NoNew, y)
	}
	if e.lang == "en" {
		s := "With its " + y + " report the institution sets " + numWord(n, e.lang) + " " + pluralOf(n, "improvement goal", "improvement goals")
		switch {
		case measured == 0:
		case n == 1:
			s += "; an indicator of this report measures its progress against a target"
		case measured == n:
			s += "; for each of them an indicator of this report measures progress against a target"
		case measured == 1:
			s += "; for one of them an indicator of this report measures progress against a target"
		default:
			s += "; for " + numWord(measured, e.lang) + " of them an indicator of this report measures progress against a target"
		}
		return s + "."
	}
	s := "Con il rapporto " + y + " l'ente fissa " + pluralOf(n, "un obiettivo", numWord(n, e.lang)+" obiettivi") + " di miglioramento"
	switch {
	case measured == 0:
	case n == 1:
		s += "; un indicatore del rendiconto ne misura l'avanzamento rispetto a un traguardo"
	case measured == n:
		s += "; per ciascuno un indicatore del rendiconto ne misura l'avanzamento rispetto a un traguardo"
	case measured == 1:
		s += "; per uno di essi un indicatore del rendiconto ne misura l'avanzamento rispetto a un traguardo"
	default:
		s += "; per " + numWord(measured, e.lang) + " di essi un indicatore del rendiconto ne misura l'avanzamento rispetto a un traguardo"
	}
	return s + "."
}

// measure returns the title of the goal's indicator, its value in this
// edition and the target written out ("almeno 45", "non più di 20%").
func (e *env) measure(g report.Goal) (title, value, target string) {
	if g.Indicator == "" {
		return "", "", ""
	}
	r, ok := e.rs.Lookup(g.Indicator)
	if !ok {
		return g.Indicator, e.nd(), ""
	}
	share := r.Indicator.IsShare()
	title, value = r.Indicator.Title.In(e.lang), format.Value(r.Value, share, e.lang)
	if r.Withheld {
		value = NP
	}
	if g.HasTarget {
		target = gw(e.lang, g.Direction) + " " + format.Number(g.Target, 1, e.lang)
		if share {
			// Italian puts the article before a percentage: "almeno il 40%".
			target = gw(e.lang, g.Direction+"%") + format.Number(g.Target, 1, e.lang) + "%"
		}
	}
	return title, value, target
}

func (e *env) goalView(g report.Goal) GoalView {
	v := GoalView{
		ID: g.ID, Title: g.Title.In(e.lang), Owner: g.Owner.In(e.lang), Note: g.Note.In(e.lang),
		Due: format.Date(g.Due, e.lang), By: dueBy(g.Due, e.lang), Status: gw(e.lang, g.StatusOf()),
	}
	v.Lead = lead(v.Title)
	v.Indicator, v.Value, v.Target = e.measure(g)
	y := strconv.Itoa(e.rs.Edition.Year)
	w := words.For(e.lang).GoalText
	var b strings.Builder
	fmt.Fprintf(&b, w.Owner, v.Owner, v.By, v.Status)
	if v.Indicator != "" {
		fmt.Fprintf(&b, w.Indicator, v.Indicator)
		if v.Target != "" {
			fmt.Fprintf(&b, w.Target, v.Target)
		}
		fmt.Fprintf(&b, w.Value, y, v.Value)
	}
	v.Text = b.String()
	return v
}

func (e *env) followUpView(f report.FollowUp) FollowUpView {
	g := f.Goal
	v := FollowUpView{
		ID: g.ID, Title: g.Title.In(e.lang), Owner: g.Owner.In(e.lang), SetIn: f.SetIn,
		Due: format.Date(g.Due, e.lang), By: dueBy(g.Due, e.lang), Status: gw(e.lang, f.Status),
		Overdue: f.Overdue, Note: f.Note.In(e.lang),
	}
	v.Lead = lead(v.Title)
	if f.Outcome != report.OutcomeNone {
		v.Outcome = gw(e.lang, f.Outcome)
	}
	title, value, target := e.measure(g)
	y := strconv.Itoa(e.rs.Edition.Year)
	set := strconv.Itoa(f.SetIn)
	w := words.For(e.lang).GoalText
	var b strings.Builder
	fmt.Fprintf(&b, w.SetIn, set, v.Owner, v.By)
	if f.Updated {
		fmt.Fprintf(&b, w.Status, y, v.Status)
	} else {
		fmt.Fprintf(&b, w.LastStatus, f.StatusYear, v.Status, y)
	}
	if f.Overdue {
		// Italian says the date with its preposition: "La scadenza del 31 dicembre 2021".
		due := v.Due
		if e.lang != "en" {
			due = dateOf(g.Due)
		}
		fmt.Fprintf(&b, w.Overdue, due)
	}
	if title != "" {
		fmt.Fprintf(&b, w.Indicator, title)
		switch f.Outcome {
		case report.OutcomeUnverifiable:
			fmt.Fprintf(&b, w.Unverifiable, target, y)
		case report.OutcomeNone:
			if value == NP {
				fmt.Fprintf(&b, w.NotPublished, y)
			} else if value == e.nd() {
				fmt.Fprintf(&b, w.NotAvailable, y)
			} else {
				fmt.Fprintf(&b, w.ValueIn, value, y)
			}
		default:
			fmt.Fprintf(&b, w.Against, value, y, target, v.Outcome)
		}
	}
	v.Text = b.String()
	return v
}

// followIntro sums up the follow-up: how many goals, by status, how many
// overdue, and the targets reached, missed and not verifiable.
func (e *env) followIntro(fus []report.FollowUp, earlier bool) string {
	en := e.lang == "en"
	if !earlier {
		return words.For(e.lang).GoalText.NoEarlier
	}
	if len(fus) == 0 && !e.earlierGoals() {
		var years []string
		for _, h := range e.history[:len(e.history)-1] {
			years = append(years, strconv.Itoa(h.Edition.Year))
		}
		list := joinWords(years, e.lang, false)
		if en {
			return "The " + pluralOf(len(years), "edition", "editions") + " before this one (" + list + ") " + pluralOf(len(years), "records", "record") + " no improvement goals."
		}
		return pluralOf(len(years), "L'edizione", "Le edizioni") + " " + list + " non " + pluralOf(len(years), "riporta", "riportano") + " obiettivi di miglioramento."
	}
	if len(fus) == 0 {
		return words.For(e.lang).GoalText.NoneLeft
	}
	return e.followSum(fus)
}

// numWord writes a count below ten in words ("due", "two"), the others in
// digits; one is "uno"/"one".
func numWord(n int, lang string) string {
	if n < 0 || n > 9 {
		return strconv.Itoa(n)
	}
	return words.For(lang).Numbers[n]
}

// capital is s with its first letter upper case.
func capital(s string) string { return sourceCell(s) }

// followSum sums up the follow-up of fus (at least one): the goals by the
// year that set them, by status (those the edition gives no update on
// apart), how many are overdue, and how the targets measured by an
// indicator went. Counts below ten are words.
func (e *env) followSum(fus []report.FollowUp) string {
	en, lang := e.lang == "en", e.lang
	y := strconv.Itoa(e.rs.Edition.Year)
	var years []int
	byStatus := map[string]int{}
	stale, overdue := 0, 0
	outcomes := map[string]int{}
	for _, f := range fus {
		if f.SetIn != 0 && !slices.Contains(years, f.SetIn) {
			years = append(years, f.SetIn)
		}
		if f.Updated {
			byStatus[f.Status]++
		} else {
			stale++
		}
		if f.Overdue {
			overdue++
		}
		outcomes[f.Outcome]++
	}
	slices.Sort(years)
	ys := make([]string, len(years))
	for i, yr := range years {
		ys[i] = strconv.Itoa(yr)
	}
	n := len(fus)
	w := func(k int) string { return numWord(k, lang) }
	var b strings.Builder
	if en {
		set := "set in earlier years"
		if n == 1 {
			set = "set in an earlier year"
		}
		if len(ys) > 0 {
			set = "set in " + joinWords(ys, lang, false)
		}
		if n == 1 {
			b.WriteString("This report follows up the goal " + set)
			if stale == 1 {
				b.WriteString(", with no update in " + y + ".")
			} else {
				b.WriteString(", now " + gw(lang, fus[0].Status) + ".")
			}
		} else {
			var parts []string
			for _, st := range report.GoalStatuses {
				if k := byStatus[st]; k > 0 {
					parts = append(parts, w(k)+" "+gw(lang, st))
				}
			}
			if stale > 0 {
				parts = append(parts, w(stale)+" with no update in "+y)
			}
			b.WriteString("This report follows up the " + w(n) + " goals " + set)
			if stale == n {
				b.WriteString(", none with an update in " + y + ".")
			} else if len(byStatus) == 1 && stale == 0 {
				b.WriteString(", all " + gw(lang, fus[0].Status) + ".")
			} else {
				b.WriteString(": " + joinWords(parts, lang, false) + ".")
			}
		}
		switch {
		case overdue == 0:
		case n == 1:
			b.WriteString(" Its due date has passed and it is not recorded as done.")
		case overdue == n:
			b.WriteString(" All of them are past their due dates and not recorded as done.")
		default:
			b.WriteString(" " + capital(w(overdue)) + " " + pluralOf(overdue, "is past its due date", "are past their due dates") + " and not recorded as done.")
		}
	} else {
		set := pluralOf(n, "fissato in un anno precedente", "fissati negli anni precedenti")
		if len(ys) > 0 {
			set = "fissat" + pluralOf(n, "o", "i") + " nel " + joinWords(ys, lang, false)
		}
		if n == 1 {
			b.WriteString("Questa edizione verifica l'obiettivo " + set)
			if stale == 1 {
				b.WriteString(", per il quale non ci sono aggiornamenti nel " + y + ".")
			} else {
				b.WriteString(", che risulta " + gw(lang, fus[0].Status) + ".")
			}
		} else {
			var parts []string
			for _, st := range report.GoalStatuses {
				if k := byStatus[st]; k > 0 {
					parts = append(parts, w(k)+" "+pluralOf(k, gw(lang, st), gw(lang, st+"+")))
				}
			}
			if stale > 0 {
				parts = append(parts, w(stale)+" senza aggiornamenti nel "+y)
			}
			b.WriteString("Questa edizione verifica i " + w(n) + " obiettivi " + set)
			if stale == n {
				b.WriteString(", per i quali non ci sono aggiornamenti nel " + y + ".")
			} else if len(byStatus) == 1 && stale == 0 {
				b.WriteString(", tutti " + gw(lang, fus[0].Status+"+") + ".")
			} else {
				b.WriteString(": " + joinWords(parts, lang, false) + ".")
			}
		}
		switch {
		case overdue == 0:
		case n == 1:
			b.WriteString(" La scadenza è superata senza che l'obiettivo risulti realizzato.")
		case overdue == n:
			b.WriteString(" Tutti hanno superato la scadenza senza risultare realizzati.")
		default:
			b.WriteString(" " + capital(w(overdue)) + pluralOf(overdue, " di essi ha superato la scadenza senza risultare realizzato", " di essi hanno superato la scadenza senza risultare realizzati") + ".")
		}
	}
	reached, missed, unver := outcomes[report.OutcomeReached], outcomes[report.OutcomeMissed], outcomes[report.OutcomeUnverifiable]
	t := reached + missed + unver
	if t == 0 {
		return b.String()
	}
	gt := words.For(lang).GoalText
	switch {
	case t == 1 && reached == 1:
		b.WriteString(gt.Reached1)
	case t == 1 && missed == 1:
		b.WriteString(gt.Missed1)
	case t == 1:
		b.WriteString(gt.Unverifiable1)
	case reached == t:
		fmt.Fprintf(&b, gt.AllReached, w(t))
	case missed == t:
		fmt.Fprintf(&b, gt.NoneReached, w(t))
	case unver == t:
		fmt.Fprintf(&b, gt.NoneVerifiable, w(t))
	case t == 2 && reached == 1 && missed == 1:
		b.WriteString(gt.OneOfTwo)
	default:
		// how each went, in agreement with its count
		var c []string
		if en {
			if reached > 0 {
				c = append(c, w(reached)+" "+pluralOf(reached, "has", "have")+" reached "+pluralOf(reached, "its target", "their targets"))
			}
			if missed > 0 {
				c = append(c, w(missed)+" "+pluralOf(missed, "has", "have")+" not")
			}
			if unver > 0 {
				c = append(c, w(unver)+" cannot be verified, as "+pluralOf(unver, "its indicator is", "their indicators are")+" not available")
			}
		} else {
			if reached > 0 {
				c = append(c, w(reached)+" "+pluralOf(reached, "ha", "hanno")+" raggiunto il traguardo")
			}
			if missed > 0 {
				c = append(c, w(missed)+" non l'"+pluralOf(missed, "ha", "hanno")+" raggiunto")
			}
			if unver > 0 {
				c = append(c, w(unver)+" "+pluralOf(unver, "non è verificabile, perché l'indicatore non è disponibile", "non sono verificabili, perché i loro indicatori non sono disponibili"))
			}
		}
		fmt.Fprintf(&b, gt.OfThe, w(t), joinWords(c, lang, false))
	}
	return b.String()
}

// lead is a title that opens an item of a list, followed by its text: it
// ends with a full stop, unless it ends with a mark of its own.
func lead(title string) string {
	if strings.HasSuffix(title, ".") || strings.HasSuffix(title, "?") || strings.HasSuffix(title, "!") || strings.HasSuffix(title, "…") {
		return title
	}
	return title + "."
}

// earlierGoals reports whether an edition before this one set a goal.
func (e *env) earlierGoals() bool {
	for _, h := range e.history[:len(e.history)-1] {
		if len(h.Edition.SetGoals()) > 0 {
			return true
		}
	}
	return false
}
