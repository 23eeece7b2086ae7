package fonts

import "testing"

func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'a', true}, {'è', true}, {'€', true}, {'’', true}, {'–', true}, {'«', true},
		{'Ж', true}, {' ', true}, {Replacement, true},
		{'😀', false}, {'中', false}, {'ع', false}, {0, false}, {0x1b, false}, {0x07, false},
		{0x10FFFF + 1, false}, {-1, false},
	} {
		if got := Covers(tc.r); got != tc.want {
			t.Errorf("Covers(%U) = %v, want %v", tc.r, got, tc.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"Navile":          "Navile",
		"Casa 😀 aperta":   "Casa □ aperta",
		"中文":              "□□",
		"a\x00b\x1bc":     "a□b□c",
		"riga\nseconda\t": "riga seconda ",
		"\xff":            "□",
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}
