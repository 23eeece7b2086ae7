package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/go-pdf/fpdf"
)

// TestTextOperator checks the text operator that fpdf's Text writes for the
// document's font (the patched textUTF8 of third_party/fpdf): the position
// with two decimals, the text in UTF-16BE with backslash, parentheses and
// carriage return escaped, wrapped in its colour when the text colour
// differs from the fill.
func TestTextOperator(t *testing.T) {
	for _, tc := range []struct {
		s      string
		colour bool
	}{
		{"Navile", false},
		{"perché “così” – 17 % (n.d.)", false},
		{`a\b(c)d` + "\r" + "€", true},
		{"", true},
		{"((\\))", false},
	} {
		f := fpdf.New("P", "mm", "A4", "")
		RegisterFonts(f)
		f.SetCompression(false)
		f.AddPage()
		f.SetFont(FontFamily, "", 10)
		if tc.colour {
			f.SetTextColor(200, 10, 10)
		}
		f.Text(12.345, 67.891, tc.s)
		var buf bytes.Buffer
		if err := f.Output(&buf); err != nil {
			t.Fatal(err)
		}
		var esc strings.Builder
		for _, u := range utf16.Encode([]rune(tc.s)) {
			for _, c := range []byte{byte(u >> 8), byte(u)} {
				switch c {
				case '\\', '(', ')':
					esc.WriteByte('\\')
					esc.WriteByte(c)
				case '\r':
					esc.WriteString(`\r`)
				default:
					esc.WriteByte(c)
				}
			}
		}
		k := f.GetConversionRatio()
		_, h := f.GetPageSize()
		want := fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", 12.345*k, (h-67.891)*k, esc.String())
		if tc.colour {
			want = "q 0.784 0.039 0.039 rg " + want + " Q"
		}
		if !bytes.Contains(buf.Bytes(), []byte("\n"+want+"\n")) {
			t.Errorf("%q: the page has no line %q", tc.s, want)
		}
	}
}
