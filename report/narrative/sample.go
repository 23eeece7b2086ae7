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
		return "Sample data: the figures in this report are invented for demonstration and are not the institution's real data."
	case len(eds) == 1:
		return "Dati di esempio: i numeri di questo rapporto sono inventati a scopo dimostrativo e non sono dati reali dell'ente."
	case len(sample) == len(eds) && en:
		return "Sample data: the figures in this comparison are invented for demonstration and are not the institution's real data."
	case len(sample) == len(eds):
		return "Dati di esempio: i numeri di questo confronto sono inventati a scopo dimostrativo e non sono dati reali dell'ente."
	case en:
		return fmt.Sprintf("Sample data: the %d figures in this comparison are invented for demonstration and are not the institution's real data.", sample[0].Year)
	}
	return fmt.Sprintf("Dati di esempio: i numeri del %d in questo confronto sono inventati a scopo dimostrativo e non sono dati reali dell'ente.", sample[0].Year)
}
