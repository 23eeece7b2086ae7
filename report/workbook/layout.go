package workbook

import (
	"rendiconto/report"
)

// Kind says what a column holds.
type Kind int

const (
	Text  Kind = iota // one line of text: an id or a name
	Whole             // a whole number, 0 or more
	Bool              // sì/no (yes/no, true/false, x)
	Date              // a date written 2020-06-30
	Code              // one code of List
	Codes             // several codes of List, separated by "; "
	Euro              // an amount in euro, 0 or more, two decimals at most
)

// Names of Kind in the instructions.
var kindNames = map[Kind]report.Text{
	Text:  {It: "testo", En: "text"},
	Whole: {It: "numero intero", En: "whole number"},
	Bool:  {It: "sì/no", En: "yes/no"},
	Date:  {It: "data (2020-06-30)", En: "date (2020-06-30)"},
	Code:  {It: "un codice", En: "one code"},
	Codes: {It: "codici separati da ;", En: "codes separated by ;"},
	Euro:  {It: "euro (al più due decimali)", En: "euro (two decimals at most)"},
}

func (k Kind) Name(lang string) string { return kindNames[k].In(lang) }

// The code lists a column may take its codes from besides the edition's
// vocabularies (named by their key in vocabularies.yaml).
const (
	ListDistricts     = "districts"     // the territory's districts
	ListZones         = "zones"         // the zones of every district
	ListOrganisations = "organisations" // the ids of the Organisations sheet
	ListScope         = "scope"         // city, district, zone (Scopes)
)

// Scopes are the codes of a project's scope, with their labels.
var Scopes = []report.Entry{
	{Code: report.ScopeCity, Label: "Città", LabelEn: "City"},
	{Code: report.ScopeDistrict, Label: "Quartiere", LabelEn: "District"},
	{Code: report.ScopeZone, Label: "Zona", LabelEn: "Zone"},
}

// Column is one field of a record file.
type Column struct {
	Key      string      // the data contract's field: "districts", "beneficiaries.total"
	Label    report.Text // the header
	Kind     Kind
	List     string // Code and Codes: the code list
	Required bool   // the loader's required field (for nested fields: required when the group is given)
	Help     report.Text
	Width    float64 // in characters
}

// Sheet is one record file.
type Sheet struct {
	File    string      // report.FileProjects…
	Source  string      // report.SourceProjects…: the English name
	Name    report.Text // the sheet's name: Progetti / Projects
	Columns []Column
}

// Title returns the sheet's name in lang.
func (s *Sheet) Title(lang string) string { return s.Name.In(lang) }

func t(it, en string) report.Text { return report.Text{It: it, En: en} }

// operatorsPrefix is the nested group of a project's operators by office.
const operatorsPrefix = "operators."

// FundingPrefix is the nested group of a project's amounts by funding
// source (funding_amounts).
const FundingPrefix = "funding_amounts."

