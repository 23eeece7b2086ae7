package report

// DataSource is a data file of an edition as a reader knows it: the key
// that names it in edition.yaml's sources (the record set or aggregate
// source it holds), and the name a caption gives it when the edition names
// it in no other way. A reader never sees a file name.
type DataSource struct {
	Key  string
	File string
	Name Text // lower case: it is read mid-sentence ("Fonte: monitoraggio …, 2019")
}

// DataSources are the data files of an edition, in the order the method
// part lists them.
var DataSources = []DataSource{
	{SourceProjects, FileProjects, Text{"monitoraggio dei progetti inclusivi", "monitoring of inclusive projects"}},
	{SourceTables, FileTables, Text{"monitoraggio dei tavoli permanenti", "monitoring of permanent tables"}},
	{SourceGroups, FileGroups, Text{"monitoraggio dei gruppi di cittadini", "monitoring of citizen groups"}},
	{SourceOrganisations, FileOrganisations, Text{"elenco delle organizzazioni del territorio", "list of the organisations of the territory"}},
	{SourceStaff, FileStaff, Text{"dati sul personale", "staff figures"}},
	{SourceServices, FileServices, Text{"dati dei servizi sociali", "social services figures"}},
	// optional, no indicator reads it: listed when present
	{"goals", FileGoals, Text{"obiettivi di miglioramento", "improvement goals"}},
}

// SourceKeys are the keys edition.yaml's sources may give.
func SourceKeys() []string {
	keys := make([]string, len(DataSources))
	for i, s := range DataSources {
		keys[i] = s.Key
	}
	return keys
}

// dataSource returns the source held in file, if it is one of DataSources.
func dataSource(file string) (DataSource, bool) {
	for _, s := range DataSources {
		if s.File == file {
			return s, true
		}
	}
	return DataSource{}, false
}

// SourceName is how the report names the data file in lang: the edition's
// own name for it (sources, sources_en in edition.yaml), or the default.
// A file that is none of DataSources keeps a neutral name, never its own.
func (e *Edition) SourceName(file, lang string) string {
	s, ok := dataSource(file)
	if !ok {
		return Text{"dati dell'edizione", "data of the edition"}.In(lang)
	}
	own := e.Sources[s.Key]
	switch {
	case lang == "en" && own.En != "":
		return own.En
	case own.It != "":
		// in English too when the edition gives no English name: the
		// document's own name, as it is called
		return own.It
	}
	return s.Name.In(lang)
}
