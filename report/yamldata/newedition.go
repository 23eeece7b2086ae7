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
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// examples are the commented record files of a new edition: an empty list
// and one example record to copy. {year} is the new edition's year, {list}
// the first code of that code list of the edition (districts and zones:
// the territory's), {operators} the operator keys of its projects and
// {organisation} an organisation id.
var examples = map[string]string{
	report.FileOrganisations: `# Organizzazioni del territorio (ODT) dell'edizione {year}.
# Ogni voce: id unico, nome, tipologia (organisation_kinds), quartiere facoltativo.
#
# - id: odt-001
#   name: Associazione Esempio
#   kind: {organisation_kinds}
#   district: {districts}
[]
`,
	report.FileProjects: `# Progetti inclusivi dell'edizione {year}.
# in_aggregates: false = descritto nel rapporto ma escluso da ogni totale.
#
# - id: P001
#   name: Portierato di comunità
#   new: true
#   origin: {origins}
#   need_area: {need_areas}
#   scope: zone                 # city | district | zone
#   districts: [{districts}]
#   zones: [{zones}]
#   beneficiaries: {total: 120, in_charge: 14}
#   organisations: [{organisation}]
#   operators: {{operators}}
#   activities: [{activities}]
#   funding: [{funding}]
#   targets: [{targets}]
[]
`,
	report.FileTables: `# Tavoli permanenti dell'edizione {year}.
#
# - id: T001
#   name: Tavolo anziani
#   district: {districts}
#   coordination: {coordination}
#   themes: [{themes}]
#   purposes: [{purposes}]
#   organisations: [{organisation}]
#   meetings: 8
[]
`,
	report.FileGroups: `# Gruppi di cittadini dell'edizione {year}.
#
# - id: G001
#   name: Gruppo di auto mutuo aiuto
#   district: {districts}
#   coordination: {coordination}
#   themes: [{themes}]
#   purposes: [{purposes}]
#   citizens: 12
#   organisations: []
[]
`,
	report.FileStaff: `# Personale dell'area welfare, {year}: dati aggregati, nessun dato personale.
# Ogni voce è una cifra: measure (che cosa si conta), for (la parte del personale
# a cui si riferisce, facoltativo), total e/o cells (la scomposizione per dimensioni).
# Le cifre che parlano della stessa cosa devono coincidere: il programma le confronta.
#
# - measure: headcount
#   total: 60
#   cells:
#     - {unit: {units}, value: 60}
# - measure: fte
#   for: {role: {roles}}
#   cells:
#     - {district: {districts}, value: 7.5}
[]
`,
	report.FileServices: `# Servizio sociale territoriale e sportelli sociali, {year}: dati aggregati,
# nessun dato personale. Stessa forma di staff.yaml: measure, for (facoltativo),
# total e/o cells.
#
# - measure: users
#   total: 1200
#   cells:
#     - {district: {districts}, value: 1200}
# - measure: contacts
#   cells:
#     - {channel: {channels}, value: 300}
[]
`,
}

// exampleLists are the code lists the examples take a code from.
var exampleLists = []string{"organisation_kinds", "origins", "need_areas", "activities", "funding", "targets",
	"coordination", "themes", "purposes", "units", "roles", "channels"}

