package yamldata

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"rendiconto/report"
)

// TestFontWarnings: a character the report's font cannot draw is a warning
// at its line and column, naming the character; the edition still loads.
func TestFontWarnings(t *testing.T) {
	for _, tc := range []struct {
		file, old, new string
		want           []string
	}{
		{"edition.yaml", "name: Est", "name: Est 😀",
			[]string{`mem/2021/edition.yaml:9:17: warning: U+1F600 "😀" cannot be drawn by the report's font; it will print as □`}},
		{"projects.yaml", "name: Progetto", "name: 'Progetto 中文 عربي'",
			[]string{`mem/2021/projects.yaml:2:19: warning: U+4E2D "中", U+6587 "文", U+0639 "ع", … cannot be drawn by the report's font; they will print as □`}},
		{"vocabularies.yaml", "label: Anziani}", "label: \"Anziani \\U0001F475\"}",
			[]string{`mem/2021/vocabularies.yaml:1:33: warning: U+1F475 "👵" cannot be drawn by the report's font; it will print as □`}},
		{"projects.yaml", "name: Progetto", "name: Progetto è € – « » Ж", nil},
	} {
		fsys := validFS()
		data := string(fsys["2021/"+tc.file].Data)
		if !strings.Contains(data, tc.old) {
			t.Fatalf("%s has no %q", tc.file, tc.old)
		}
		fsys["2021/"+tc.file] = &fstest.MapFile{Data: []byte(strings.Replace(data, tc.old, tc.new, 1))}
		_, warnings, err := LoadFS(fsys, "mem", 2021)
		if err != nil {
			t.Errorf("%s: %v", tc.new, err)
			continue
		}
		var got []string
		for _, w := range warnings {
			got = append(got, w.String())
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", tc.new, got, tc.want)
		}
	}
}

// TestFontWarningsAreBounded: a file full of undrawable names gives a
// bounded number of warnings and a count of the rest.
func TestFontWarningsAreBounded(t *testing.T) {
	fsys := validFS()
	var b strings.Builder
	for i := range 500 {
		b.WriteString("- {id: o" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ", name: 中, kind: aps}\n")
	}
	b.WriteString("- {id: o1, name: Uno, kind: aps}\n- {id: o2, name: Due, kind: aps}\n")
	fsys["2021/organisations.yaml"] = &fstest.MapFile{Data: []byte(b.String())}
	_, warnings, err := LoadFS(fsys, "mem", 2021)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(warnings); n != maxFontWarnings+1 || !strings.Contains(warnings[n-1].Msg, "480 more texts") {
		t.Errorf("%d warnings, last %v", n, warnings[n-1])
	}
}

// TestCatalogueNumbers: per, factor and condition bounds are finite
// numbers in range, and a refusal says what was given.
func TestCatalogueNumbers(t *testing.T) {
	base := `indicators:
  - id: x
    title: {it: X}
    unit: {it: u}
    definition: {it: d}
    measure: gap
    numerator: 1
    denominator: residents
    parts: [{key: k, label: {it: K}, per: PER}]
`
	for per, want := range map[string]string{
		"0":       "c.yaml:9:43: per must be a number above zero, not 0",
		"-3":      "c.yaml:9:43: per must be a number above zero, not -3",
		"1e-320":  "c.yaml:9:43: per must be between 0.000001 and 1000000000000, not 1e-320",
		"1e300":   "c.yaml:9:43: per must be between 0.000001 and 1000000000000, not 1e300",
		".inf":    "c.yaml:9:43: per must be a finite number, not .inf",
		".nan":    "c.yaml:9:43: per must be a finite number, not .nan",
		"ten":     `c.yaml:9:43: per must be a number, not "ten"`,
		"[1]":     "c.yaml:9:43: per must be a number, not a list",
		"5000":    "",
		"0.00001": "",
	} {
		_, err := ParseCatalogue("c.yaml", []byte(strings.Replace(base, "PER", per, 1)))
		var list report.ErrorList
		errors.As(err, &list)
		got := ""
		for _, e := range list {
			if strings.Contains(e.Msg, "per ") {
				got = e.Error()
			}
		}
		if got != want {
			t.Errorf("per: %s: got %q, want %q (all: %v)", per, got, want, err)
		}
	}
	cond := strings.Replace(strings.Replace(base, "measure: gap", "source: projects\n    measure: share\n    where: [{field: beneficiaries.total, min: .nan}]", 1), "    numerator: 1\n    denominator: residents\n    parts: [{key: k, label: {it: K}, per: PER}]\n", "", 1)
	if _, err := ParseCatalogue("c.yaml", []byte(cond)); err == nil || !strings.Contains(err.Error(), "min must be a finite number, not .nan") {
		t.Errorf("min: .nan: %v", err)
	}
}

