package yamldata

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// decoder reads one file's node tree, adding every problem to errs.
type decoder struct {
	file string
	errs *report.ErrorList
	// cur is the last mapping read by fields: the place of an error whose
	// own node is missing, so that a slip in a caller never panics.
	cur *yaml.Node
	// warns receives warnings (nil: they are dropped); fontWarnings counts
	// the texts with characters the font cannot draw, fontPos is where the
	// last one starts.
	warns        *[]Warning
	fontWarnings int
	fontPos      report.Pos
	// lineOffset is added by plain to the line of every node: a batch of
	// records is parsed apart from the lines before it.
	lineOffset int
	// missing holds the error of each code list found missing (see
	// missingList).
	missing map[string]*report.Error
}

func (d *decoder) pos(n *yaml.Node) report.Pos {
	return report.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	if n == nil {
		n = d.cur
	}
	if n == nil {
		d.errs.Add(report.Pos{File: d.file, Line: 1}, format, args...)
		return
	}
	d.errs.Add(d.pos(n), format, args...)
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse returns the root node of the file's single document, or nil after
// adding the problem. Aliases and merge keys are refused: they are not needed
// in data files, and refusing them rules out alias bombs.
func (d *decoder) parse(data []byte, records bool) *yaml.Node {
	if !d.checkBytes(data) {
		return nil
	}
	if root := fastParse(data); root != nil {
		// The common case: the library's tree, read faster (see fastParse).
		if !d.plain(root) {
			return nil
		}
		d.finishText()
		return root
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(&doc)
	if err == nil {
		// A second document would be silently ignored: refuse it.
		var next yaml.Node
		if err2 := dec.Decode(&next); err2 == nil {
			d.errs.Add(report.Pos{File: d.file, Line: next.Line, Col: next.Column},
				"a second YAML document (after ---): keep every record in one list")
			return nil
		} else if !errors.Is(err2, io.EOF) {
			err = err2
		}
	} else if errors.Is(err, io.EOF) {
		err = nil // an empty file: reported below
	}
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		if strings.Contains(msg, "exceeded max depth") {
			if line == 0 {
				line = deepLine(data)
			}
			d.errs.Add(report.Pos{File: d.file, Line: line}, "invalid YAML: nesting too deep (over 10000 levels of lists, mappings or indentation)")
			return nil
		}
		line, col, text := syntaxError(data, line, msg)
		d.errs.Add(report.Pos{File: d.file, Line: line, Col: col}, "invalid YAML: %s", text)
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		msg := "the file is empty"
		if records {
			msg += " (write [] for a file with no records)"
		}
		d.errs.Add(report.Pos{File: d.file, Line: 1, Col: 1}, "%s", msg)
		return nil
	}
	if !d.plain(doc.Content[0]) {
		return nil
	}
	d.finishText()
	return doc.Content[0]
}

// plain reports whether the tree holds no alias and no merge key, adding
// an error for each it finds. It checks the characters of every scalar on
// the way (checkText).
func (d *decoder) plain(n *yaml.Node) bool {
	n.Line += d.lineOffset
	if n.Kind == yaml.ScalarNode {
		d.checkText(n)
	}
	switch {
	case n.Kind == yaml.AliasNode:
		d.errorf(n, "aliases (*%s) are not supported in data files: write the value out", n.Value)
		return false
	case n.Kind == yaml.ScalarNode && n.Tag == "!!merge":
		d.errorf(n, "merge keys (<<) are not supported in data files: write the fields out")
		return false
	}
	for _, c := range n.Content {
		if !d.plain(c) {
			return false // one is enough: an alias bomb holds thousands
		}
	}
	return true
}

// kindName names a node's kind for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.Tag {
	case "!!null":
		return "empty"
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true/false"
	}
	return fmt.Sprintf("%q", n.Value)
}

