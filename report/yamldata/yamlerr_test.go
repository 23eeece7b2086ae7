package yamldata

import (
	"strings"
	"testing"

	"rendiconto/report"
)

// TestSyntaxErrors: the YAML library's messages reach users in plain
// words, at the line and column of the mistake.
func TestSyntaxErrors(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"tab indentation", "- id: x\n  name: y\n\tkind: z\n",
			"f.yaml:3:1: invalid YAML: a tab is used to indent this line: indent with spaces only (replace the tab with spaces)"},
		{"tab after spaces", "- id: x\n  name: y\n  \tkind: z\n",
			"f.yaml:3:3: invalid YAML: a tab is used to indent this line: indent with spaces only (replace the tab with spaces)"},
		{"unquoted colon", "- id: x\n  name: Casa: lavoro\n  kind: z\n",
			`f.yaml:2:13: invalid YAML: a ":" followed by a space inside a text: put the whole text in quotes, such as name: "Casa: lavoro"`},
		{"unclosed quote", "- id: x\n  name: \"Casa\n  kind: z\n- id: y\n",
			`f.yaml:2:9: invalid YAML: the text in quotes opened here is never closed: add the closing " at the end of the text`},
		{"unclosed bracket", "- id: x\n  themes: [a, b\n  kind: z\n- id: y\n",
			"f.yaml:2:11: invalid YAML: the list in brackets opened here with [ is never closed: add ] at its end, on the same line (items are separated by commas)"},
		{"bad list indentation", "themes:\n  - code: a\n    label: A\n - code: b\n   label: B\n",
			`f.yaml:4:2: invalid YAML: this list item (-) is not in line with the items or fields above it: start it in the same column as the other "-" of its list`},
		{"list item among fields", "- id: x\n  name: y\n  - z\n",
			`f.yaml:3:3: invalid YAML: this list item (-) is not in line with the items or fields above it: start it in the same column as the other "-" of its list`},
		{"stray character", "- id: x\n  name: @casa\n",
			`f.yaml:2:9: invalid YAML: a text cannot start with @: put the whole text in quotes, such as "@casa"`},
		{"indented field", "- id: x\n  name: y\n   kind: z\n",
			"f.yaml:3:4: invalid YAML: this line is indented further than the field above it: start it in the same column as the other fields of its record (or, if it continues the text above, put that text in quotes)"},
		{"field less indented", "a: 1\nb:\n  c: 1\n d: 2\n",
			"f.yaml:4:2: invalid YAML: this line is not indented like the lines above it: the fields of one record start in the same column, and a line goes further right only under a field that holds it"},
		{"text after quote", "- id: x\n  name: 'l'amico'\n",
			`f.yaml:2:12: invalid YAML: text after the closing quote: put the whole text in quotes (inside '…' write an apostrophe as '', inside "…" a quote as \")`},
		{"stray bracket", "- id: x\n  themes: [a, b]]\n",
			"f.yaml:2:17: invalid YAML: a ] with no [ before it: remove it"},
		{"missing comma in braces", "- {id: x, name: y}\n- {id: z name: w}\n",
			"f.yaml:2:3: invalid YAML: the mapping in braces opened here with { is not written well: separate its items with commas and close it with }"},
		{"colon on the first line", "a: b: c\n",
			`f.yaml:1:5: invalid YAML: a ":" followed by a space inside a text: put the whole text in quotes, such as a: "b: c"`},
		{"bad escape", "- name: \"a\\q\"\n",
			`f.yaml:1:11: invalid YAML: a backslash (\) in a text in double quotes starts a special character: write it as \\, or put the text in single quotes`},
		{"alias-like text", "a: *\n",
			"f.yaml:1:4: invalid YAML: a text cannot start with *: put the whole text in quotes"},
		{"two commas", "- id: x\n  themes: [a, , b]\n",
			"f.yaml:2:13: invalid YAML: a value is missing here (two commas in a row, or a comma before ]): remove the extra comma"},
		{"byte order mark", "\xEF\xBB\xBFa: b: c\n",
			`f.yaml:1:5: invalid YAML: a ":" followed by a space inside a text: put the whole text in quotes, such as a: "b: c"`},
		{"UTF-16", "\xFF\xFEa\x00:\x00 \x00b\x00:\x00 \x00c\x00\n\x00",
			`f.yaml:1:5: invalid YAML: a ":" followed by a space inside a text: put the whole text in quotes, such as a: "b: c"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var errs report.ErrorList
			d := &decoder{file: "f.yaml", errs: &errs}
			if n := d.parse([]byte(c.data), true); n != nil || len(errs) != 1 {
				t.Fatalf("want one error, got %v", errs)
			}
			if got := errs.Error(); got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
			if strings.Contains(errs.Error(), "context") || strings.Contains(errs.Error(), "token") {
				t.Errorf("the library's words: %s", errs.Error())
			}
		})
	}
}

// FuzzSyntaxError: any bytes that do not parse give one error with a
// line, and never a panic.
func FuzzSyntaxError(f *testing.F) {
	for _, s := range []string{"a: b: c\n", "- [a, b\n", "\t- x\n", "- 'x\n", "a: *\n", "a:\n  - b\n  c: 1\n", "- {a: 1 b: 2}\n", "x: \"\\q\"\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var errs report.ErrorList
		d := &decoder{file: "f.yaml", errs: &errs}
		if d.parse(data, true) != nil {
			return
		}
		for _, e := range errs {
			if e.Pos.Line < 0 || e.Pos.Col < 0 || strings.Contains(e.Msg, "\n") {
				t.Errorf("bad error %v", e)
			}
		}
	})
}
