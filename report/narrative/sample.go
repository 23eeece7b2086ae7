package narrative

import (
	"fmt"

	"rendiconto/report"
)

// sampleNote is the sentence that tells a reader the records are
// synthetic, when any of the editions (one for a report, two for a
// comparison) is marked sample in edition.yaml; "" when none is.
func sampleNote(lang string, eds ...*report.Edition) string {
	var sample []*report.Edition
	for _, ed := range eds {
		if ed.Sample {
			sample = append(sample, ed)
		}
	}
	en := lang == "en"
	switch {
	case len(sample) == 0:
		return ""
	case len(eds) == 1 && en:
		return "Sample data: the records of this edition are synthetic and describe no real projects or people."
	case len(eds) == 1:
		return "Dati di esempio: i record di questa edizione sono sintetici e non descrivono progetti o persone reali."
	case len(sample) == len(eds) && en:
		return "Sample data: the records of the editions compared are synthetic and describe no real projects or people."
	case len(sample) == len(eds):
		return "Dati di esempio: i record delle edizioni confrontate sono sintetici e non descrivono progetti o persone reali."
	case en:
		return fmt.Sprintf("Sample data: the records of the %d edition are synthetic and describe no real projects or people.", sample[0].Year)
	}
	return fmt.Sprintf("Dati di esempio: i record dell'edizione %d sono sintetici e non descrivono progetti o persone reali.", sample[0].Year)
}