// base is the layout without the projects' operator columns, which depend
// on the edition's offices (ForEdition).
var base = []Sheet{
	{
		File: report.FileOrganisations, Source: report.SourceOrganisations, Name: t("Organizzazioni", "Organisations"),
		Columns: []Column{
			{Key: "id", Label: t("Codice", "Id"), Kind: Text, Required: true, Width: 12,
				Help: t("Codice dell'organizzazione, unico nell'edizione e stabile da un anno all'altro (es. odt-001).", "The organisation's id, unique in the edition and the same from year to year (e.g. odt-001).")},
			{Key: "name", Label: t("Nome", "Name"), Kind: Text, Required: true, Width: 48,
				Help: t("Nome dell'organizzazione.", "The organisation's name.")},
			{Key: "kind", Label: t("Tipo", "Kind"), Kind: Code, List: "organisation_kinds", Required: true, Width: 18,
				Help: t("Tipo di organizzazione (elenco organisation_kinds).", "The kind of organisation (list organisation_kinds).")},
			{Key: "district", Label: t("Quartiere", "District"), Kind: Code, List: ListDistricts, Width: 22,
				Help: t("Quartiere dell'organizzazione; vuoto = livello cittadino.", "The organisation's district; empty = city-wide.")},
		},
	},
	{
		File: report.FileProjects, Source: report.SourceProjects, Name: t("Progetti", "Projects"),
		Columns: []Column{
			{Key: "id", Label: t("Codice", "Id"), Kind: Text, Required: true, Width: 10,
				Help: t("Codice del progetto, unico nell'edizione (es. P001).", "The project's id, unique in the edition (e.g. P001).")},
			{Key: "name", Label: t("Nome", "Name"), Kind: Text, Required: true, Width: 48,
				Help: t("Nome del progetto.", "The project's name.")},
			{Key: "new", Label: t("Nuovo", "New"), Kind: Bool, Required: true, Width: 8,
				Help: t("sì se il progetto è partito nell'anno dell'edizione.", "yes when the project started in the edition's year.")},
			{Key: "origin", Label: t("Origine", "Origin"), Kind: Code, List: "origins", Required: true, Width: 12,
				Help: t("Da dove nasce il progetto (elenco origins).", "Where the project came from (list origins).")},
			{Key: "need_area", Label: t("Area di bisogno", "Need area"), Kind: Code, List: "need_areas", Required: true, Width: 16,
				Help: t("Area di bisogno (elenco need_areas).", "The need area (list need_areas).")},
			{Key: "scope", Label: t("Raggio di azione", "Scope"), Kind: Code, List: ListScope, Required: true, Width: 14,
				Help: t("city (città), district (quartiere) o zone (zona).", "city, district or zone.")},
			{Key: "districts", Label: t("Quartieri", "Districts"), Kind: Codes, List: ListDistricts, Width: 28,
				Help: t("Quartieri del progetto, separati da ;. Obbligatori se il raggio non è city.", "The project's districts, separated by ;. Required unless the scope is city.")},
			{Key: "zones", Label: t("Zone", "Zones"), Kind: Codes, List: ListZones, Width: 24,
				Help: t("Zone del progetto, separate da ;. Obbligatorie se il raggio è zone; ogni zona appartiene a un quartiere indicato.", "The project's zones, separated by ;. Required when the scope is zone; each belongs to one of its districts.")},
			{Key: "beneficiaries.total", Label: t("Beneficiari", "Beneficiaries"), Kind: Whole, Required: true, Width: 12,
				Help: t("Persone raggiunte dal progetto.", "The people the project reached.")},
			{Key: "beneficiaries.in_charge", Label: t("Beneficiari in carico", "Beneficiaries in charge"), Kind: Whole, Required: true, Width: 12,
				Help: t("Di cui in carico al Servizio sociale territoriale; non più dei beneficiari.", "Of whom in the care of the social service; at most the beneficiaries.")},
			{Key: "organisations", Label: t("Organizzazioni", "Organisations"), Kind: Codes, List: ListOrganisations, Width: 30,
				Help: t("Codici delle organizzazioni coinvolte (foglio Organizzazioni), separati da ;.", "The ids of the organisations involved (sheet Organisations), separated by ;.")},
			// operators.<office>: see operatorColumns
			{Key: "activities", Label: t("Attività", "Activities"), Kind: Codes, List: "activities", Width: 28,
				Help: t("Attività (elenco activities), separate da ;; vuoto = non indicate.", "Activities (list activities), separated by ;; empty = not stated.")},
			{Key: "funding", Label: t("Finanziamento", "Funding"), Kind: Codes, List: "funding", Width: 20,
				Help: t("Fonti di finanziamento (elenco funding), separate da ;.", "Funding sources (list funding), separated by ;.")},
			{Key: "budget", Label: t("Budget (euro)", "Budget (euro)"), Kind: Euro, Width: 14,
				Help: t("Costo del progetto nell'anno, in euro, al più due decimali; vuoto = non indicato.", "The project's cost in the year, in euro, two decimals at most; empty = not stated.")},
			// funding_amounts.<source>: see fundingColumns
			{Key: "targets", Label: t("Destinatari", "Targets"), Kind: Codes, List: "targets", Width: 24,
				Help: t("Destinatari (elenco targets), separati da ;.", "Target groups (list targets), separated by ;.")},
			{Key: "in_aggregates", Label: t("Nei totali", "In totals"), Kind: Bool, Width: 10,
				Help: t("no per un progetto descritto nel rapporto ma escluso da ogni totale; vuoto = sì.", "no for a project described in the report but left out of every total; empty = yes.")},
		},
	},
	{
		File: report.FileTables, Source: report.SourceTables, Name: t("Tavoli", "Tables"),
		Columns: []Column{
			{Key: "id", Label: t("Codice", "Id"), Kind: Text, Required: true, Width: 10,
				Help: t("Codice del tavolo, unico nell'edizione (es. T001).", "The table's id, unique in the edition (e.g. T001).")},
			{Key: "name", Label: t("Nome", "Name"), Kind: Text, Required: true, Width: 48,
				Help: t("Nome del tavolo.", "The table's name.")},
			{Key: "district", Label: t("Quartiere", "District"), Kind: Code, List: ListDistricts, Width: 22,
				Help: t("Quartiere del tavolo; vuoto = livello cittadino.", "The table's district; empty = the whole city.")},
			{Key: "coordination", Label: t("Coordinamento", "Coordination"), Kind: Code, List: "coordination", Required: true, Width: 16,
				Help: t("Chi coordina il tavolo (elenco coordination).", "Who coordinates the table (list coordination).")},
			{Key: "themes", Label: t("Tematiche", "Themes"), Kind: Codes, List: "themes", Width: 28,
				Help: t("Tematiche (elenco themes), separate da ;.", "Themes (list themes), separated by ;.")},
			{Key: "purposes", Label: t("Finalità", "Purposes"), Kind: Codes, List: "purposes", Width: 24,
				Help: t("Finalità (elenco purposes), separate da ;.", "Purposes (list purposes), separated by ;.")},
			{Key: "organisations", Label: t("Organizzazioni", "Organisations"), Kind: Codes, List: ListOrganisations, Width: 30,
				Help: t("Codici delle organizzazioni al tavolo (foglio Organizzazioni), separati da ;.", "The ids of the organisations at the table (sheet Organisations), separated by ;.")},
			{Key: "meetings", Label: t("Incontri", "Meetings"), Kind: Whole, Width: 10,
				Help: t("Incontri nell'anno; vuoto = non indicati.", "Meetings in the year; empty = not stated.")},
		},
	},
	{
		File: report.FileGroups, Source: report.SourceGroups, Name: t("Gruppi", "Groups"),
		Columns: []Column{
			{Key: "id", Label: t("Codice", "Id"), Kind: Text, Required: true, Width: 10,
				Help: t("Codice del gruppo, unico nell'edizione (es. G001).", "The group's id, unique in the edition (e.g. G001).")},
			{Key: "name", Label: t("Nome", "Name"), Kind: Text, Required: true, Width: 48,
				Help: t("Nome del gruppo.", "The group's name.")},
			{Key: "district", Label: t("Quartiere", "District"), Kind: Code, List: ListDistricts, Width: 22,
				Help: t("Quartiere del gruppo; vuoto = livello cittadino.", "The group's district; empty = the whole city.")},
			{Key: "coordination", Label: t("Coordinamento", "Coordination"), Kind: Code, List: "coordination", Required: true, Width: 16,
				Help: t("Chi coordina il gruppo (elenco coordination).", "Who coordinates the group (list coordination).")},
			{Key: "themes", Label: t("Tematiche", "Themes"), Kind: Codes, List: "themes", Width: 28,
				Help: t("Tematiche (elenco themes), separate da ;.", "Themes (list themes), separated by ;.")},
			{Key: "purposes", Label: t("Finalità", "Purposes"), Kind: Codes, List: "purposes", Width: 24,
				Help: t("Finalità (elenco purposes), separate da ;.", "Purposes (list purposes), separated by ;.")},
			{Key: "citizens", Label: t("Cittadini", "Citizens"), Kind: Whole, Required: true, Width: 10,
				Help: t("Persone che partecipano al gruppo.", "The people taking part in the group.")},
			{Key: "organisations", Label: t("Organizzazioni", "Organisations"), Kind: Codes, List: ListOrganisations, Width: 30,
				Help: t("Codici delle organizzazioni che sostengono il gruppo, separati da ;.", "The ids of the organisations supporting the group, separated by ;.")},
		},
	},
}

