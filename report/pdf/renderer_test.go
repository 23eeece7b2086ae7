package pdf

import (
	"testing"

	"rendiconto/report/chart"
)

// TestRestore checks that a chart leaves the document's colours and line
// width as it found them.
func TestRestore(t *testing.T) {
	f := newGalleryDoc()
	f.AddPage()
	f.SetFont(FontFamily, "", 11)
	f.SetDrawColor(1, 2, 3)
	f.SetFillColor(4, 5, 6)
	f.SetTextColor(7, 8, 9)
	f.SetLineWidth(0.7)
	d := chart.Data{Kind: chart.Line, Labels: []string{"2018", "2019"}, Series: gallerySeries(1, 2)}
	if err := DrawChart(f, 10, 10, 100, 60, d, DefaultStyle()); err != nil {
		t.Fatal(err)
	}
	if r, g, b := f.GetDrawColor(); r != 1 || g != 2 || b != 3 {
		t.Errorf("draw colour %d %d %d", r, g, b)
	}
	if r, g, b := f.GetFillColor(); r != 4 || g != 5 || b != 6 {
		t.Errorf("fill colour %d %d %d", r, g, b)
	}
	if r, g, b := f.GetTextColor(); r != 7 || g != 8 || b != 9 {
		t.Errorf("text colour %d %d %d", r, g, b)
	}
	if w := f.GetLineWidth(); w != 0.7 {
		t.Errorf("line width %v", w)
	}
	if size, _ := f.GetFontSize(); size != 11 {
		t.Errorf("font size %v", size)
	}
}
