package narrative

import (
	"fmt"

	"rendiconto/report"
	"rendiconto/report/words"
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
	w := words.For(lang)
	switch {
	case len(sample) == 0:
		return ""
	case len(eds) == 1:
		return w.SampleReport
	case len(sample) == len(eds):
		return w.SampleComparison
	}
	return fmt.Sprintf(w.SampleYear, sample[0].Year)
}
