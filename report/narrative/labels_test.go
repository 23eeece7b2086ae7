package narrative

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// straightRE is a straight apostrophe between letters, "dell'anno": the
// texts a reader sees use the typographic one, "dell’anno".
var straightRE = regexp.MustCompile(`\p{L}'\p{L}`)

// TestTypographicApostrophes checks the catalogue's titles and definitions
// and the sample editions' vocabularies (every line but comments): their
// words reach tables, captions and charts without the smart-quote pass.
func TestTypographicApostrophes(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "data", "*", "vocabularies.yaml"))
	files = append(files, filepath.Join("..", "..", "templates", "catalogue.yaml"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		catalogue := strings.HasSuffix(f, "catalogue.yaml")
		def := false
		for i, line := range strings.Split(string(b), "\n") {
			trim := strings.TrimSpace(line)
			if strings.HasPrefix(trim, "#") {
				continue
			}
			if catalogue {
				// only titles and definitions: ids, fields and codes are not prose
				if trim == "definition:" {
					def = true
					continue
				}
				isDef := def && (strings.HasPrefix(trim, "it:") || strings.HasPrefix(trim, "en:"))
				def = isDef
				if !isDef && !strings.HasPrefix(trim, "title:") {
					continue
				}
			}
			if m := straightRE.FindString(line); m != "" {
				t.Errorf("%s:%d: a straight apostrophe %q", f, i+1, m)
			}
		}
	}
}

// TestPluralKinds checks that the sample editions give every organisation
// kind a running-text label (label_text, label_text_en): the report says
// the kinds after a plural subject, "i più numerosi sono le associazioni…",
// and a singular label there reads as a mistake.
func TestPluralKinds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "data", "*", "vocabularies.yaml"))
	if len(files) == 0 {
		t.Fatal("no sample vocabularies")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in := false
		for i, line := range strings.Split(string(b), "\n") {
			if regexp.MustCompile(`^[a-z_]+:\s*$`).MatchString(line) {
				in = strings.HasPrefix(line, "organisation_kinds:")
				continue
			}
			if in && strings.Contains(line, "{code:") && (!strings.Contains(line, "label_text:") || !strings.Contains(line, "label_text_en:")) {
				t.Errorf("%s:%d: an organisation kind with no plural running-text label", f, i+1)
			}
		}
	}
}
