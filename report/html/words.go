package html

import (
	"strings"

	"rendiconto/report/words"
)

// pageWords are the page's own words in one language, from the program's
// table of words (package words): the web edition's, and the PDF's where
// the two say the same.
type pageWords struct {
	skip, contents, chartData, figure, table  string
	partners, edition, category, value, total string
	share, na, sample, naLong, noData         string
}

// wordsFor is the words of lang, Italian when it is neither it nor en.
func wordsFor(lang string) pageWords {
	w := words.For(lang)
	return pageWords{
		skip: w.Web.Skip, contents: w.PDF.Contents, chartData: w.Web.ChartData,
		figure: w.PDF.Figure, table: w.PDF.Table, partners: strings.TrimSpace(w.PDF.Partnership),
		edition: w.PDF.Edition, category: w.Item, value: w.Web.Value, total: w.Total,
		share: w.Web.Share, na: "–", naLong: w.Web.NA, sample: w.PDF.Sample,
		noData: w.Chart.NoData,
	}
}
