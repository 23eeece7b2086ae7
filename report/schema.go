package report

// Record sets an indicator can count.
const (
	SourceProjects      = "projects"
	SourceTables        = "tables"
	SourceGroups        = "groups"
	SourceOrganisations = "organisations"
)

var sourceFile = map[string]string{
	SourceProjects:      FileProjects,
	SourceTables:        FileTables,
	SourceGroups:        FileGroups,
	SourceOrganisations: FileOrganisations,
}

// FieldKind says what a record field holds.
type FieldKind int

const (
	KindCode   FieldKind = iota // one code of Domain
	KindCodes                   // several codes of Domain
	KindNumber                  // a count
	KindBool                    // true or false; breakdowns use the enum named Domain
	KindRefs                    // organisation ids
)

// Field describes a field an indicator may read. Domain names where the
// codes of a code field come from: "districts" and "zones" (the territory),
// a catalogue enum, or else a vocabulary of the edition.
type Field struct {
	Kind   FieldKind
	Domain string
}

// Schema lists, for each record set, the fields indicators may read.
var Schema = map[string]map[string]Field{
	SourceProjects: {
		"new":                     {KindBool, "yes_no"},
		"origin":                  {KindCode, "origins"},
		"need_area":               {KindCode, "need_areas"},
		"scope":                   {KindCode, "scope"},
		"districts":               {KindCodes, "districts"},
		"zones":                   {KindCodes, "zones"},
		"activities":              {KindCodes, "activities"},
		"funding":                 {KindCodes, "funding"},
		"targets":                 {KindCodes, "targets"},
		"organisations":           {KindRefs, ""},
		"beneficiaries.total":     {KindNumber, ""},
		"beneficiaries.in_charge": {KindNumber, ""},
		"operators.sst":           {KindNumber, ""},
		"operators.reti":          {KindNumber, ""},
		"operators.other":         {KindNumber, ""},
		"operators.total":         {KindNumber, ""},
	},
	SourceTables: {
		"district":      {KindCode, "districts"},
		"coordination":  {KindCode, "coordination"},
		"themes":        {KindCodes, "themes"},
		"purposes":      {KindCodes, "purposes"},
		"organisations": {KindRefs, ""},
		"meetings":      {KindNumber, ""},
	},
	SourceGroups: {
		"district":      {KindCode, "districts"},
		"coordination":  {KindCode, "coordination"},
		"themes":        {KindCodes, "themes"},
		"purposes":      {KindCodes, "purposes"},
		"organisations": {KindRefs, ""},
		"citizens":      {KindNumber, ""},
	},
	SourceOrganisations: {
		"kind":        {KindCode, "organisation_kinds"},
		"ets":         {KindBool, "ets"},
		"district":    {KindCode, "districts"},
		"roles":       {KindNumber, ""},
		"role_count":  {KindCode, "role_count"},
		"in_projects": {KindBool, "yes_no"},
		"at_tables":   {KindBool, "yes_no"},
		"in_groups":   {KindBool, "yes_no"},
	},
}
