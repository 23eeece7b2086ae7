package pdf

import (
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// FontFamily is the fpdf family name under which RegisterFonts registers the
// Go fonts.
const FontFamily = "go"

// RegisterFonts registers the Go fonts as UTF-8 family "go" in the styles
// regular, bold ("B"), italic ("I") and bold italic ("BI").
func RegisterFonts(f *fpdf.Fpdf) {
	f.AddUTF8FontFromBytes(FontFamily, "", goregular.TTF)
	f.AddUTF8FontFromBytes(FontFamily, "B", gobold.TTF)
	f.AddUTF8FontFromBytes(FontFamily, "I", goitalic.TTF)
	f.AddUTF8FontFromBytes(FontFamily, "BI", gobolditalic.TTF)
}
