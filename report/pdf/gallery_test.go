package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	gochart "github.com/wcharczuk/go-chart/v2"

	"rendiconto/report/chart"
	"rendiconto/report/document"
)

var galleryDir = flag.String("gallery", "", "write gallery.pdf, every chart kind with awkward data, to this directory")

// galleryCase is a page of the gallery: a chart and the words its page
// must show.
type galleryCase struct {
	name  string
	data  chart.Data
	words []string // besides the labels and series names
}

// galleryDataset is awkward data for any kind, named for the gallery.
type galleryDataset struct {
	name    string
	title   string
	labels  []string
	series  []chart.Series
	percent bool
	words   []string
	multi   bool // several series: only for stacked and line
}

func gallerySeries(values ...float64) []chart.Series {
	return []chart.Series{{Name: "Valore", Values: values}}
}

func galleryDatasets() []galleryDataset {
	zone := make([]string, 25)
	many := make([]float64, 25)
	for i := range zone {
		zone[i] = fmt.Sprintf("Zona %d", i+1)
		many[i] = float64((i*7919)%1000) * 13
	}
	long := []string{
		"Socialità e contrasto alla solitudine",
		"San Donato-San Vitale",
		"Educazione, formazione e lavoro",
		"Cultura, sport e tempo libero",
		"Ambiente e cura del territorio",
		"Salute",
	}
	districts := []string{"Borgo Panigale-Reno", "Navile", "Porto-Saragozza", "San Donato-San Vitale", "Santo Stefano", "Savena"}
	return []galleryDataset{
		{name: "zero righe"},
		{name: "una riga", labels: []string{"Navile"}, series: gallerySeries(1234)},
		{name: "25 righe", labels: zone, series: gallerySeries(many...)},
		{name: "etichette lunghe", labels: long, series: gallerySeries(14844, 5210, 980, 12000, 7400, 150)},
		{name: "tutti zero", labels: []string{"A", "B", "C", "D"}, series: gallerySeries(0, 0, 0, 0), words: []string{"0"}},
		{name: "0 accanto a 100000", labels: []string{"Nessuno", "Tutti", "Alcuni"}, series: gallerySeries(0, 100000, 14844),
			words: []string{"100.000", "14.844"}},
		{name: "percentuali", labels: []string{"Giovani", "Adulti", "Anziani", "Non indicato"},
			series: gallerySeries(0.172, 0.35, 0.05, 0.428), percent: true, words: []string{"17,2%", "35,0%", "42,8%"}},
		{name: "con titolo", title: "Persone raggiunte dai progetti per quartiere di residenza, edizione 2024 del bando",
			labels: districts, series: gallerySeries(320, 1450, 870, 2210, 640, 1105), words: []string{"Persone", "2.210"}},
		{name: "tre serie 2018-2020", labels: []string{"2018", "2019", "2020"}, multi: true,
			series: []chart.Series{
				{Name: "Progetti finanziati", Values: []float64{42, 51, 47}},
				{Name: "Progetti conclusi", Values: []float64{38, 44, 46}},
				{Name: "Progetti con partner", Values: []float64{12, 20, 31}},
			}},
		{name: "quartieri per ambito", labels: districts, multi: true,
			series: []chart.Series{
				{Name: "Socialità", Values: []float64{120, 340, 210, 400, 90, 160}},
				{Name: "Educazione", Values: []float64{80, 150, 300, 120, 210, 70}},
				{Name: "Cultura", Values: []float64{60, 20, 140, 90, 180, 40}},
			}},
	}
}