// fields checks that n is a mapping whose keys are all known, and that
// every key marked required (written with a final "!") is there. It returns
// the value node of each key present.
func (d *decoder) fields(n *yaml.Node, what string, keys ...string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of fields, not %s", what, kindName(n))
		return nil
	}
	d.cur = n
	m := make(map[string]*yaml.Node, len(keys))
	var misspelt map[string]bool // known keys an unknown one is likely a typo of
	// Records have a dozen fields: a scan finds a key written twice more
	// cheaply than a map, which only a hostile mapping of thousands needs.
	var seen map[string]*yaml.Node
	if len(n.Content) > 64 {
		seen = make(map[string]*yaml.Node, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var first *yaml.Node
		if seen != nil {
			first = seen[k.Value]
			if first == nil {
				seen[k.Value] = k
			}
		} else {
			first = firstKey(n.Content[:i], k.Value)
		}
		if first != nil {
			d.errorf(k, "field %q is written twice in %s (also at line %d)", k.Value, what, first.Line)
			continue
		}
		if !isKey(keys, k.Value) {
			names := make([]string, len(keys))
			for i, k := range keys {
				names[i] = strings.TrimSuffix(k, "!")
			}
			d.errorf(k, "unknown field %q in %s%s", k.Value, what, report.Hint(k.Value, names))
			if near, ok := report.Nearest(k.Value, names); ok {
				if misspelt == nil {
					misspelt = map[string]bool{}
				}
				misspelt[near] = true
			}
			continue
		}
		m[k.Value] = v
	}
	for _, k := range keys {
		name, required := strings.CutSuffix(k, "!")
		if v, ok := m[name]; required && !misspelt[name] && (!ok || isNull(v)) {
			d.errorf(n, "%s: missing required field %q", what, name)
		}
	}
	return m
}

// firstKey returns the key node named name among the keys of a mapping's
// content (keys and values alternate), or nil.
func firstKey(content []*yaml.Node, name string) *yaml.Node {
	for i := 0; i+1 < len(content); i += 2 {
		if content[i].Value == name {
			return content[i]
		}
	}
	return nil
}

// isKey reports whether name is one of keys, written with or without the
// final "!" of a required key.
func isKey(keys []string, name string) bool {
	for _, k := range keys {
		if k == name || (len(k) == len(name)+1 && k[len(k)-1] == '!' && k[:len(name)] == name) {
			return true
		}
	}
	return false
}

// record names a record in messages: "project P003", or by its place in
// the list when it has no id.
func record(kind string, n *yaml.Node, i int) string {
	if n.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(n.Content); j += 2 {
			if (n.Content[j].Value == "id" || n.Content[j].Value == "code") && n.Content[j+1].Kind == yaml.ScalarNode && n.Content[j+1].Value != "" {
				return kind + " " + n.Content[j+1].Value
			}
		}
	}
	return fmt.Sprintf("%s #%d", kind, i+1)
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// list checks that n is a list and returns its items.
func (d *decoder) list(n *yaml.Node, what string) []*yaml.Node {
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list, not %s", what, kindName(n))
		return nil
	}
	return n.Content
}

// str returns the text of a scalar field holding a code or an id (one
// line, report.MaxCode characters); numbers are read as text, so a name or
// code such as 2020 is accepted.
func (d *decoder) str(n *yaml.Node, what string) string { return d.textOf(n, what, codeText) }

// name returns a name or label (one line, report.MaxName characters).
func (d *decoder) name(n *yaml.Node, what string) string { return d.textOf(n, what, nameText) }

// title returns a title (one line, report.MaxTitle characters).
func (d *decoder) title(n *yaml.Node, what string) string { return d.textOf(n, what, titleText) }

// note returns free text (several lines, report.MaxText characters).
func (d *decoder) note(n *yaml.Node, what string) string { return d.textOf(n, what, freeText) }

