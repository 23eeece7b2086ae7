package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// catalogueLine returns "templates/catalogue.yaml:LINE:COL" of the code the
// indicator's first condition with "equals: code" gives.
func catalogueLine(t *testing.T, id, code string) string {
	t.Helper()
	b, err := os.ReadFile("../../templates/catalogue.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := false
	for i, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "- id: ") {
			in = strings.TrimSpace(line) == "- id: "+id
		}
		if c := strings.Index(line, "equals: "+code); in && c >= 0 {
			return fmt.Sprintf("templates/catalogue.yaml:%d:%d", i+1, c+len("equals: ")+1)
		}
	}
	t.Fatalf("no condition on %s in %s", code, id)
	return ""
}

// withoutPDZ is testdata/othercity/2022 whose origins list has pdzz in
// place of pdz (the code the catalogue's B.3.1 and B.3.2 filter on).
func withoutPDZ(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	copyDir(t, "../../testdata/othercity/2022", filepath.Join(root, "2022"))
	for name, re := range map[string]*regexp.Regexp{
		"vocabularies.yaml": regexp.MustCompile(`code: pdz,`),
		"projects.yaml":     regexp.MustCompile(`(?m)origin: pdz$`),
	} {
		path := filepath.Join(root, "2022", name)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := re.ReplaceAllStringFunc(string(b), func(s string) string { return strings.Replace(s, "pdz", "pdzz", 1) })
		if text == string(b) {
			t.Fatalf("%s: no pdz to replace", name)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestCatalogueCodeNotInEdition: an edition whose origins list lacks the
// catalogue's pdz validates with one warning per catalogue entry, at the
// code's place in the catalogue, naming the list, the edition and the
// nearest code; B.3.1 is n.d. (null), not 0; the report and slides build
// and the report gives the reason, never "0".
func TestCatalogueCodeNotInEdition(t *testing.T) {
	root := withoutPDZ(t)
	code, out, errOut := runArgs(t, "validate", "--data", root)
	if code != exitOK {
		t.Fatalf("validate: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "2022: ok") {
		t.Errorf("validate: stdout %q", out)
	}
	at := catalogueLine(t, "B.3.1", "pdz")
	var lines []string
	for _, l := range strings.Split(errOut, "\n") {
		if strings.HasPrefix(l, at+":") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 1 {
		t.Fatalf("want one warning at %s, got %d:\n%s", at, len(lines), errOut)
	}
	for _, want := range []string{"warning", "B.3.1", `"pdz"`, "code list origins", "edition 2022", `did you mean "pdzz"?`} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("warning %q does not say %q", lines[0], want)
		}
	}
	if n := strings.Count(errOut, "B.3.2:"); n != 1 {
		t.Errorf("B.3.2's filter: %d warnings, want 1:\n%s", n, errOut)
	}

	inds := cwIndicators(t, root)
	for _, id := range []string{"B.3.1", "B.3.2"} {
		if v := inds[id].Value; v != nil {
			t.Errorf("%s: %v, want null (n.d.)", id, *v)
		}
	}
	_, js, _ := runArgs(t, "indicators", "--data", root, "--year", "2022", "--format", "json")
	if !strings.Contains(js, `"reason": "origin \"pdz\" is not in the code list origins of edition 2022"`) {
		t.Errorf("indicators --format json gives no reason for B.3.1")
	}

	cwBuilds(t, root)
	dir := t.TempDir()
	code, _, errOut = runArgs(t, "build", "--data", root, "--year", "2022", "--out", dir)
	if code != exitOK {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, at+": warning") {
		t.Errorf("build does not print the warning:\n%s", errOut)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext missing: the report's text is not checked")
	}
	txt, err := exec.Command("pdftotext", filepath.Join(dir, "rendicontazione-sociale-2022-it.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(txt)), " ")
	if strings.Contains(text, "Piani di zona, dove servizi") {
		t.Errorf("the report gives B.3.1's sentence with a value")
	}
	if !strings.Contains(text, "n.d. nel 2022: il codice pdz di origin non è nella lista origins") {
		t.Errorf("the report's method does not say why B.3.1 is n.d.")
	}
}

// TestTemplateRowOfAbsentCode: the built-in templates name rows by
// Bologna's codes (contract indeterminato, placement comunita); an edition
// whose lists lack them builds, and the sentences leave the clause out
// instead of saying "n.d." or stopping.
func TestTemplateRowOfAbsentCode(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "2022")
	copyDir(t, "../../testdata/othercity/2022", dir)
	for name, pairs := range map[string][]string{
		"vocabularies.yaml": {"{code: indeterminato,", "{code: ruolo,", "{code: comunita, label: Comunità educativa}", "{code: comunita_educativa, label: Comunità educativa}"},
		"staff.yaml":        {"contract: indeterminato", "contract: ruolo"},
		"services.yaml":     {"placement: comunita,", "placement: comunita_educativa,"},
	} {
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(text, pairs[i]) {
				t.Fatalf("%s: no %q", name, pairs[i])
			}
			text = strings.ReplaceAll(text, pairs[i], pairs[i+1])
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cwBuilds(t, root)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext missing: the report's text is not checked")
	}
	for lang, want := range map[string][2]string{
		"it": {"hanno un contratto a tempo indeterminato", "in affido familiare."},
		"en": {"are on permanent contracts", "in foster care."},
	} {
		out := t.TempDir()
		if code, _, errOut := runArgs(t, "build", "--data", root, "--year", "2022", "--lang", lang, "--out", out); code != exitOK {
			t.Fatalf("build %s: exit %d: %s", lang, code, errOut)
		}
		txt, err := exec.Command("pdftotext", filepath.Join(out, "rendicontazione-sociale-2022-"+lang+".pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(txt)), " ")
		if strings.Contains(text, want[0]) {
			t.Errorf("%s: the report has the sentence on a contract the edition lacks", lang)
		}
		if !strings.Contains(text, want[1]) || strings.Contains(text, "n.d. in comunità") || strings.Contains(text, "n.d. of them") || strings.Contains(text, "n.d. in residential") {
			t.Errorf("%s: B.1.6's sentence does not leave the residential care out", lang)
		}
	}
}

// TestOwnCodeByOwnIndicator: the way docs/data-model.md gives a city to
// count its own code (social workers coded servizio_sociale): an own
// indicator file replaces A.3.1 with the city's code in its filter; A.3.1 is
// computed and no warning is left for it.
func TestOwnCodeByOwnIndicator(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "2022")
	copyDir(t, "../../testdata/othercity/2022", dir)
	for _, name := range []string{"vocabularies.yaml", "staff.yaml"} {
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(strings.ReplaceAll(string(b), "ass_soc", "servizio_sociale")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	own := `indicators:
  - id: A.3.1
    title: {it: Assistenti sociali in servizio, en: Social workers in service}
    unit: {it: persone, en: people}
    definition:
      it: Assistenti sociali (ruolo servizio_sociale) in servizio al 31 dicembre, per ente di appartenenza.
      en: Social workers (role servizio_sociale) in service on 31 December, by employer.
    source: staff
    measure: sum
    field: headcount
    filter: [{field: role, equals: servizio_sociale}]
    by: employer
    chart: donut
`
	if err := os.WriteFile(filepath.Join(root, "codici.yaml"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(root, "config.toml")
	if err := os.WriteFile(config, []byte("data = \".\"\nindicators = [\"codici.yaml\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runArgs(t, "validate", "--config", config)
	if code != exitOK {
		t.Fatalf("validate: exit %d: %s", code, errOut)
	}
	if strings.Contains(errOut, "indicator A.3.1:") || !strings.Contains(errOut, "indicator A.3.2:") {
		t.Errorf("warnings: A.3.1 replaced, A.3.2 not:\n%s", errOut)
	}
	inds := cwIndicators(t, root, "--config", config)
	if v := inds["A.3.1"].Value; v == nil || *v != 32 {
		t.Errorf("A.3.1 = %v, want 32", show(v))
	}
}