func galleryCases() []galleryCase {
	var cases []galleryCase
	for _, k := range document.ChartKinds() {
		for _, ds := range galleryDatasets() {
			if ds.multi && k != chart.Stacked && k != chart.Line && k != chart.Spark || k == chart.Spark && (!ds.multi || ds.name != "tre serie 2018-2020") {
				continue // a sparkline table, of years, has its own cases below
			}
			d := chart.Data{Kind: k, Title: ds.title, Labels: ds.labels, Series: ds.series, Percent: ds.percent}
			cases = append(cases, galleryCase{name: k + ": " + ds.name, data: d, words: ds.words})
		}
	}
	years := []string{"2018", "2019", "2020"}
	cases = append(cases, galleryCase{name: "spark: lacune e quote", data: chart.Data{Kind: chart.Spark, Labels: years, Percent: true,
		Series: []chart.Series{
			{Name: "Quota di progetti nuovi", Values: []float64{0.1875, math.NaN(), 0.214}},
			{Name: "Quota di organizzazioni con due o più ruoli", Values: []float64{0.478, 0.549, 0.545}},
			{Name: "Quota costante", Values: []float64{0.5, 0.5, 0.5}},
		}}, words: []string{"18,8%", "–", "21,4%", "50,0%"}})
	cases = append(cases, galleryCase{name: "spark: conteggi accanto a tassi", data: chart.Data{Kind: chart.Spark, Labels: years,
		Series: []chart.Series{
			{Name: "Utenti in carico", Values: []float64{24050, 25310, 26715}},
			{Name: "Utenti per assistente sociale", Values: []float64{174.02, 178.74, 184.37}},
			{Name: "Nessun valore", Values: []float64{math.NaN(), math.NaN(), math.NaN()}},
		}}, words: []string{"24.050", "26.715", "174,0", "184,4"}})
	cases = append(cases, galleryCase{name: "spark: quattordici righe e un anno solo", data: chart.Data{Kind: chart.Spark, Labels: []string{"2020"},
		Series: func() []chart.Series {
			var ss []chart.Series
			for i := range 14 {
				ss = append(ss, chart.Series{Name: fmt.Sprintf("Indicatore %d", i+1), Values: []float64{float64(i * 10)}})
			}
			return ss
		}()}, words: []string{"130"}})
	cases = append(cases, galleryCase{name: "dumbbell: quartieri 2019 e 2020", data: chart.Data{Kind: chart.Dumbbell, Labels: []string{"Borgo Panigale-Reno", "Navile", "Porto-Saragozza", "San Donato-San Vitale", "Santo Stefano", "Savena"},
		Series: []chart.Series{{Name: "2019", Values: []float64{320, 1450, 870, 2210, 640, 1105}}, {Name: "2020", Values: []float64{410, 1300, 870, 2500, 0, 1200}}}},
		words: []string{"2019", "2020", "1.450", "1.300", "2.500"}})
	cases = append(cases, galleryCase{name: "dumbbell: quote, tre edizioni", data: chart.Data{Kind: chart.Dumbbell, Percent: true,
		Labels: []string{"Giovani", "Adulti", "Anziani"},
		Series: []chart.Series{{Name: "2018", Values: []float64{0.172, 0.35, 0.05}}, {Name: "2019", Values: []float64{0.2, 0.3, 0.1}}, {Name: "2020", Values: []float64{0.25, 0.3, 0.12}}}},
		words: []string{"17,2%", "25,0%", "30,0%"}})
	cases = append(cases, galleryCase{name: "hbar: negativi", data: chart.Data{Kind: chart.HBar,
		Labels: []string{"Entrate", "Uscite correnti", "Saldo"}, Series: gallerySeries(52000, -61000, -9000)},
		words: []string{"−61.000"}})
	cases = append(cases, galleryCase{name: "bar: negativi", data: chart.Data{Kind: chart.Bar,
		Labels: []string{"2021", "2022", "2023", "2024"}, Series: gallerySeries(-1200, 3400, -500, 800)},
		words: []string{"−1.200", "3.400"}})
	return cases
}

// newGalleryDoc returns a deterministic A4 document with the Go fonts.
func newGalleryDoc() *fpdf.Fpdf {
	f := fpdf.New("P", "mm", "A4", "")
	RegisterFonts(f)
	f.SetCatalogSort(true)
	date := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	return f
}