// strs returns the texts of a list of scalars of the given kind.
func (d *decoder) strs(n *yaml.Node, what string, k textKind) []string {
	items := d.list(n, what)
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s := d.textOf(it, what+" item", k); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// count returns a whole, non-negative number, or 0 after adding an error.
func (d *decoder) count(n *yaml.Node, what string) int {
	c, _ := d.countOK(n, what)
	return c
}

// countOK is count that also reports whether the number was valid.
func (d *decoder) countOK(n *yaml.Node, what string) (int, bool) {
	f, ok := d.amount(n, what, false)
	return int(f), ok
}

// amount returns a non-negative number, whole unless decimal is set, or
// false after adding an error.
func (d *decoder) amount(n *yaml.Node, what string, decimal bool) (float64, bool) {
	if n == nil || isNull(n) {
		return 0, false
	}
	kind := "a whole number"
	if decimal {
		kind = "a number"
	}
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		d.errorf(n, "%s must be %s, not %s", what, kind, kindName(n))
		return 0, false
	}
	// A whole number written "1.000" would read as 1 and "0x10" as 16: a
	// figure typed the Italian way, or by a slip, must not become another
	// number. (A decimal written 1.500 cannot be told from one and a half.)
	switch {
	case !decimal && thousands.MatchString(n.Value):
		d.errorf(n, "%s must be %s, not %s: write it without a thousands separator (%s)",
			what, kind, n.Value, strings.NewReplacer(".", "", ",", "").Replace(n.Value))
		return 0, false
	case !plainDecimal.MatchString(n.Value):
		d.errorf(n, "%s must be %s written with digits only, not %s", what, kind, n.Value)
		return 0, false
	}
	f, err := scalarNumber(n)
	switch {
	case err != nil || (!decimal && f != math.Trunc(f)):
		d.errorf(n, "%s must be %s, not %s", what, kind, n.Value)
		return 0, false
	case f < 0:
		d.errorf(n, "%s must not be negative (%s)", what, n.Value)
		return 0, false
	case f > 1e12:
		d.errorf(n, "%s is implausibly large (%s)", what, n.Value)
		return 0, false
	case f != 0 && f < 1e-6:
		// so small a value is a slip, and as a divisor it would overflow
		d.errorf(n, "%s is implausibly small (%s): write 0 or at least 0.000001", what, n.Value)
		return 0, false
	}
	return f, true
}

// The forms of a number a data file may use: digits, with a decimal point
// and an exponent where a decimal is allowed. YAML would also read 0x10,
// 0o20 and 1_000, which nobody filling a form means.
var (
	thousands    = regexp.MustCompile(`^[-+]?[0-9]{1,3}([.,][0-9]{3})+$`)
	plainDecimal = regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)
)

// scalarNumber parses a number scalar (tagged !!int or !!float) written
// in a plain decimal form, refusing what is not finite.
func scalarNumber(n *yaml.Node) (float64, error) {
	if !plainDecimal.MatchString(n.Value) {
		return 0, strconv.ErrSyntax
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
		err = strconv.ErrRange
	}
	return f, err
}

// boolean returns a true/false field.
func (d *decoder) boolean(n *yaml.Node, what string, def bool) bool {
	if n == nil || isNull(n) {
		return def
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s must be true or false, not %s", what, kindName(n))
		return def
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

// date returns a date written as 2020-06-30.
func (d *decoder) date(n *yaml.Node, what string) time.Time {
	if n == nil || isNull(n) {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		d.errorf(n, "%s must be a date written as 2020-06-30, not %s", what, kindName(n))
		return time.Time{}
	}
	return t
}

// ids tracks the ids of one kind of record, to report duplicates.
type ids struct {
	what  string
	first map[string]report.Pos
}

func newIDs(what string) *ids { return &ids{what: what, first: map[string]report.Pos{}} }

func (s *ids) add(d *decoder, n *yaml.Node, id string) {
	if id == "" {
		return
	}
	if p, ok := s.first[id]; ok {
		where := p.String()
		if p.File == d.file {
			where = "line " + strconv.Itoa(p.Line)
		}
		d.errorf(n, "duplicate %s %q (first at %s)", s.what, id, where)
		return
	}
	s.first[id] = d.pos(n)
}
