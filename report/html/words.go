package html

// words are the page's own words, by language.
type words struct {
	skip, contents, chartData, figure, table  string
	partners, edition, category, value, total string
	share, na, sample, naLong, noData         string
}

var wordsIn = map[string]words{
	"it": {
		skip: "Vai al contenuto", contents: "Indice", chartData: "Dati del grafico",
		figure: "Figura", table: "Tabella", partners: "In collaborazione con",
		edition: "Edizione %d", category: "Voce", value: "Valore", total: "Totale",
		share: "Quota", na: "–", naLong: "non disponibile", sample: "Dati di esempio",
		noData: "nessun dato",
	},
	"en": {
		skip: "Skip to content", contents: "Contents", chartData: "Chart data",
		figure: "Figure", table: "Table", partners: "In partnership with",
		edition: "Edition %d", category: "Item", value: "Value", total: "Total",
		share: "Share", na: "–", naLong: "not available", sample: "Sample data",
		noData: "no data",
	},
}

// wordsFor is the words of lang, Italian when it is neither it nor en.
func wordsFor(lang string) words {
	if w, ok := wordsIn[lang]; ok {
		return w
	}
	return wordsIn["it"]
}
