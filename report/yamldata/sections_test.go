package yamldata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// validBase is a valid edition (2021) as a file system, from the base the
// broken money case starts from, with its projects given money.
func validBase(t *testing.T) fstest.MapFS {
	t.Helper()
	dir := "testdata/broken/142-money-fields/2021"
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, n := range names {
		if strings.HasSuffix(n.Name(), ".md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, n.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys["2021/"+n.Name()] = &fstest.MapFile{Data: data}
	}
	p := string(fsys["2021/projects.yaml"].Data)
	for _, r := range []struct{ old, new string }{
		{"  budget: -5\n  funding_amounts: {regione: 100}\n", "  budget: 12500.5\n"},
		{"  budget: 12.345\n  funding_amounts: {comnue: 100, comune: 1e3}\n", "  funding_amounts: {comune: 800}\n"},
		{"    fondazione: 400.5\n", "    fondazione: 300\n"},
		{"  budget: 1.500\n  funding_amounts: [comune]\n", ""},
		{"  funding_amounts: {comune: 2000, comune: 500.50}\n", ""},
	} {
		if !strings.Contains(p, r.old) {
			t.Fatalf("the base has no %q", r.old)
		}
		p = strings.Replace(p, r.old, r.new, 1)
	}
	fsys["2021/projects.yaml"] = &fstest.MapFile{Data: []byte(p)}
	return fsys
}

// TestMoneyFields: budgets and amounts by source are read as written, a
// project without them has none, and a project out of the totals keeps
// its budget (the report leaves it out).
func TestMoneyFields(t *testing.T) {
	ed, _, err := LoadFS(validBase(t), "data", 2021)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range ed.Projects {
		var b strings.Builder
		if p.HasBudget {
			b.WriteString("budget=" + euroText(p.Budget))
		}
		for _, code := range p.Funding {
			if x, ok := p.FundingAmounts[code]; ok {
				b.WriteString(" " + code + "=" + euroText(x))
			}
		}
		got[p.ID] = strings.TrimSpace(b.String())
	}
	want := map[string]string{
		"P001": "budget=12500.50", "P002": "budget=1000 regione=700 fondazione=300",
		"P003": "comune=800", "P004": "", "P005": "budget=2500.50",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: got %q, want %q", id, got[id], w)
		}
	}
}

// TestIdentityFiles: identity.md and identity_en.md are read as written
// (a byte order mark dropped); missing, they are "" and no warning.
func TestIdentityFiles(t *testing.T) {
	fsys := validBase(t)
	ed, warns, err := LoadFS(fsys, "data", 2021)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warns {
		if strings.Contains(w.String(), "identity") {
			t.Errorf("a missing identity file is warned about: %s", w)
		}
	}
	if ed.Identity != "" || ed.IdentityEn != "" {
		t.Errorf("without the files: identity %q/%q, warnings %v", ed.Identity, ed.IdentityEn, warns)
	}
	fsys["2021/identity.md"] = &fstest.MapFile{Data: []byte("\uFEFF# Missione\n\nServire la comunità.\n")}
	ed, _, err = LoadFS(fsys, "data", 2021)
	if err != nil {
		t.Fatal(err)
	}
	if ed.Identity != "# Missione\n\nServire la comunità.\n" || ed.IdentityEn != "" {
		t.Errorf("got %q / %q", ed.Identity, ed.IdentityEn)
	}
	if ed.IdentityIn("en") != "" || ed.IdentityIn("it") != ed.Identity {
		t.Errorf("IdentityIn: an English report has no Italian text as its own")
	}
}

// TestIdentityEmpty: an identity.md of blanks is no text, with a warning.
func TestIdentityEmpty(t *testing.T) {
	fsys := validBase(t)
	fsys["2021/identity.md"] = &fstest.MapFile{Data: []byte("\n  \n")}
	ed, warns, err := LoadFS(fsys, "data", 2021)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range warns {
		found = found || strings.HasPrefix(w.String(), "data/2021/identity.md: warning: the file is empty")
	}
	if ed.Identity != "" || !found {
		t.Errorf("identity %q, warnings %v", ed.Identity, warns)
	}
}

// TestIdentityFont: a character the report's font cannot draw is a warning
// at its line and column, as in data files.
func TestIdentityFont(t *testing.T) {
	fsys := validBase(t)
	fsys["2021/identity.md"] = &fstest.MapFile{Data: []byte("# Missione\n\nServire 😀 tutti.\n")}
	_, warns, err := LoadFS(fsys, "data", 2021)
	if err != nil {
		t.Fatal(err)
	}
	want := `data/2021/identity.md:3:9: warning: U+1F600 "😀" cannot be drawn by the report's font; it will print as`
	found := false
	for _, w := range warns {
		found = found || strings.HasPrefix(w.String(), want)
	}
	if !found {
		t.Errorf("warnings %v, want %s", warns, want)
	}
}
