package narrative

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"rendiconto/report"
)

// TestRowOfAbsentCode: row, rowshare and rownum on a key the breakdown
// lacks. A code of the edition's own list that the edition does not have
// (one the catalogue names, or one close to none of the edition's codes)
// is n.d.; a key close to a row, or a key of rows the catalogue fixes (an
// enum, parts), is a mistake: an error with did-you-mean.
func TestRowOfAbsentCode(t *testing.T) {
	hs := history(t, "../../testdata/othercity", "it", 2022)
	r, ok := hs[0].Lookup("A.1.3")
	if !ok {
		t.Fatal("no A.1.3")
	}
	// The edition without the contract indeterminato, which the catalogue's
	// A.3.2 names.
	r.Breakdown = slices.DeleteFunc(r.Breakdown, func(row report.Row) bool { return row.Key == "indeterminato" })
	run := func(tpl string) (string, error) {
		doc, err := Build(context.Background(), Source{FS: fstest.MapFS{"a.md": {Data: []byte(tpl)}}, Name: "t"}, hs, "it", Limits{})
		if err != nil {
			return "", err
		}
		var b strings.Builder
		for _, bl := range doc.Blocks {
			if p, ok := bl.(interface{ Plain() string }); ok {
				b.WriteString(p.Plain())
			}
		}
		return b.String(), nil
	}
	for _, tc := range []struct{ tpl, want string }{
		{`{{row "A.1.3" "indeterminato"}} {{rowshare "A.1.3" "indeterminato"}}`, "n.d. n.d."},
		{`{{row "A.1.3" "somministrazione"}}`, "n.d."},
		{`{{if ne (row "A.1.3" "indeterminato") "n.d."}}sì{{else}}no{{end}}`, "no"},
	} {
		got, err := run(tc.tpl)
		if err != nil || got != tc.want {
			t.Errorf("%s: %q, %v; want %q", tc.tpl, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ tpl, want string }{
		{`{{row "B.3.3" "zona"}}`, `indicator B.3.3 has no row "zona" (did you mean "zone"?)`},
		{`{{row "A.1.3" "convenzion"}}`, `(did you mean "convenzione"?)`},
		{`{{rownum "A.1.3" "indeterminato"}}`, `has no row "indeterminato" in this edition`},
		{`{{row "A.1.5" "hire"}}`, `(did you mean "hires"?)`},
	} {
		_, err := run(tc.tpl)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want an error saying %q", tc.tpl, err, tc.want)
		}
	}
}
