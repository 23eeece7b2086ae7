package words

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"testing"
)

// verbs matches the verbs of a format string, %% included.
var verbs = regexp.MustCompile(`%[-+# 0]*[0-9*]*(?:\.[0-9*]*)?[a-zA-Z%]`)

// TestEveryPhraseInEveryLanguage: every phrase of Italian is there in
// English and the other way round, and each has the same format verbs in
// the same order, so that no output prints "%!d(MISSING)" or an empty
// header in one language.
func TestEveryPhraseInEveryLanguage(t *testing.T) {
	n, problems := compare("Words", reflect.ValueOf(it), reflect.ValueOf(en), "")
	for _, p := range problems {
		t.Error(p)
	}
	if n < 250 {
		t.Errorf("only %d phrases compared: the walk missed some", n)
	}
}

// compare checks the phrases of a and b (values of the same type): it
// returns how many it compared and what is wrong.
func compare(path string, a, b reflect.Value, tag reflect.StructTag) (int, []string) {
	var problems []string
	n := 0
	add := func(m int, ps []string) { n, problems = n+m, append(problems, ps...) }
	switch a.Kind() {
	case reflect.String:
		x, y := a.String(), b.String()
		if (x == "" || y == "") && tag.Get("words") != "optional" {
			problems = append(problems, fmt.Sprintf("%s: empty in a language: %q, %q", path, x, y))
		}
		if vx, vy := verbs.FindAllString(x, -1), verbs.FindAllString(y, -1); !slices.Equal(vx, vy) {
			problems = append(problems, fmt.Sprintf("%s: format verbs %q in Italian, %q in English", path, vx, vy))
		}
		return 1, problems
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			add(compare(path+"."+f.Name, a.Field(i), b.Field(i), f.Tag))
		}
	case reflect.Array:
		for i := range a.Len() {
			add(compare(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i), tag))
		}
	case reflect.Map:
		for _, k := range a.MapKeys() {
			if v := b.MapIndex(k); v.IsValid() {
				add(compare(fmt.Sprintf("%s[%q]", path, k), a.MapIndex(k), v, tag))
			} else {
				problems = append(problems, fmt.Sprintf("%s[%q]: missing in English", path, k))
			}
		}
		for _, k := range b.MapKeys() {
			if !a.MapIndex(k).IsValid() {
				problems = append(problems, fmt.Sprintf("%s[%q]: missing in Italian", path, k))
			}
		}
	default:
		problems = append(problems, fmt.Sprintf("%s: a %s in the table", path, a.Kind()))
	}
	return n, problems
}

// TestCompareCatches: the check fails on a phrase missing, with other
// verbs, or on a key of one language only, so that a passing
// TestEveryPhraseInEveryLanguage means something.
func TestCompareCatches(t *testing.T) {
	for name, spoil := range map[string]func(w *Words){
		"verbs":   func(w *Words) { w.PDF.Page = "page %d" },
		"empty":   func(w *Words) { w.Story.Quote = "" },
		"array":   func(w *Words) { w.Months[11] = "" },
		"map key": func(w *Words) { w.Goals = map[string]string{"done": "done"} },
	} {
		b := en
		spoil(&b)
		if _, problems := compare("Words", reflect.ValueOf(it), reflect.ValueOf(b), ""); len(problems) == 0 {
			t.Errorf("%s: not caught", name)
		}
	}
}

func TestFor(t *testing.T) {
	for lang, want := range map[string]string{"it": "Totale", "en": "Total", "": "Totale", "fr": "Totale"} {
		if got := For(lang).Total; got != want {
			t.Errorf("For(%q).Total = %q, want %q", lang, got, want)
		}
	}
}
