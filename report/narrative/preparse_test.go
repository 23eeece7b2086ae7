package narrative

import (
	"context"
	"fmt"
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"

	"rendiconto/templates"
)

// TestPreparse checks that Build makes the same document, or the same
// errors, from a preparsed source as from the source itself, for the first
// Build and for the ones after it (which parse the texts again): on the
// built-in templates, on templates that do not parse or fail as they run,
// on a source with no template.
func TestPreparse(t *testing.T) {
	hs := history(t, "../../data", "it", 2018, 2019)
	it, err := fs.Sub(templates.FS, "it")
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string]Source{
		"built-in": {FS: it, Name: "templates/it"},
		"broken": {FS: fstest.MapFS{
			"a.md": {Data: []byte("# A\n\n{{define \"x\"}}{{.City}}{{end}}{{template \"x\" .}} e {{value \"B.3.1\"}}\n")},
			"b.md": {Data: []byte("{{if}}\n")},
			"c.md": {Data: []byte("{{.Nope}}\n")},
			"d.md": {Data: []byte("{{value \"no.such\"}}\n")},
		}, Name: "t"},
		"empty": {FS: fstest.MapFS{"a.txt": {Data: []byte("x")}}, Name: "t"},
	}
	for name, src := range sources {
		want, wantErr := Build(context.Background(), src, hs, Limits{})
		pre := src.Preparse()
		for i := range 3 {
			got, err := Build(context.Background(), pre, hs, Limits{})
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s, build %d: error %v, want %v", name, i+1, err, wantErr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, build %d: the document differs from the one of the source itself", name, i+1)
			}
		}
		if wantErr == nil && name != "built-in" {
			t.Errorf("%s: no error", name)
		}
	}
}