// fillExample writes an example for edition ed, year year, with the first
// code of each of its lists; a list the edition lacks is named in angle
// brackets (<units>).
func fillExample(text string, ed *report.Edition, year int, organisation string) string {
	first := func(list string) string {
		if v, ok := ed.Vocabularies[list]; ok && len(v.Entries) > 0 {
			return v.Entries[0].Code
		}
		return "<" + list + ">"
	}
	district, zone := "<districts>", "<zones>"
	for _, d := range ed.Territory.Districts {
		district = d.Code
		if len(d.Zones) > 0 {
			zone = d.Zones[0].Code
		}
		break
	}
	operators := report.OfficeSST + ": 3, " + report.OfficeReti + ": 1, " + report.OfficeOther + ": 2"
	if v, ok := ed.Vocabularies[report.VocabOffices]; ok && len(v.Entries) > 0 {
		var parts []string
		for i, e := range v.Entries {
			if i == 3 {
				break
			}
			parts = append(parts, fmt.Sprintf("%s: %d", e.Code, 3-i))
		}
		operators = strings.Join(parts, ", ")
	}
	pairs := []string{"{year}", strconv.Itoa(year), "{districts}", district, "{zones}", zone,
		"{operators}", operators, "{organisation}", organisation}
	for _, list := range exampleLists {
		pairs = append(pairs, "{"+list+"}", first(list))
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

var yearLine = regexp.MustCompile(`(?m)^year:[ \t]*\d+`)

// NewEdition starts the folder of edition year under root from edition
// from: the territory and the code lists are copied (the year set, the
// year in the titles moved on, the publication date removed, the residents
// left for the user to update, and the was: entries dropped, since the
// codes are now the same as the earlier edition's), organisations.yaml,
// identity.md and identity_en.md are carried over (organisations and an
// institution's mission outlive a year), and the other record files
// are empty lists with a commented example using the edition's own codes.
// It never overwrites: the folder is written under a temporary name and
// renamed at the end, and an existing folder is an error. track, when not
// nil, is told the temporary folder's path as soon as it exists, so that
// an interrupted run can remove it.
func NewEdition(root string, from, year int, track func(tmp string)) error {
	dst := filepath.Join(root, strconv.Itoa(year))
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("%s already exists: nothing written", dst)
	}
	ed, _, err := Load(root, from)
	if err != nil {
		return err
	}
	src := filepath.Join(root, strconv.Itoa(from))
	edition, err := os.ReadFile(filepath.Join(src, report.FileEdition))
	if err != nil {
		return err
	}
	if edition, err = nextEdition(edition, from, year); err != nil {
		return fmt.Errorf("%s: %v", filepath.Join(src, report.FileEdition), err)
	}
	vocab, err := os.ReadFile(filepath.Join(src, report.FileVocabularies))
	if err != nil {
		return err
	}
	if vocab, err = dropWas(vocab); err != nil {
		return fmt.Errorf("%s: %v", filepath.Join(src, report.FileVocabularies), err)
	}
	files := map[string][]byte{report.FileEdition: edition, report.FileVocabularies: vocab}
	organisation := "odt-001"
	if len(ed.Organisations) > 0 {
		orgs, err := os.ReadFile(filepath.Join(src, report.FileOrganisations))
		if err != nil {
			return err
		}
		header := fmt.Sprintf("# Organizzazioni riportate dall'edizione %d: aggiornare quelle cessate o nuove nel %d.\n", from, year)
		files[report.FileOrganisations] = append([]byte(header), orgs...)
		organisation = ed.Organisations[0].ID
	}
	// The institution's own text outlives a year too: carried over, with a
	// note the report does not print (HTML is left out of it).
	for name, text := range map[string]string{report.FileIdentity: ed.Identity, report.FileIdentityEn: ed.IdentityEn} {
		if text != "" {
			if strings.HasPrefix(text, "<!-- Riportato dall'edizione") {
				if _, rest, ok := strings.Cut(text, "-->\n\n"); ok {
					text = rest // the note of the year before
				}
			}
			files[name] = []byte(fmt.Sprintf("<!-- Riportato dall'edizione %d: aggiornare missione, valori e governo se sono cambiati nel %d. -->\n\n%s", from, year, text))
		}
	}
	for name, text := range examples {
		if files[name] == nil {
			files[name] = []byte(fillExample(text, ed, year, organisation))
		}
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

// titleKeys are the fields of edition.yaml whose year moves on.
var titleKeys = []string{"title", "subtitle", "title_en", "subtitle_en"}

// nextEdition rewrites edition.yaml for the next edition, keeping its
// comments and layout: a header says what to update, the year is set, the
// old year as a whole word in the titles becomes the new one, and
// published is removed (the user sets it when the report is out), as is
// sample (the new edition's records are the user's).
func nextEdition(data []byte, from, year int) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("not a mapping of fields")
	}
	lines := strings.SplitAfter(string(data), "\n")
	oldYear := regexp.MustCompile(`\b` + strconv.Itoa(from) + `\b`)
	drop := map[int]bool{} // lines (from 0) to remove
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		// the value's last line: the line before the next key, at most
		last := k.Line
		if v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 || v.Line > k.Line {
			last = max(last, v.Line+strings.Count(v.Value, "\n"))
			if i+2 < len(m.Content) {
				last = min(last, m.Content[i+2].Line-1)
			} else {
				last = len(lines)
			}
		}
		switch {
		case k.Value == "published" || k.Value == "sample":
			// a new edition's records are the user's own, not sample data
			for l := k.Line; l <= last && l <= len(lines); l++ {
				drop[l-1] = true
			}
		case slices.Contains(titleKeys, k.Value):
			for l := k.Line; l <= last && l <= len(lines); l++ {
				lines[l-1] = oldYear.ReplaceAllString(lines[l-1], strconv.Itoa(year))
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Edizione %d, avviata dall'edizione %d: controllare titolo e sottotitolo (l'anno\n"+
		"# %d vi è già sostituito da %d), aggiornare i residenti al 31 dicembre %d e\n"+
		"# aggiungere la data di pubblicazione (published: AAAA-MM-GG) quando il rapporto è pubblicato.\n",
		year, from, from, year, year)
	for i, l := range lines {
		if !drop[i] {
			b.WriteString(l)
		}
	}
	return yearLine.ReplaceAll([]byte(b.String()), []byte("year: "+strconv.Itoa(year))), nil
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
