package narrative

import (
	"reflect"
	"testing"
	"text/template"
)

// TestBlockErrors: every block left open is said at the action that opens
// it; a parse error of another kind is left to text/template.
func TestBlockErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"{{if 1}}\n{{range .}}\n{{with 2}}{{end}}\n", "f.md:1:2: {{if}} is never closed with {{end}}\nf.md:2:2: {{range}} is never closed with {{end}}"},
		{"a\n  {{define \"x\"}}b\n", "f.md:2:4: {{define}} is never closed with {{end}}"},
		{"{{- /* {{end}}\n{{if}} */ -}}\n{{block \"x\" .}}{{print `}}{{end}}` '}'}}\n", "f.md:3:2: {{block}} is never closed with {{end}}"},
		{"{{if 1}}{{else if 2}}{{else}}{{end}}{{end}}", "f.md:1:38: {{end}} too many: no {{if}}, {{range}}, {{with}}, {{define}} or {{block}} is open here"},
		{"{{if 1}}\n{{ \"unclosed }}\n", ""},
		{"{{if}}", ""},
	}
	for _, tt := range tests {
		_, err := template.New("f.md").Parse(tt.text)
		if err == nil {
			t.Errorf("%q: no parse error", tt.text)
			continue
		}
		got := ""
		if errs := blockErrors(err, tt.text, "f.md"); errs != nil {
			got = errs.Error()
		}
		if got != tt.want {
			t.Errorf("%q (%v):\n got %q\nwant %q", tt.text, err, got, tt.want)
		}
	}
}

// TestDotsInUsersWords: every struct a template's dot may be (the page,
// the elements of its lists, what functions return) has its words for
// unknownField.
func TestDotsInUsersWords(t *testing.T) {
	known := map[reflect.Type]bool{}
	for _, d := range dots {
		known[d.t] = true
	}
	var check func(reflect.Type)
	check = func(tp reflect.Type) {
		for tp.Kind() == reflect.Slice || tp.Kind() == reflect.Pointer {
			tp = tp.Elem()
		}
		if tp.Kind() != reflect.Struct {
			return
		}
		if !known[tp] {
			t.Errorf("%s has no words in dots", tp)
		}
		for f := range tp.Fields() {
			if f.IsExported() {
				check(f.Type)
			}
		}
	}
	check(reflect.TypeFor[View]())
	for name, f := range (&env{}).funcs() {
		ft := reflect.TypeOf(f)
		for i := range ft.NumOut() {
			if name != "_text" {
				check(ft.Out(i))
			}
		}
	}
}
