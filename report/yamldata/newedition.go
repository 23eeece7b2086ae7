package yamldata

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// examples are the commented record files of a new edition: an empty list
// and one example record to copy.
var examples = map[string]string{
	report.FileOrganisations: `# Organizzazioni del territorio (ODT) dell'edizione %d.
# Ogni voce: id unico, nome, tipologia (organisation_kinds), quartiere facoltativo.
#
# - id: odt-001
#   name: Associazione Esempio
#   kind: aps
#   district: navile
[]
`,
	report.FileProjects: `# Progetti inclusivi dell'edizione %d.
# in_aggregates: false = descritto nel rapporto ma escluso da ogni totale.
#
# - id: P001
#   name: Portierato di comunità
#   new: true
#   origin: pdz
#   need_area: anziani
#   scope: zone                 # city | district | zone
#   districts: [navile]
#   zones: [bolognina]
#   beneficiaries: {total: 120, in_charge: 14}
#   organisations: [odt-001]
#   operators: {sst: 3, reti: 1, other: 2}
#   activities: [socialita]
#   funding: [comune]
#   targets: [anziani]
[]
`,
	report.FileTables: `# Tavoli permanenti dell'edizione %d.
#
# - id: T001
#   name: Tavolo anziani
#   district: navile
#   coordination: sst_reti
#   themes: [anziani]
#   purposes: [coprogettazione]
#   organisations: [odt-001]
#   meetings: 8
[]
`,
	report.FileGroups: `# Gruppi di cittadini dell'edizione %d.
#
# - id: G001
#   name: Gruppo di auto mutuo aiuto
#   district: navile
#   coordination: sst
#   themes: [solitudine]
#   purposes: [socializzazione, supporto]
#   citizens: 12
#   organisations: []
[]
`,
}

var yearLine = regexp.MustCompile(`(?m)^year:[ \t]*\d+`)

// NewEdition starts the folder of edition year under root from edition
// from: the territory and the code lists are copied (the year set, the
// residents and the publication date left for the user to update, and the
// was: entries dropped, since the codes are now the same as the earlier
// edition's), and the record files are empty lists with a commented example.
// It never overwrites: the folder is written under a temporary name and
// renamed at the end, and an existing folder is an error. track, when not
// nil, is told the temporary folder's path as soon as it exists, so that
// an interrupted run can remove it.
func NewEdition(root string, from, year int, track func(tmp string)) error {
	dst := filepath.Join(root, strconv.Itoa(year))
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("%s already exists: nothing written", dst)
	}
	if _, _, err := Load(root, from); err != nil {
		return err
	}
	src := filepath.Join(root, strconv.Itoa(from))
	edition, err := os.ReadFile(filepath.Join(src, report.FileEdition))
	if err != nil {
		return err
	}
	header := fmt.Sprintf("# Edizione %d, avviata dall'edizione %d: aggiornare titolo, sottotitolo,\n# residenti al 31 dicembre %d e data di pubblicazione (published).\n", year, from, year)
	edition = append([]byte(header), yearLine.ReplaceAll(edition, []byte("year: "+strconv.Itoa(year)))...)
	vocab, err := os.ReadFile(filepath.Join(src, report.FileVocabularies))
	if err != nil {
		return err
	}
	if vocab, err = dropWas(vocab); err != nil {
		return fmt.Errorf("%s: %v", filepath.Join(src, report.FileVocabularies), err)
	}
	// Not os.MkdirTemp: its folder is private whatever the umask.
	var rnd [6]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(root, fmt.Sprintf(".%d.%x.rendiconto-tmp", year, rnd))
	if err := os.Mkdir(tmp, 0o777); err != nil {
		return fmt.Errorf("%s: cannot write in the data root: %v", root, unwrapPathError(err))
	}
	if track != nil {
		track(tmp)
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	files := map[string][]byte{report.FileEdition: edition, report.FileVocabularies: vocab}
	for name, text := range examples {
		files[name] = []byte(fmt.Sprintf(text, year))
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o666); err != nil {
			return fmt.Errorf("%s: cannot write in the data root: %v", root, unwrapPathError(err))
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		if _, err := os.Stat(dst); err == nil {
			// Another run made it meanwhile.
			return fmt.Errorf("%s already exists: nothing written", dst)
		}
		return fmt.Errorf("%s: cannot create the edition's folder: %v", dst, unwrapPathError(err))
	}
	return nil
}

// unwrapPathError drops the operation and paths of an *os.LinkError or
// *fs.PathError, which the message already names.
func unwrapPathError(err error) error {
	var le *os.LinkError
	var pe *fs.PathError
	switch {
	case errors.As(err, &le):
		return le.Err
	case errors.As(err, &pe):
		return pe.Err
	}
	return err
}

// dropWas removes the was: keys of every vocabulary entry, keeping the rest
// of the document, comments included.
func dropWas(data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == "was" {
					n.Content = append(n.Content[:i], n.Content[i+2:]...)
					i -= 2
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}
