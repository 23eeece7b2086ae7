package main

import (
	"strings"
	"testing"
)

// TestBatchLanguagesComputeOnce: a batch in two languages computes each
// edition once (results are bilingual), so an edition's warnings are
// printed once, not once a language.
func TestBatchLanguagesComputeOnce(t *testing.T) {
	code, _, errOut := runArgs(t, "build", "--data", "../../testdata/othercity", "--lang", "it,en", "--out", t.TempDir())
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	const warning = "tables.yaml: warning: file is missing"
	if n := strings.Count(errOut, warning); n != 1 {
		t.Errorf("%q printed %d times, want once:\n%s", warning, n, errOut)
	}
}
