package narrative

import (
	"context"
	"testing"

	"rendiconto/report"
)

// TestSampleNote: the front matter carries the sample sentence only for a
// sample edition; a comparison says which of its editions are sample.
func TestSampleNote(t *testing.T) {
	ed := func(year int, sample bool) *report.Edition { return &report.Edition{Year: year, Sample: sample} }
	for _, c := range []struct {
		lang string
		eds  []*report.Edition
		want string
	}{
		{"it", []*report.Edition{ed(2019, false)}, ""},
		{"it", []*report.Edition{ed(2019, true)}, "Dati di esempio: i numeri di questo rapporto sono inventati a scopo dimostrativo e non sono dati reali dell'ente."},
		{"en", []*report.Edition{ed(2019, true)}, "Sample data: the figures in this report are invented for demonstration and are not the institution's real data."},
		{"it", []*report.Edition{ed(2019, false), ed(2020, false)}, ""},
		{"it", []*report.Edition{ed(2019, true), ed(2020, true)}, "Dati di esempio: i numeri di questo confronto sono inventati a scopo dimostrativo e non sono dati reali dell'ente."},
		{"it", []*report.Edition{ed(2019, true), ed(2020, false)}, "Dati di esempio: i numeri del 2019 in questo confronto sono inventati a scopo dimostrativo e non sono dati reali dell'ente."},
		{"en", []*report.Edition{ed(2019, false), ed(2020, true)}, "Sample data: the 2020 figures in this comparison are invented for demonstration and are not the institution's real data."},
	} {
		if got := sampleNote(c.lang, c.eds...); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.lang, c.eds, got, c.want)
		}
	}
	hs := history(t, "../../testdata/othercity", "it", 2023)
	if f := front(hs[0], "it"); f.Sample != "" {
		t.Errorf("an edition that is not sample: %q", f.Sample)
	}
	hs[0].Edition.Sample = true
	if f := front(hs[0], "it"); f.Sample == "" {
		t.Error("a sample edition without its note")
	}
}

// TestSourceNotes: captions name sources by the edition's own names or
// the defaults, joined as a sentence, with the year; never a file.
func TestSourceNotes(t *testing.T) {
	for _, c := range []struct {
		names []string
		lang  string
		want  string
	}{
		{[]string{"a"}, "it", "a"},
		{[]string{"a", "b"}, "it", "a e b"},
		{[]string{"a", "elenco"}, "it", "a ed elenco"},
		{[]string{"a", "b", "c"}, "en", "a, b and c"},
		{[]string{"a", "elenco"}, "en", "a and elenco"},
		// R-IT 19: shared first words said once, the article kept with each.
		{[]string{"elenco delle organizzazioni del territorio", "schede di monitoraggio dei progetti inclusivi", "schede di monitoraggio dei tavoli permanenti", "schede di monitoraggio dei gruppi di cittadini"}, "it",
			"elenco delle organizzazioni del territorio e schede di monitoraggio dei progetti inclusivi, dei tavoli permanenti e dei gruppi di cittadini"},
		{[]string{"monitoraggio dei progetti inclusivi", "monitoraggio dei tavoli permanenti", "elenco delle organizzazioni del territorio", "dati sul personale"}, "it",
			"monitoraggio dei progetti inclusivi e dei tavoli permanenti, elenco delle organizzazioni del territorio e dati sul personale"},
		{[]string{"monitoring of inclusive projects", "monitoring of permanent tables", "monitoring of citizen groups"}, "en",
			"monitoring of inclusive projects, permanent tables and citizen groups"},
		{[]string{"dati sul personale", "dati dei servizi sociali"}, "it", "dati sul personale e dei servizi sociali"},
		{[]string{"progetti", "progetti nuovi"}, "it", "progetti e progetti nuovi"},
	} {
		if got := joinSources(c.names, c.lang); got != c.want {
			t.Errorf("%v %s: %q, want %q", c.names, c.lang, got, c.want)
		}
	}
	for _, c := range []struct {
		lang    string
		sources map[string]report.Text
		want    string
	}{
		{"it", nil, "Fonte: monitoraggio dei progetti inclusivi ed elenco delle organizzazioni del territorio, 2023"},
		{"en", nil, "Source: monitoring of inclusive projects and list of the organisations of the territory, 2023"},
		{"it", map[string]report.Text{"projects": {It: "schede di monitoraggio dei progetti inclusivi"}, "organisations": {It: "anagrafe", En: "register"}},
			"Fonte: schede di monitoraggio dei progetti inclusivi e anagrafe, 2023"},
		{"en", map[string]report.Text{"projects": {It: "schede di monitoraggio dei progetti inclusivi"}, "organisations": {It: "anagrafe", En: "register"}},
			"Source: schede di monitoraggio dei progetti inclusivi and register, 2023"},
	} {
		hs := history(t, "../../testdata/othercity", c.lang, 2023)
		hs[0].Edition.Sources = c.sources
		e := newEnv(context.Background(), hs, c.lang, Limits{}, nil)
		r, _ := hs[0].Lookup("B.3.6")
		if got := e.source(r); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}
