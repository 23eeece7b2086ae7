package narrative

import (
	"context"
	"io/fs"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"rendiconto/report/document"
	"rendiconto/templates"
)

// TestSayShift: a change is said from one rounding, with the verb agreeing
// with the subject; "invariato" only when nothing changed as printed.
func TestSayShift(t *testing.T) {
	tests := []struct {
		cur, prev float64
		share     bool
		gender    string
		noun      []string
		it, en    string
	}{
		{612, 596, false, "m", []string{"persona", "persone"}, "è cresciuto di 16 persone (+2,7%)", "rose by 16 people (+2.7%)"},
		{597, 596, false, "m", []string{"persona", "persone"}, "è cresciuto di 1 persona (+0,2%)", "rose by 1 person (+0.2%)"},
		{247, 250, false, "fp", nil, "sono scese di 3 (−1,2%)", "fell by 3 (−1.2%)"},
		{10, 10, false, "m", nil, "è rimasto invariato", "was unchanged"},
		{0, 0, false, "f", nil, "è rimasta invariata", "was unchanged"},
		// both print as 3,2: no change, whatever the exact values
		{3.20, 3.21, false, "m", nil, "è rimasto invariato", "was unchanged"},
		// 3,1 → 3,2 as printed: +0,1 (+3,2%), not the exact +0,14 (+4,6%)
		{3.23, 3.08, false, "m", nil, "è cresciuto di 0,1 (+3,2%)", "rose by 0.1 (+3.2%)"},
		// 4,8 → 5,0 as printed: +0,2, not the exact +0,1
		{4.96, 4.84, false, "m", nil, "è cresciuto di 0,2 (+4,2%)", "rose by 0.2 (+4.2%)"},
		// from zero: no percentage
		{5, 0, false, "mp", nil, "sono cresciuti di 5", "rose by 5"},
		// a huge base: the percentage rounds to 0 and is left out
		{100001, 100000, false, "m", nil, "è cresciuto di 1", "rose by 1"},
		// shares: percentage points
		{0.214, 0.171, true, "f", nil, "è cresciuta di 4,3 punti percentuali", "rose by 4.3 percentage points"},
		// 17,2% → 21,4% as printed: 4,2 points (the exact difference is 4,3)
		{0.21425, 0.17170, true, "f", nil, "è cresciuta di 4,2 punti percentuali", "rose by 4.2 percentage points"},
		{0.545, 0.5486, true, "f", nil, "è scesa di 0,4 punti percentuali", "fell by 0.4 percentage points"},
		{0.30, 0.29, true, "f", nil, "è cresciuta di 1,0 punto percentuale", "rose by 1.0 percentage point"},
		{0.3, 0.30001, true, "f", nil, "è rimasta invariata", "was unchanged"},
	}
	for _, tt := range tests {
		dec := 1
		if tt.cur == math.Trunc(tt.cur) && tt.prev == math.Trunc(tt.prev) {
			dec = 0 // counts
		}
		s := shiftFrom(tt.cur, tt.prev, tt.share, dec)
		if got := sayShift(s, tt.gender, "it", tt.noun...); got != tt.it {
			t.Errorf("%v → %v: got %q, want %q", tt.prev, tt.cur, got, tt.it)
		}
		noun := tt.noun
		if len(noun) == 2 {
			noun = []string{"person", "people"}
		}
		if got := sayShift(s, tt.gender, "en", noun...); got != tt.en {
			t.Errorf("%v → %v (en): got %q, want %q", tt.prev, tt.cur, got, tt.en)
		}
	}
}

func TestPluralAndCount(t *testing.T) {
	e := &env{lang: "it"}
	for _, tt := range []struct {
		n    any
		want string
	}{{1, "1 progetto"}, {1.0, "1 progetto"}, {0, "0 progetti"}, {2.0, "2 progetti"}, {1234.0, "1.234 progetti"}} {
		if got, err := e.count(tt.n, "progetto", "progetti"); err != nil || got != tt.want {
			t.Errorf("count %v: %q %v, want %q", tt.n, got, err, tt.want)
		}
	}
	if got, _ := plural(1.0, "è stato avviato", "sono stati avviati"); got != "è stato avviato" {
		t.Errorf("plural 1: %q", got)
	}
	if _, err := plural("uno", "a", "b"); err == nil {
		t.Error("plural of a text: no error")
	}
}

func TestFirstAndSub(t *testing.T) {
	rows := []Top{{Key: "a"}, {Key: "b"}, {Key: "c"}}
	if got := first(2, rows); len(got) != 2 {
		t.Errorf("first 2: %v", got)
	}
	if got := first(6, rows); len(got) != 3 {
		t.Errorf("first 6: %v", got)
	}
	if got := first(-1, rows); len(got) != 0 {
		t.Errorf("first -1: %v", got)
	}
	if d, err := sub(8, 6.0); err != nil || d != 2 {
		t.Errorf("sub: %v %v", d, err)
	}
}

