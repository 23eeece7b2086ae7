package pdf

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// fontDoc makes a one-page document in every style of the font family,
// whose font subsets hold the runes of text.
func fontDoc(t *testing.T, text string) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCreationDate(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	f.SetModificationDate(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	f.SetCatalogSort(true) // as newPDF: the same inputs give the same bytes
	RegisterFonts(f)
	f.AddPage()
	for _, style := range []string{"", "B", "I", "BI"} {
		f.SetFont(FontFamily, style, 12)
		f.Cell(0, 10, text)
		f.Ln(10)
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The fonts are parsed once per process (a patch to the vendored fpdf):
// a document's font subsets must not depend on the documents made before
// it or beside it.
func TestFontsParsedOnce(t *testing.T) {
	a := fontDoc(t, "Perché l’83% — città")
	b := fontDoc(t, "Ωmega ½ ≥ €1.000,00 «quoted»")
	if bytes.Equal(a, b) {
		t.Fatal("different texts gave the same document")
	}
	var wg sync.WaitGroup
	got := make([][]byte, 8)
	for i := range got {
		wg.Go(func() {
			if i%2 == 0 {
				got[i] = fontDoc(t, "Perché l’83% — città")
			} else {
				got[i] = fontDoc(t, "Ωmega ½ ≥ €1.000,00 «quoted»")
			}
		})
	}
	wg.Wait()
	for i, g := range got {
		want := a
		if i%2 == 1 {
			want = b
		}
		if !bytes.Equal(g, want) {
			t.Errorf("document %d differs from the same document made first", i)
		}
	}
}

// The glyph widths package chart takes from the TrueType files, rune by
// rune when first asked for, are the ones fpdf gives every rune of the
// BMP and above it, in every style, asked for from several goroutines at
// once.
func TestGlyphWidths(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	RegisterFonts(f)
	runes := []rune{0x10000, 0x1F600, -1}
	// U+0000 is left out: fpdf keeps a count in its width (a quirk), and
	// fonts.Printable never lets it reach a measure.
	for r := rune(1); r < 0x10000; r++ {
		runes = append(runes, r)
	}
	for _, style := range []string{"", "B", "I", "BI"} {
		f.SetFont(FontFamily, style, 10)
		want := make([]int, len(runes))
		for i, r := range runes {
			if r >= 0 && r < 0x10000 {
				want[i] = f.GetStringSymbolWidth(string(r))
			} else {
				want[i] = f.GetStringSymbolWidth("\U0001F600")
			}
		}
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				g := glyphs(style)
				for i, r := range runes {
					if got := g(r); got != want[i] {
						t.Errorf("style %q, rune %U: width %d, fpdf gives %d", style, r, got, want[i])
					}
				}
			})
		}
		wg.Wait()
	}
}
