package pdf

import (
	"bytes"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// pdfPages is the text of each page of a PDF, by pdftotext.
func pdfPages(t *testing.T, data []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: text checks skipped")
	}
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // the text ends with a form feed
}

const sampleIt = "Dati di esempio: i record di questa edizione sono sintetici e non descrivono progetti o persone reali."

// TestSampleReport: a sample document says so with its sentence on the
// cover and "Dati di esempio" in the footer of every other page, before
// the organisation and away from the page number; a document that is not
// sample says nothing of it.
func TestSampleReport(t *testing.T) {
	doc := testDocument()
	doc.Sample = sampleIt
	out, err := Report(doc, ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, out)
	if cover := strings.Join(strings.Fields(pages[0]), " "); !strings.Contains(cover, sampleIt) {
		t.Errorf("the cover lacks the sample sentence:\n%s", pages[0])
	}
	for i, p := range pages[1:] {
		lines := strings.Split(strings.TrimRight(p, "\n"), "\n")
		foot := strings.Join(strings.Fields(lines[len(lines)-1]), " ")
		if !strings.HasPrefix(foot, "Dati di esempio · Comune di Prova") || !strings.HasSuffix(foot, "di "+strconv.Itoa(len(pages))) {
			t.Errorf("page %d: footer %q", i+2, foot)
		}
	}
	plain, err := Report(testDocument(), ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pdfPages(t, plain) {
		if strings.Contains(p, "esempio") {
			t.Errorf("page %d of a document that is not sample says it is", i+1)
		}
	}
}

// TestSampleSlides: the title slide of a sample deck has the sentence,
// every other slide "Sample data" at its foot; a deck that is not sample
// has neither.
func TestSampleSlides(t *testing.T) {
	d := testDeck()
	d.Lang = "en"
	d.Sample = "Sample data: the records of this edition are synthetic and describe no real projects or people."
	th := DefaultSlideTheme()
	th.Footer = "Il lavoro di comunità · 2019"
	out, err := Slides(d, th)
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, out)
	if len(pages) != len(d.Slides) {
		t.Fatalf("%d pages for %d slides", len(pages), len(d.Slides))
	}
	if title := strings.Join(strings.Fields(pages[0]), " "); !strings.Contains(title, d.Sample) {
		t.Errorf("the title slide lacks the sample sentence:\n%s", pages[0])
	}
	for i, p := range pages[1:] {
		if !strings.Contains(p, "Sample data") {
			t.Errorf("slide %d does not say Sample data:\n%s", i+2, p)
		}
		if i+2 < len(pages) && !strings.Contains(strings.Join(strings.Fields(p), " "), "Sample data · Il lavoro di comunità · 2019") {
			t.Errorf("slide %d: the footer does not follow the notice:\n%s", i+2, p)
		}
	}
	plain, err := Slides(testDeck(), th)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pdfPages(t, plain) {
		if strings.Contains(p, "esempio") || strings.Contains(p, "Sample") {
			t.Errorf("slide %d of a deck that is not sample says it is", i+1)
		}
	}
}
