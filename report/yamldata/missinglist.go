package yamldata

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// missingList reports a code whose code list vocabularies.yaml does not
// define: once per list, at its first use, with the number of uses (a
// missing list would otherwise give one identical line per record).
func (d *decoder) missingList(n *yaml.Node, code, list string) {
	prefix := missingListPrefix(list)
	e := d.missing[list]
	if e == nil {
		// The first use may be in a file read earlier, by another decoder.
		for _, old := range *d.errs {
			if strings.HasPrefix(old.Msg, prefix) {
				e = old
				break
			}
		}
	}
	if e == nil {
		d.errorf(n, "%s%s", prefix, missingListUses(code, 1))
		e = (*d.errs)[len(*d.errs)-1]
	} else {
		uses := 1
		if m := usesRE.FindStringSubmatch(e.Msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			uses = n + 1
		}
		first := ""
		if m := firstCodeRE.FindStringSubmatch(e.Msg); m != nil {
			first, _ = strconv.Unquote(m[1])
		}
		e.Msg = prefix + missingListUses(first, uses+1)
	}
	if d.missing == nil {
		d.missing = map[string]*report.Error{}
	}
	d.missing[list] = e
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

var (
	usesRE      = regexp.MustCompile(`in (\d+) other places$`)
	firstCodeRE = regexp.MustCompile(`: code ("(?:[^"\\]|\\.)*") cannot be checked here`)
)
