package yamldata

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"weak"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// listUses counts the uses of a missing code list, by file: a file read
// again from its start (after its batches failed) counts afresh.
type listUses struct {
	first string // the code at the first use
	files map[string]int
}

// missingUses holds the uses behind each error of a missing code list,
// as long as the error exists.
var missingUses sync.Map // weak.Pointer[report.Error] → *listUses

// missingList reports a code whose code list vocabularies.yaml does not
// define: once per list, at its first use, with the number of uses (a
// missing list would otherwise give one identical line per record).
func (d *decoder) missingList(n *yaml.Node, code, list string) {
	e := d.missing[list]
	var u *listUses
	if e != nil {
		v, _ := missingUses.Load(weak.Make(e))
		u, _ = v.(*listUses)
	} else {
		// The first use may be in a file read earlier, by another decoder;
		// this decoder reads its file from the start.
		prefix := missingListPrefix(list)
		for _, old := range *d.errs {
			if strings.HasPrefix(old.Msg, prefix) {
				e = old
				break
			}
		}
		if e != nil {
			v, _ := missingUses.Load(weak.Make(e))
			if u, _ = v.(*listUses); u != nil {
				u.files[d.file] = 0
			}
		} else {
			d.errorf(n, "%s", prefix)
			e = (*d.errs)[len(*d.errs)-1]
		}
		if d.missing == nil {
			d.missing = map[string]*report.Error{}
		}
		d.missing[list] = e
	}
	if u == nil {
		u = &listUses{first: code, files: map[string]int{}}
		wp := weak.Make(e)
		missingUses.Store(wp, u)
		runtime.AddCleanup(e, func(k weak.Pointer[report.Error]) { missingUses.Delete(k) }, wp)
	}
	u.files[d.file]++
	total := 0
	for _, c := range u.files {
		total += c
	}
	e.Msg = missingListPrefix(list) + missingListUses(u.first, total)
}

func missingListPrefix(list string) string {
	return fmt.Sprintf("the code list %s is not in %s (add it there): ", list, report.FileVocabularies)
}

func missingListUses(code string, uses int) string {
	if uses == 1 {
		return fmt.Sprintf("code %q cannot be checked here", code)
	}
	return fmt.Sprintf("code %q cannot be checked here, nor the list's codes in %d other places", code, uses-1)
}