// DefaultOffices are the offices of an edition without an offices code
// list, with their labels.
var DefaultOffices = []report.Entry{
	{Code: report.OfficeSST, Label: "Servizio sociale territoriale", LabelEn: "Territorial social service"},
	{Code: report.OfficeReti, Label: "Ufficio reti", LabelEn: "Networks office"},
	{Code: report.OfficeOther, Label: "Altri uffici", LabelEn: "Other offices"},
}

// Offices returns the offices a project's operators are counted by: the
// edition's offices code list, or DefaultOffices (ed may be nil).
func Offices(ed *report.Edition) []report.Entry {
	if ed != nil {
		if v, ok := ed.Vocabularies[report.VocabOffices]; ok {
			return v.Entries
		}
	}
	return DefaultOffices
}

// operatorColumns are the columns operators.<office>, one per office.
func operatorColumns(offices []report.Entry) []Column {
	cols := make([]Column, len(offices))
	for i, o := range offices {
		cols[i] = Column{
			Key:   operatorsPrefix + o.Code,
			Label: t("Operatori "+o.Label, "Operators "+report.Text{It: o.Label, En: o.LabelEn}.In("en")),
			Kind:  Whole, Width: 12,
			Help: t("Operatori coinvolti dell'ufficio "+o.Label+"; lasciare vuoti tutti gli operatori se non indicati (un ufficio vuoto con altri compilati = 0).",
				"Operators involved from "+report.Text{It: o.Label, En: o.LabelEn}.In("en")+"; leave every operators column empty when not stated (an empty office beside filled ones = 0)."),
		}
	}
	return cols
}

