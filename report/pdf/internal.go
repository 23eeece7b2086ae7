package pdf

import "github.com/go-pdf/fpdf"

// internalBandH is the height of the band of a version for internal use,
// above the running header (report) and the logo (slides): it covers no
// text.
const internalBandH = 6.5

// internalBand draws the stamp of a version for internal use across the
// top of the current page: a red band, the stamp in white. Nothing
// without a stamp. The caller's remembered font is stale afterwards.
func internalBand(f *fpdf.Fpdf, stamp string, pageWidth float64) {
	if stamp == "" {
		return
	}
	f.SetFillColor(178, 34, 34)
	f.Rect(0, 0, pageWidth, internalBandH, "F")
	f.SetFont(FontFamily, "B", 9)
	f.SetTextColor(255, 255, 255)
	f.Text((pageWidth-f.GetStringWidth(stamp))/2, 4.6, stamp)
}
