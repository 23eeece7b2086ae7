package yamldata

import "testing"

// TestLabelText: a code's optional running-text labels are read.
func TestLabelText(t *testing.T) {
	ed, _, err := Load("../../data", 2020)
	if err != nil {
		t.Fatal(err)
	}
	e, ok := ed.Vocabularies["channels"].Lookup("telefono")
	if !ok || e.LabelTextIn("it") != "il telefono" || e.LabelTextIn("en") != "the telephone" {
		t.Errorf("telefono: %+v", e)
	}
	if e, _ := ed.Vocabularies["themes"].Lookup("anziani"); e.LabelText != "" {
		t.Errorf("anziani has a label_text it does not give: %q", e.LabelText)
	}
}