// buildGallery draws each case on its own page, under a heading naming it.
func buildGallery(cases []galleryCase) ([]byte, error) {
	f := newGalleryDoc()
	for _, gc := range cases {
		f.AddPage()
		f.SetFont(FontFamily, "B", 11)
		f.Text(20, 20, gc.name)
		// A frame around the chart's rectangle, to see overflows.
		f.SetDrawColor(230, 120, 120)
		f.SetLineWidth(0.1)
		f.Rect(20, 30, 170, 100, "D")
		if err := DrawChart(f, 20, 30, 170, 100, gc.data, DefaultStyle()); err != nil {
			return nil, fmt.Errorf("%s: %w", gc.name, err)
		}
		// The same chart smaller, as a half-column figure.
		f.Rect(20, 150, 80, 60, "D")
		if err := DrawChart(f, 20, 150, 80, 60, gc.data, DefaultStyle()); err != nil {
			return nil, fmt.Errorf("%s (small): %w", gc.name, err)
		}
	}
	if err := goChartPage(f); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err := f.Output(&buf)
	return buf.Bytes(), err
}

// goChartPage draws go-chart's own charts through a Renderer.
func goChartPage(f *fpdf.Fpdf) error {
	f.AddPage()
	f.SetFont(FontFamily, "B", 11)
	f.Text(20, 20, "go-chart attraverso Renderer")
	r := NewRenderer(f, 20, 30, 170, 100, FontFamily)
	w, h := r.Size()
	line := gochart.Chart{
		Width: w, Height: h, DPI: RendererDPI,
		XAxis: gochart.XAxis{Name: "Anno"},
		YAxis: gochart.YAxis{Name: "Progetti"},
		Series: []gochart.Series{gochart.ContinuousSeries{
			XValues: []float64{1, 2, 3, 4, 5},
			YValues: []float64{3, 5, 4, 8, 6},
		}},
	}
	if err := line.Render(r.Provider(), nil); err != nil {
		return fmt.Errorf("go-chart line: %w", err)
	}
	r = NewRenderer(f, 20, 140, 100, 100, FontFamily)
	w, h = r.Size()
	pie := gochart.PieChart{
		Width: w, Height: h, DPI: RendererDPI,
		Values: []gochart.Value{{Value: 5, Label: "Cinque"}, {Value: 3, Label: "Tre"}, {Value: 2, Label: "Due"}},
	}
	if err := pie.Render(r.Provider(), nil); err != nil {
		return fmt.Errorf("go-chart pie: %w", err)
	}
	return nil
}

func TestGallery(t *testing.T) {
	cases := galleryCases()
	a, err := buildGallery(cases)
	if err != nil {
		t.Fatal(err)
	}
	b, err := buildGallery(cases)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) == 0 {
		t.Fatal("empty PDF")
	}
	if !bytes.Equal(a, b) {
		t.Error("two runs gave different bytes")
	}
	if bytes.Contains(a, []byte("/Subtype /Image")) {
		t.Error("the PDF holds an image")
	}
	dir := *galleryDir
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "gallery.pdf")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, a, 0o644); err != nil {
		t.Fatal(err)
	}
	checkText(t, path, cases)
}

// checkText checks with pdftotext that each page shows its labels' words,
// series names and expected ticks and values.
func checkText(t *testing.T, path string, cases []galleryCase) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: text not checked")
		return
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	for i, gc := range cases {
		text := strings.Join(strings.Fields(pages[i]), " ")
		want := append([]string(nil), gc.words...)
		for _, l := range gc.data.Labels {
			want = append(want, strings.Fields(l)...)
		}
		for _, s := range gc.data.Series {
			if len(gc.data.Series) > 1 {
				want = append(want, strings.Fields(s.Name)...)
			}
		}
		if len(gc.data.Labels) == 0 {
			want = append(want, "nessun dato")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("page %d (%s): %q not in the text", i+1, gc.name, w)
			}
		}
		years := strings.Contains(strings.Join(gc.data.Labels, " "), "20")
		if years && (strings.Contains(text, "2.01") || strings.Contains(text, "2.02")) {
			t.Errorf("page %d (%s): a year formatted as a number", i+1, gc.name)
		}
	}
}
