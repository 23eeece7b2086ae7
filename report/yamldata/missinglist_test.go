package yamldata

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// TestMissingListCountsOnce: a missing code list is one error whatever the
// number of uses and files; a file read again from its start (its batches
// failed) is not counted twice.
func TestMissingListCountsOnce(t *testing.T) {
	var errs report.ErrorList
	node := func(line int) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: 3} }
	tables := &decoder{file: "tables.yaml", errs: &errs}
	for i := range 3 {
		tables.missingList(node(i+1), "sst", "coordination")
	}
	groups := &decoder{file: "groups.yaml", errs: &errs}
	groups.missingList(node(1), "ets", "coordination")
	groups.missingList(node(2), "ets", "coordination")
	groups = &decoder{file: "groups.yaml", errs: &errs} // read again
	groups.missingList(node(1), "ets", "coordination")
	groups.missingList(node(2), "ets", "coordination")
	tables.missingList(node(9), "sst", "origins")
	want := `tables.yaml:1:3: the code list coordination is not in vocabularies.yaml (add it there): code "sst" cannot be checked here, nor the list's codes in 4 other places
tables.yaml:9:3: the code list origins is not in vocabularies.yaml (add it there): code "sst" cannot be checked here`
	if got := errs.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
