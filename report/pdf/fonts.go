package pdf

import (
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-pdf/fpdf"
)

// FontFamily is the fpdf family name under which RegisterFonts registers
// the document's font.
const FontFamily = "sans"

// RegisterFonts registers Liberation Sans (SIL Open Font License, shipped
// inside the Go module github.com/go-fonts/liberation, so nothing comes from
// the system) as UTF-8 family "sans" in the styles regular, bold ("B"),
// italic ("I") and bold italic ("BI"). It covers Italian and the typographic
// quotes and dashes, and draws a plain zero, unlike the Go fonts' slashed one.
func RegisterFonts(f *fpdf.Fpdf) {
	f.AddUTF8FontFromBytes(FontFamily, "", liberationsansregular.TTF)
	f.AddUTF8FontFromBytes(FontFamily, "B", liberationsansbold.TTF)
	f.AddUTF8FontFromBytes(FontFamily, "I", liberationsansitalic.TTF)
	f.AddUTF8FontFromBytes(FontFamily, "BI", liberationsansbolditalic.TTF)
}