func TestSentenceCase(t *testing.T) {
	for in, want := range map[string]string{
		"Di persona": "di persona",
		"Socialità, contrasto alla solitudine e integrazione sociale": "socialità, contrasto alla solitudine e integrazione sociale",
		"SST e Ufficio reti insieme":                                  "SST e Ufficio reti insieme",
		"ASP Città di Bologna":                                        "ASP Città di Bologna",
		"Comune di Bologna":                                           "Comune di Bologna",
		"Bologna City Council":                                        "Bologna City Council",
		"0-17 anni":                                                   "0-17 anni",
		"Élite":                                                       "élite",
		"":                                                            "",
	} {
		if got := sentenceCase(in); got != want {
			t.Errorf("sentenceCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestArticle(t *testing.T) {
	il, al := article(""), article("a")
	for in, want := range map[string]string{"30,0%": "il 30,0%", "8,0%": "l'8,0%", "11,5%": "l'11,5%", "1%": "l'1%", "18,2%": "il 18,2%", "80%": "l'80%", "0,5%": "lo 0,5%", "n.d.": "n.d."} {
		if got := il(in); got != want {
			t.Errorf("il(%q) = %q, want %q", in, got, want)
		}
	}
	if got := al("8,0%"); got != "all'8,0%" {
		t.Errorf("al: %q", got)
	}
}

func TestPercent1(t *testing.T) {
	for f, want := range map[float64]string{0.39: "39,0%", 0.245: "24,5%", 1: "100,0%", 0: "0,0%", -0.00001: "0,0%"} {
		if got := percent1(f, "it"); got != want {
			t.Errorf("percent1(%v) = %q, want %q", f, got, want)
		}
	}
}

// TestLawCitedOnlyAfter: since is false for an edition published before
// the date, so a report of June 2020 does not cite a law of December 2020.
func TestLawCitedOnlyAfter(t *testing.T) {
	hs := history(t, "testdata/editions/onenew", "it", 2022)
	fsys := fstest.MapFS{"a.md": {Data: []byte(`{{if since "2021-01-01"}}legge 178/2020{{else}}nessuna legge{{end}}`)}}
	for published, want := range map[string]string{"2020-06-30": "nessuna legge", "2021-01-01": "legge 178/2020", "": "nessuna legge"} {
		hs[0].Edition.Published = time.Time{}
		if published != "" {
			hs[0].Edition.Published, _ = time.Parse(time.DateOnly, published)
		}
		doc, err := Build(context.Background(), Source{FS: fsys, Name: "t"}, hs, "it", Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got := prose(doc); strings.TrimSpace(got) != want {
			t.Errorf("published %q: %q, want %q", published, got, want)
		}
	}
}

// prose is the running text of a document: headings, paragraphs, list
// items and big numbers, without the captions and notes of tables and
// charts.
func prose(doc *document.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		switch bl := bl.(type) {
		case *document.Heading:
			b.WriteString(bl.Text + "\n")
		case *document.Paragraph:
			b.WriteString(spans(bl.Spans) + "\n")
		case *document.List:
			for _, it := range bl.Items {
				b.WriteString(spans(it.Spans) + "\n")
			}
		case *document.Numbers:
			for _, it := range bl.Items {
				b.WriteString(it.Value + " " + spans(it.Label) + "\n")
			}
		}
	}
	return b.String()
}

// deckProse is the running text of a deck: slide titles and their prose.
func deckProse(d *document.Deck) string {
	var b strings.Builder
	for _, s := range d.Slides {
		b.WriteString("# " + s.Title + "\n")
		b.WriteString(prose(&document.Document{Blocks: s.Blocks}))
	}
	return b.String()
}

// degenerate are the editions of testdata/editions (see its README.md).
var degenerate = []struct {
	name  string
	years []int
}{
	{"equal", []int{2022, 2023}},  // every record as the year before
	{"onenew", []int{2022}},       // one new project; no staff.yaml, no services.yaml
	{"ties", []int{2022}},         // ties in the top lists; a district with no table
	{"unseen", []int{2040, 2041}}, // another city: two projects, both new; a district with only a table; services all lower, staff unchanged
}

// never are words no report may print, whatever its data: the defects of
// issue 10.
var never = []*regexp.Regexp{
	regexp.MustCompile(`<no value>|%!|\.yaml|\.csv`),
	regexp.MustCompile(`(^|[^\d.,])1 (sono|progetti|tavoli|gruppi|persone|organizzazioni|contatti|utenti|beneficiari|were|projects|tables|groups|people|organisations|contacts|users|beneficiaries)\b`),
	regexp.MustCompile(`stabile \(0|\(0, [−+]?0|: 0, 0%|0, 0% persone`),
	regexp.MustCompile(`\b(in aumento|in calo|stabile|up|down|stable)\b \(`),
	regexp.MustCompile(`È curato da|curato da Comune|prepared by Comune`),
	regexp.MustCompile(`restano fertili|remain fertile|anche da sole|sustain themselves|autonomia raggiunta|autonomy achieved|filtra la domanda|filters demand`),
	regexp.MustCompile(`spesso nate nei laboratori|often born in the laboratories`),
	regexp.MustCompile(`Ufficio reti in ogni quartiere|networks office \(Ufficio reti\) in every district`),
	regexp.MustCompile(`parrocchie, scuole, biblioteche|parishes, schools, libraries`),
	regexp.MustCompile(`Co-gestione\*\*: la conduzione|Shared leadership\*\*`),
	regexp.MustCompile(`(è|sono|is|are) \*[^*]+\*`), // a label in italics mid-sentence
	regexp.MustCompile(`31/12`),
	// "Label: number." as a sentence of prose; numbers that run together
	regexp.MustCompile(`(nel|in) \d{4}: \d|al 31 dicembre: \d|on 31 December: \d|attivati nell’anno: \d|provided in the year: \d|\((progetti, tavoli, gruppi|projects, tables, groups)\): \d|\b(19|20)\d\d \d`),
	// Bologna's set-up said of any city: the unit's role, the tables' purposes
	regexp.MustCompile(`presidio di prossimità|local presence in the districts|scambiare informazioni, leggere i bisogni|exchange information, read needs`),
	// categories a city may not have, in a title
	regexp.MustCompile(`Utenti per target \(|Users by target \(`),
}

// semicolonsRE finds list items with their counts joined by semicolons,
// with no final "e": "adulti (28 progetti); famiglie (26 progetti)". The
// coverage's list of sources read (sourcesLine) is a list of records.
var (
	semicolonsRE = regexp.MustCompile(`\(\d[\d.,]*( (progett[oi]|tavol[oi]|grupp[oi]|projects?|tables?|groups?))?\); [^;()]*\(\d`)
	sourcesLine  = regexp.MustCompile(`Fonti lette|Sources read`)
)

// sharesRE finds a percentage without its decimal, "39%": shares have one
// decimal in a document, "39,0%" beside "24,5%".
var sharesRE = regexp.MustCompile(`(^|[^\d,.])\d+%`)

// TestDegenerateEditions builds the report and the slides of the editions
// of testdata/editions, in both languages, checks that no false or broken
// sentence is printed, and compares the document with a golden file.
func TestDegenerateEditions(t *testing.T) {
	for _, d := range degenerate {
		for _, lang := range []string{"it", "en"} {
			t.Run(d.name+"/"+lang, func(t *testing.T) {
				hs := history(t, filepath.Join("testdata", "editions", d.name), lang, d.years...)
				sub, _ := fs.Sub(templates.FS, lang)
				doc, err := Build(context.Background(), Source{FS: sub, Name: "templates/" + lang}, hs, lang, Limits{})
				if err != nil {
					t.Fatal(err)
				}
				deckFS, _ := fs.Sub(templates.FS, "slides/"+lang)
				deck, err := BuildDeck(context.Background(), Source{FS: deckFS, Name: "templates/slides/" + lang}, hs, lang, Limits{})
				if err != nil {
					t.Fatal(err)
				}
				text := prose(doc) + deckProse(deck)
				for i, re := range never {
					if m := re.FindString(text); m != "" {
						t.Errorf("rule %d: the text holds %q", i, m)
					}
				}
				for _, line := range strings.Split(text, "\n") {
					if m := semicolonsRE.FindString(line); m != "" && !sourcesLine.MatchString(line) {
						t.Errorf("a list joined by semicolons: %q", m)
					}
				}
				if m := sharesRE.FindString(text); m != "" {
					t.Errorf("a share without its decimal: %q", m)
				}
				checkTables(t, doc, lang) // dimension headers, several-answers base row, decimals
				checkEdition(t, d.name, lang, text)
				golden(t, dump(doc)+"\n"+dumpDeck(deck), filepath.Join("testdata", "editions", d.name+"-"+lang+".golden"))
			})
		}
	}
}

// checkEdition checks what each degenerate edition must and must not say.
func checkEdition(t *testing.T, name, lang, text string) {
	t.Helper()
	must := func(s string) {
		if !strings.Contains(text, s) {
			t.Errorf("the text does not say %q", s)
		}
	}
	mustNot := func(re string) {
		if m := regexp.MustCompile(re).FindString(text); m != "" {
			t.Errorf("the text holds %q", m)
		}
	}
	it := lang == "it"
	switch name {
	case "equal":
		// nothing changed: no change may be claimed
		mustNot(`cresciut|scesa|scesi|scese|sceso|rose by|fell by|in aumento|in calo|sostanzialmente|essentially`)
		if it {
			must("il numero dei progetti è rimasto invariato")
			must("la quota dei progetti nuovi è rimasta invariata")
		} else {
			must("the number of projects was unchanged")
		}
	case "onenew":
		if it {
			must("Di questi, 1 è stato avviato nel corso dell’anno")
			must("1 progetto nuovo nel 2022")
			must("I dati aggregati sul personale del")
		} else {
			must("Of these, 1 was started during the year")
			must("1 new project in 2022")
		}
	case "ties":
		// Oltretorrente has no table
		mustNot(`Un tavolo in ogni quartiere|A table in every district|tavoli[^.]*(attivi|presenti) in ogni quartiere|tables[^.]*active in every district`)
		if it {
			must("presenti in 3 quartieri su 4")
			must("i tavoli hanno più spesso alla guida, a pari merito,")
			must("le più frequenti, a pari merito, sono coprogrammazione e lavoro di rete (50,0% dei tavoli ciascuna)")
			must("Le finalità più frequenti, a pari merito, sono mutuo aiuto e socialità")
			must("Tavoli in 3 quartieri su 4")
			must("a pari merito")
		} else {
			must("active in 3 districts of 4")
			must("The tables are most often run by, tied,")
			must("the most frequent, tied, are coprogrammazione and lavoro di rete (50.0% of the tables each)")
			mustNot(`Most groups are run by`)
			must("Tables in 3 districts of 4")
			must("tied")
		}
		// themes 2, 2, 1, 1, 1: "the most frequent" stop before the tie of
		// 1s that would take in the rest of the list
		mustNot(`(2 tavoli|2 tables); [^.]*\(1 (tavolo|table)\)`)
		if it {
			must("le più frequenti, a pari merito, sono anzianità e fragilità; abitare e vicinato (2 tavoli ciascuna).")
		}
	case "unseen":
		// Montesarro 2041: two projects, both new, one in zones and one of a
		// district, with Third-sector partners only; groups and their
		// participants as in 2040; a goal of 2040 overdue without update
		mustNot(`Dati di esempio|Sample data|Bologna|Valtellaro|\b0 (progett|organizzazion|project|citywide|organisation)|già in corso danno|already under way give|Tutti i progetti censiti|All 2 projects|Sono stati avviati tutti|All were started| e ente|\| Voce|Item \|`)
		mustNot(`il numero dei gruppi è rimasto invariato|the number of groups was unchanged`)
		if it {
			must("Sono stati avviati entrambi nel corso dell")
			must("Entrambi i progetti censiti sono stati avviati nel 2041. I progetti nuovi hanno bisogno di accompagnamento per consolidarsi.")
			must("Per raggio di azione: 1 progetto su una o più zone (50,0%) e 1 progetto di quartiere (50,0%).")
			must("coinvolgono 3 organizzazioni distinte, tutte enti del Terzo settore.")
			must("Sono tutte enti del Terzo settore.")
			must("il numero dei gruppi e quello dei partecipanti sono rimasti invariati")
			must("ed ente filantropico")
			mustNot(`Di livello cittadino: il 0|il 0,0%`)
			must("I progetti inclusivi dichiarano 325 beneficiari; il servizio sociale territoriale ha avuto in carico nell’anno 4.080 utenti.")
			mustNot(`Beneficiari dichiarati dai progetti inclusivi:`)
			must("Entrambi i progetti hanno indicato le proprie attività")
			must("Ogni progetto mobilita in media 6,0 operatori") // a mean, with its decimal as in English
			must("sono nati entrambi i progetti.")
			mustNot(`2 progetti su 2`)
			must("per utente e di 171 euro per residente")
		} else {
			must("Both were started during the year")
			must("Both projects recorded were started in 2041. New projects need support to become established.")
			must("By reach: 1 project in one or more zones (50.0%) and 1 district project (50.0%).")
			must("involve 3 distinct organisations, all of them Third-sector entities.")
			must("All are Third-sector entities.")
			must("the numbers of groups and of participants were unchanged")
			must("per user and €171 per resident")
			mustNot(`\bn\.d\.`) // English says n/a, as the comparison does
			mustNot(`Citywide: 0`)
			must("The inclusive projects state 325 beneficiaries; the territorial social service had 4,080 users in its care during the year.")
			must("Both projects stated their activities")
			must("As for roles, 42.9% of the organisations play two or more of them")
			must("Both projects grew out of the area social plan workshops")
			mustNot(`2 projects out of 2|Of the 2 projects, 2`)
		}
	}
}