// fundingColumns are the columns funding_amounts.<source>, one per code of
// the edition's funding list (none without an edition or a list).
func fundingColumns(ed *report.Edition) []Column {
	if ed == nil {
		return nil
	}
	v, ok := ed.Vocabularies["funding"]
	if !ok {
		return nil
	}
	cols := make([]Column, len(v.Entries))
	for i, e := range v.Entries {
		en := report.Text{It: e.Label, En: e.LabelEn}.In("en")
		cols[i] = Column{
			Key:   FundingPrefix + e.Code,
			Label: t("Euro "+e.Label, "Euro "+en),
			Kind:  Euro, Width: 14,
			Help: t("Euro dalla fonte "+e.Label+" (che deve essere tra le fonti del progetto); vuoto = non indicato.",
				"Euro from "+en+" (which must be among the project's funding sources); empty = not stated."),
		}
	}
	return cols
}

// ForEdition returns the layout of an edition: the projects' operator
// columns follow its offices. With nil, it is the layout of an edition
// without an offices code list (operators.sst, operators.reti,
// operators.other).
func ForEdition(ed *report.Edition) []Sheet {
	out := make([]Sheet, len(base))
	copy(out, base)
	for i := range out {
		if out[i].Source != report.SourceProjects {
			continue
		}
		var cols []Column
		for _, c := range out[i].Columns {
			cols = append(cols, c)
			if c.Key == "organisations" {
				cols = append(cols, operatorColumns(Offices(ed))...)
			}
			if c.Key == "budget" {
				cols = append(cols, fundingColumns(ed)...)
			}
		}
		out[i].Columns = cols
	}
	return out
}
