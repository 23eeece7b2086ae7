package pdf

import (
	"github.com/go-pdf/fpdf"

	"rendiconto/report/fonts"
)

// FontFamily is the fpdf family name under which RegisterFonts registers
// the document's font.
const FontFamily = "sans"

// RegisterFonts registers Liberation Sans (see package fonts) as UTF-8
// family "sans" in the styles regular, bold ("B"), italic ("I") and bold
// italic ("BI"). It covers Italian and the typographic quotes and dashes,
// and draws a plain zero, unlike the Go fonts' slashed one.
func RegisterFonts(f *fpdf.Fpdf) {
	for _, style := range []string{"", "B", "I", "BI"} {
		f.AddUTF8FontFromBytes(FontFamily, style, fonts.Styles[style])
	}
}
