package pdf

import (
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"rendiconto/report/document"
)

// newPDF starts a PDF of pages of the given size in millimetres, with the
// document's font and metadata. The dates come from the edition and the
// catalog is sorted, so the same inputs give the same bytes. author signs
// the PDF; empty, the front matter's organisation does.
func newPDF(size fpdf.SizeType, fm document.Front, author string) *fpdf.Fpdf {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: size})
	RegisterFonts(f)
	f.SetCompression(true)
	f.SetCatalogSort(true)
	if author == "" {
		author = fm.Organisation
	}
	fm, author = metaFront(fm), metaText(author)
	f.SetTitle(fm.Title+" – "+fm.Subtitle, true)
	f.SetDisplayDocTitle(true)
	f.SetAuthor(author, true)
	f.SetSubject(fm.Subtitle, true)
	f.SetKeywords(strings.Join(fm.Keywords, ", "), true)
	f.SetCreator("rendiconto", true)
	f.SetProducer("rendiconto", true)
	f.SetLang(map[string]string{"it": "it-IT", "en": "en-GB"}[fm.Lang])
	date := fm.Date
	if date.IsZero() {
		// fpdf would take the clock: the end of the edition's year keeps
		// the bytes the same from run to run.
		date = time.Date(fm.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	return f
}
