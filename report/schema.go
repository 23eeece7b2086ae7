package report

// Record sets an indicator can count.
const (
	SourceProjects      = "projects"
	SourceTables        = "tables"
	SourceGroups        = "groups"
	SourceOrganisations = "organisations"
	SourceStaff         = "staff"    // aggregate figures of staff.yaml (area A)
	SourceServices      = "services" // aggregate figures of services.yaml (areas B.1, B.2)
)

var sourceFile = map[string]string{
	SourceProjects:      FileProjects,
	SourceTables:        FileTables,
	SourceGroups:        FileGroups,
	SourceOrganisations: FileOrganisations,
	SourceStaff:         FileStaff,
	SourceServices:      FileServices,
}

// IsAggregate reports whether the source holds aggregate figures (measures
// by dimensions) rather than records.
func IsAggregate(source string) bool { return source == SourceStaff || source == SourceServices }

// Decimal lists the measures of aggregate sources that may take fractional
// values; every other measure is a whole count.
var Decimal = map[string]bool{"fte": true, "desk_fte": true, "expenditure": true, "training_hours": true, "opening_hours": true}

// In an aggregate source, the numeric fields are its measures and the code
// fields its dimensions; Figure.For and the cells give dimension codes.

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
		"operators.stated":        {KindBool, "yes_no"},
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
	SourceStaff: {
		// dimensions
		"unit":     {KindCode, "units"},
		"district": {KindCode, "districts"},
		"contract": {KindCode, "contracts"},
		"role":     {KindCode, "roles"},
		"area":     {KindCode, "areas"},
		"sex":      {KindCode, "sexes"},
		"age_band": {KindCode, "age_bands"},
		"employer": {KindCode, "employers"},
		// measures
		"headcount":         {KindNumber, ""}, // people in service on 31 December
		"fte":               {KindNumber, ""}, // full-time equivalents on 31 December
		"average_headcount": {KindNumber, ""}, // average staff over the year
		"hires":             {KindNumber, ""},
		"leavers":           {KindNumber, ""},
		"training_hours":    {KindNumber, ""},
		"vacancies":         {KindNumber, ""}, // posts not filled on 31 December
		"long_absences":     {KindNumber, ""}, // absent for over 60 days on 31 December
		"community_workers": {KindNumber, ""}, // staff active in community work
	},
	SourceServices: {
		// dimensions
		"district":     {KindCode, "districts"},
		"target":       {KindCode, "service_targets"},
		"citizenship":  {KindCode, "citizenships"},
		"age_band":     {KindCode, "user_age_bands"},
		"sex":          {KindCode, "sexes"},
		"intervention": {KindCode, "interventions"},
		"placement":    {KindCode, "placements"},
		"desk":         {KindCode, "desks"},
		"channel":      {KindCode, "channels"},
		"requester":    {KindCode, "requesters"},
		"need":         {KindCode, "needs"},
		"outcome":      {KindCode, "outcomes"},
		// measures of the territorial social service (B.1)
		"users":            {KindNumber, ""}, // persons in the care of the service in the year
		"new_cases":        {KindNumber, ""},
		"closed_cases":     {KindNumber, ""},
		"protected_minors": {KindNumber, ""}, // minors under a protection order on 31 December
		"interventions":    {KindNumber, ""},
		"personal_plans":   {KindNumber, ""}, // users with a personalised plan
		"community_users":  {KindNumber, ""}, // users taking part in community experiences
		"expenditure":      {KindNumber, ""}, // euros
		// measures of the social desks (B.2)
		"contacts":        {KindNumber, ""}, // one person on one day
		"persons":         {KindNumber, ""}, // distinct persons
		"requests":        {KindNumber, ""}, // needs stated (several per contact)
		"filter_contacts": {KindNumber, ""}, // contacts handled by the filter services
		"filter_onward":   {KindNumber, ""}, // of which continued at a desk
		"opening_hours":   {KindNumber, ""},
		"desk_fte":        {KindNumber, ""}, // desk staff in full-time equivalents
	},
}
