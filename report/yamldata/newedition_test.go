package yamldata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewEditionOtherCity starts 2024 from Valtellaro's 2023: the year in
// the titles moves on, published is removed, the organisations are kept,
// staff.yaml and services.yaml are skeletons, the examples use
// Valtellaro's codes (never Bologna's), and the new edition validates.
func TestNewEditionOtherCity(t *testing.T) {
	root := t.TempDir()
	for _, y := range []string{"2022", "2023"} {
		copyTree(t, filepath.Join("../../testdata/othercity", y), filepath.Join(root, y))
	}
	if err := NewEdition(root, 2023, 2024, nil); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(root, "2024", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	ed := read("edition.yaml")
	for _, want := range []string{"\nyear: 2024\n", "\nsubtitle: Monitoraggio 2024\n", "title: Il lavoro di comunità a Valtellaro\n", "# Edizione 2024, avviata dall'edizione 2023"} {
		if !strings.Contains(ed, want) {
			t.Errorf("edition.yaml lacks %q:\n%s", want, ed)
		}
	}
	if strings.Contains(ed, "\npublished:") || strings.Contains(ed, "2023\n") && strings.Contains(ed, "Monitoraggio 2023") {
		t.Errorf("edition.yaml keeps published or the old year:\n%s", ed)
	}
	orgs := read("organisations.yaml")
	if strings.Count(orgs, "\n- id: vt-") != 15 || !strings.HasPrefix(orgs, "# Organizzazioni riportate dall'edizione 2023") {
		t.Errorf("organisations.yaml not carried over:\n%s", orgs)
	}
	for _, name := range []string{"staff.yaml", "services.yaml", "projects.yaml", "tables.yaml", "groups.yaml"} {
		text := read(name)
		if !strings.HasSuffix(text, "\n[]\n") || !strings.Contains(text, "# - ") {
			t.Errorf("%s is not a commented skeleton:\n%s", name, text)
		}
		for _, bologna := range []string{"navile", "bolognina", "sst_reti", "socialita", "odt-001"} {
			if strings.Contains(text, bologna) {
				t.Errorf("%s uses Bologna's code %q:\n%s", name, bologna, text)
			}
		}
	}
	projects := read("projects.yaml")
	for _, want := range []string{"districts: [centro]", "zones: [duomo]", "organisations: [vt-01]", "activities: [incontro]", "need_area: fragilita_anziani"} {
		if !strings.Contains(projects, want) {
			t.Errorf("projects.yaml lacks %q:\n%s", want, projects)
		}
	}
	if !strings.Contains(read("services.yaml"), "{district: centro, value:") {
		t.Errorf("services.yaml's example is not Valtellaro's:\n%s", read("services.yaml"))
	}
	if _, _, err := Load(root, 2024); err != nil {
		t.Errorf("the new edition does not validate: %v", err)
	}
}

// TestNextEditionTitles: only the old year, as a whole word, moves on, in
// the titles only; published and sample go, with their lines only.
func TestNextEditionTitles(t *testing.T) {
	in := "# c\nyear: 2020\ntitle: Bologna 2020 (20201)\nsubtitle: \"Social 2020\"\ntitle_en: Report 2020-2021\norganisation: Comune 2020\npublished: 2021-06-30 # date\nsample: true\n# next\nterritory: {name: x}\n"
	out, err := nextEdition([]byte(in), 2020, 2021)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	want := "year: 2021\ntitle: Bologna 2021 (20201)\nsubtitle: \"Social 2021\"\ntitle_en: Report 2021-2021\norganisation: Comune 2020\n# next\nterritory: {name: x}\n"
	if !strings.HasSuffix(got, want) || !strings.HasPrefix(got, "# Edizione 2021, avviata dall'edizione 2020") {
		t.Errorf("got\n%s\nwant ending\n%s", got, want)
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestNewEditionIdentity: identity.md is carried over with a note the
// report leaves out; without it, none is made.
func TestNewEditionIdentity(t *testing.T) {
	root := t.TempDir()
	copyTree(t, "../../data/2020", filepath.Join(root, "2020"))
	if err := NewEdition(root, 2020, 2021, nil); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile("../../data/2020/identity.md")
	got, err := os.ReadFile(filepath.Join(root, "2021", "identity.md"))
	if err != nil || !strings.HasPrefix(string(got), "<!-- Riportato dall'edizione 2020") || !strings.HasSuffix(string(got), string(want)) {
		t.Errorf("identity.md not carried over (%v):\n%s", err, got)
	}
	if _, _, err := Load(root, 2021); err != nil {
		t.Errorf("the new edition does not load: %v", err)
	}
	if err := NewEdition(root, 2021, 2022, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "2022", "identity.md")); strings.Count(string(got), "<!--") != 1 || !strings.HasSuffix(string(got), string(want)) {
		t.Errorf("the notes pile up:\n%s", got)
	}
	root2 := t.TempDir()
	copyTree(t, "../../data/2019", filepath.Join(root2, "2019"))
	// an edition without an identity text (the sample 2019 now has one)
	os.Remove(filepath.Join(root2, "2019", "identity.md"))
	os.Remove(filepath.Join(root2, "2019", "identity_en.md"))
	if err := NewEdition(root2, 2019, 2020, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root2, "2020", "identity.md")); err == nil {
		t.Error("an identity.md made from nothing")
	}
}