// TestManyWrongReferences: thousands of unknown organisations among
// thousands of known ones are all reported, quickly: hints stop after the
// first maxHints (each compares a word with the whole list).
func TestManyWrongReferences(t *testing.T) {
	fsys := validFS()
	var orgs, refs strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&orgs, "- {id: org-%05d, name: O, kind: aps}\n", i)
		fmt.Fprintf(&refs, "orx-%05d, ", i)
	}
	fsys["2021/organisations.yaml"] = &fstest.MapFile{Data: []byte(orgs.String())}
	p := string(fsys["2021/projects.yaml"].Data)
	fsys["2021/projects.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(p, "organisations: [o1, o2]", "organisations: ["+refs.String()+"o1]", 1))}
	start := time.Now()
	_, _, err := LoadFS(fsys, "mem", 2021)
	var list report.ErrorList
	errors.As(err, &list)
	hints := 0
	for _, e := range list {
		if strings.Contains(e.Msg, "did you mean") {
			hints++
		}
	}
	if d := time.Since(start); len(list) < 5000 || hints != maxHints || d > 5*time.Second {
		t.Errorf("%d errors, %d hints, %v", len(list), hints, d)
	}
}

// TestOneLineFields: a name holding a line break of any kind, or a tab, is
// an error; a figure's note may span lines.
func TestOneLineFields(t *testing.T) {
	for in, want := range map[string]string{
		`"Progetto\nsecondo"`:        "name must be on one line, but it holds a line break",
		`"Progetto\u2028secondo"`:    "name must be on one line, but it holds a line break",
		`"Progetto\tsecondo"`:        "name must be on one line, but it holds a tab",
		`"Progetto\rsecondo"`:        "control character U+000D in text: remove it",
		`"Progetto\u0085secondo"`:    "control character U+0085 in text: remove it",
		`"Progetto\u200bsecondo"`:    "",
		`"Progetto secondo"`:         "",
		"|\n    Progetto\n    due\n": "name must be on one line, but it holds a line break",
	} {
		fsys := validFS()
		p := string(fsys["2021/projects.yaml"].Data)
		fsys["2021/projects.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(p, "name: Progetto\n", "name: "+in+"\n", 1))}
		_, _, err := LoadFS(fsys, "mem", 2021)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, want) || (want == "") != (err == nil) {
			t.Errorf("name: %s: got %v, want %q", in, err, want)
		}
	}
	fsys := validFS()
	s := string(fsys["2021/staff.yaml"].Data)
	fsys["2021/staff.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(s, "- measure: fte\n", "- measure: fte\n  note: |\n    prima riga\n    seconda\triga\n", 1))}
	if _, _, err := LoadFS(fsys, "mem", 2021); err != nil {
		t.Errorf("a note on two lines: %v", err)
	}
}

// TestReplacementCharacter: U+FFFD in a text (a character lost when the
// file was converted) is an error that says so, not a "control character".
func TestReplacementCharacter(t *testing.T) {
	fsys := validFS()
	data := string(fsys["2021/projects.yaml"].Data)
	fsys["2021/projects.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(data, "name: Progetto", "name: Progetto \uFFFD", 1))}
	_, _, err := LoadFS(fsys, "mem", 2021)
	if err == nil || !strings.Contains(err.Error(), "mem/2021/projects.yaml:2:") ||
		!strings.Contains(err.Error(), "U+FFFD, the mark of a character lost when the text was converted") {
		t.Errorf("got %v", err)
	}
}

// TestColumnAfterUndrawable: the column of an error that follows a
// character the font lacks counts that character.
func TestColumnAfterUndrawable(t *testing.T) {
	fsys := validFS()
	data := string(fsys["2021/projects.yaml"].Data)
	fsys["2021/projects.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(data, "name: Progetto", "name: Progetto 😀 \uFFFD", 1))}
	_, _, err := LoadFS(fsys, "mem", 2021)
	// "  name: " is 8 columns, "Progetto 😀 " 11 more: U+FFFD is the 20th.
	if err == nil || !strings.HasPrefix(err.Error(), "mem/2021/projects.yaml:2:20: U+FFFD") {
		t.Errorf("got %v", err)
	}
}

// TestLineBreak checks lineBreak against strings.IndexAny, which it stands
// in for.
func TestLineBreak(t *testing.T) {
	for _, s := range []string{"", "abc", "a\nb", "a\rb", "a\tb", "città\u2028x", "x\u2029", "\u2027\u202a", "è\u2028\n", "\xe2", "a\xe2\x80"} {
		if got, want := lineBreak(s), strings.IndexAny(s, "\n\r\t\u2028\u2029"); got != want {
			t.Errorf("lineBreak(%q) = %d, want %d", s, got, want)
		}
	}
}
