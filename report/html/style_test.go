package html

import (
	"regexp"
	"strings"
	"testing"
)

// rule is a rule of the style sheet: its selectors, its text colour and
// its background ("" when it sets none).
type cssRule struct {
	selectors []string
	color, bg string
}

var hexRE = regexp.MustCompile(`#[0-9a-fA-F]{3,6}\b`)

// parseRules reads the rules of a style sheet; the rules inside an @media
// block are read as the others (the print sheet's colours are checked
// too).
func parseRules(t *testing.T, sheet string) []cssRule {
	var rules []cssRule
	for len(sheet) > 0 {
		open := strings.IndexByte(sheet, '{')
		if open < 0 {
			break
		}
		head := strings.TrimSpace(strings.TrimLeft(sheet[:open], "}\n "))
		sheet = sheet[open+1:]
		if strings.HasPrefix(head, "@media") {
			continue // its rules follow
		}
		end := strings.IndexByte(sheet, '}')
		if end < 0 {
			t.Fatalf("rule %q not closed", head)
		}
		r := cssRule{}
		for _, s := range strings.Split(head, ",") {
			r.selectors = append(r.selectors, strings.TrimSpace(s))
		}
		for _, d := range strings.Split(sheet[:end], ";") {
			k, v, ok := strings.Cut(d, ":")
			if !ok {
				continue
			}
			k = strings.TrimSpace(k)
			switch {
			case k == "color":
				r.color = hexRE.FindString(v)
				if r.color == "" {
					t.Errorf("%s: color %q is not a hex colour the test can check", head, v)
				}
			case k == "background" || k == "background-color":
				r.bg = hexRE.FindString(v)
				if r.bg == "" {
					t.Errorf("%s: background %q is not a hex colour the test can check", head, v)
				}
			}
		}
		rules = append(rules, r)
		sheet = sheet[end+1:]
	}
	return rules
}

// TestContrast parses the style sheet's colours and checks every text
// colour against the backgrounds it can stand on, for the default accent
// and for configured accents too light or too dark, which accentColour
// must make readable. A rule with a colour and a background of its own
// is a box: its colour is checked on its background, and so are the
// colours of the rules inside it (their selectors start with its own). A
// colour set alone is checked on every background that comes without a
// colour of its own (the page, the table headers' tint…).
func TestContrast(t *testing.T) {
	for _, accent := range []string{"", DefaultAccent, "#2a9d8f", "#e9a23b", "#ffdd00", "#ffffff", "#000000", "#5c8fb8"} {
		a, err := accentColour(accent)
		if err != nil {
			t.Fatal(err)
		}
		rules := parseRules(t, styleSheet(a))
		if len(rules) < 40 {
			t.Fatalf("only %d rules read: the parser is off", len(rules))
		}
		surfaces := []string{"#ffffff"} // the page
		var boxes []cssRule
		for _, r := range rules {
			switch {
			case r.bg != "" && r.color == "":
				surfaces = append(surfaces, r.bg)
			case r.bg != "" && r.color != "":
				boxes = append(boxes, r)
			}
		}
		check := func(sel, fg, bg string) {
			f, err1 := parseHex(fg)
			b, err2 := parseHex(bg)
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: %v %v", sel, err1, err2)
			}
			if c := contrast(f, b); c < MinContrast {
				t.Errorf("accent %q: %s: %s on %s has contrast %.2f, less than %.1f", accent, sel, fg, bg, c, MinContrast)
			}
		}
		checked := 0
		for _, r := range rules {
			if r.color == "" {
				continue
			}
			if r.bg != "" {
				check(strings.Join(r.selectors, ","), r.color, r.bg)
				checked++
				continue
			}
			for _, sel := range r.selectors {
				inside := false
				for _, box := range boxes {
					for _, bs := range box.selectors {
						if strings.HasPrefix(sel, bs+" ") {
							check(sel, r.color, box.bg)
							inside = true
						}
					}
				}
				if !inside {
					for _, bg := range surfaces {
						check(sel, r.color, bg)
					}
				}
				checked++
			}
		}
		if checked < 15 {
			t.Errorf("accent %q: only %d text colours checked", accent, checked)
		}
	}
}

func TestReadable(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"#1f5f8b", "#1f5f8b"}, // passes: unchanged
		{"#000", "#000000"},
	} {
		got, err := Readable(tt.in, "#ffffff", "#eef3f7")
		if err != nil || got != tt.want {
			t.Errorf("Readable(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	// too light: darkened, its hue kept, until it passes, and no further
	got, err := Readable("#e9a23b", "#ffffff")
	if err != nil {
		t.Fatal(err)
	}
	c, _ := parseHex(got)
	if contrast(c, rgb{255, 255, 255}) < MinContrast {
		t.Errorf("Readable(#e9a23b) = %s: contrast %.2f", got, contrast(c, rgb{255, 255, 255}))
	}
	if got == "#000000" || c.r <= c.g || c.g <= c.b {
		t.Errorf("Readable(#e9a23b) = %s: the ochre is lost", got)
	}
	if _, err := Readable("blue", "#fff"); err == nil {
		t.Error("Readable(blue): no error")
	}
	// WCAG's own examples
	if got := contrast(rgb{0, 0, 0}, rgb{255, 255, 255}); got < 20.99 || got > 21.01 {
		t.Errorf("black on white: %.3f, want 21", got)
	}
	if got := contrast(rgb{0x76, 0x76, 0x76}, rgb{255, 255, 255}); got < 4.5 || got > 4.6 {
		t.Errorf("#767676 on white: %.3f, want 4.54", got)
	}
}
