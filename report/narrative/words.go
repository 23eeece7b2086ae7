package narrative

// words are the few phrases the program writes itself, by language.
var words = map[string]map[string]string{
	"it": {
		"item": "Voce", "share": "%", "total": "Totale", "source": "Fonte",
		"edition": "edizione", "records": "record", "indicator": "Indicatore",
		"definition": "Definizione", "file": "File", "up": "in aumento",
		"down": "in calo", "stable": "stabile", "missing": "Mancano i file",
		"complete": "Tutti i file dell'edizione sono presenti: ogni indicatore è calcolato.",
		"nd":       "Indicatori non disponibili (n.d.)", "read": "Record letti",
		"projects": "progetti", "of which in totals": "di cui nei totali",
		"tables": "tavoli", "groups": "gruppi", "organisations": "organizzazioni",
		"because": "per mancanza di", "no records": "nessun record", "compared": "rispetto al",
		"multi": "Risposte multiple: la somma delle righe, e delle loro quote, può superare i casi considerati.",
	},
	"en": {
		"item": "Item", "share": "%", "total": "Total", "source": "Source",
		"edition": "edition", "records": "records", "indicator": "Indicator",
		"definition": "Definition", "file": "File", "up": "up",
		"down": "down", "stable": "stable", "missing": "Missing files",
		"complete": "Every file of the edition is present: every indicator is computed.",
		"nd":       "Indicators not available (n/a)", "read": "Records read",
		"projects": "projects", "of which in totals": "of which in the totals",
		"tables": "tables", "groups": "groups", "organisations": "organisations",
		"because": "for lack of", "no records": "no records", "compared": "compared with",
		"multi": "Several answers: the rows, and their shares, may add up to more than the records considered.",
	},
}

func word(lang, key string) string {
	if w, ok := words[lang][key]; ok {
		return w
	}
	return words["it"][key]
}
