package report

import "rendiconto/report/words"

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
	{SourceProjects, FileProjects, sourceName(SourceProjects)},
	{SourceTables, FileTables, sourceName(SourceTables)},
	{SourceGroups, FileGroups, sourceName(SourceGroups)},
	{SourceOrganisations, FileOrganisations, sourceName(SourceOrganisations)},
	{SourceStaff, FileStaff, sourceName(SourceStaff)},
	{SourceServices, FileServices, sourceName(SourceServices)},
	// optional, no indicator reads it: listed when present
	{"goals", FileGoals, sourceName("goals")},
}

// sourceName is the default name of the data file of a source key, in
// both languages (words.Words.SourceNames).
func sourceName(key string) Text {
	return bothIn(func(w *words.Words) string { return w.SourceNames[key] })
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
		return words.For(lang).SourceNames["edition"]
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
