package workbook

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
	"rendiconto/report/yamldata"
)

// loaderFields reads the field lists of the record files from the loader's
// source: the keys of each d.fields call in its functions organisations,
// projects, tables and groups (a nested mapping's keys prefixed by its
// field's), a final "!" marking a required one.
func loaderFields(t *testing.T) map[string][]string {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "../yamldata/edition.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		source := fn.Name.Name
		switch source {
		case report.SourceOrganisations, report.SourceProjects, report.SourceTables, report.SourceGroups:
		default:
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "fields" || len(call.Args) < 3 {
				return true
			}
			prefix := ""
			if lit, ok := call.Args[1].(*ast.BasicLit); ok {
				what, _ := strconv.Unquote(lit.Value)
				prefix = what + "."
			}
			for _, a := range call.Args[2:] {
				lit, ok := a.(*ast.BasicLit)
				if !ok {
					t.Fatalf("%s: a field list that is not string literals", fset.Position(a.Pos()))
				}
				k, _ := strconv.Unquote(lit.Value)
				out[source] = append(out[source], prefix+k)
			}
			return true
		})
	}
	return out
}

// TestLayoutMatchesLoader checks that every field the loader reads has a
// column, with the same required mark, and every column is such a field.
// A project's operators are read by office (the offices list, or sst,
// reti and other): they are checked by TestLayoutLoads.
func TestLayoutMatchesLoader(t *testing.T) {
	fields := loaderFields(t)
	if len(fields) != 4 {
		t.Fatalf("found the fields of %d record files in the loader, want 4: %v", len(fields), fields)
	}
	for _, s := range ForEdition(nil) {
		var want []string
		for _, k := range fields[s.Source] {
			if k == "beneficiaries!" || k == "operators" || k == "funding_amounts" {
				continue // a nested group: its fields are columns
			}
			want = append(want, k)
		}
		var got []string
		for _, c := range s.Columns {
			if strings.HasPrefix(c.Key, operatorsPrefix) || strings.HasPrefix(c.Key, FundingPrefix) {
				continue
			}
			k := c.Key
			if c.Required {
				k += "!"
			}
			got = append(got, k)
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the layout's columns %v, the loader's fields %v", s.Source, got, want)
		}
	}
}

// yamlRecords writes a record set as YAML from the workbook's values,
// column by column as the layout says: the shape an importer writes.
func yamlRecords(t *testing.T, ed *report.Edition, s *Sheet, n int) []byte {
	t.Helper()
	var list []any
	for r := range n {
		vals := Values(ed, s.Source, r, "it")
		rec := &yaml.Node{Kind: yaml.MappingNode}
		nested := map[string]*yaml.Node{}
		for _, c := range s.Columns {
			v, ok := vals[c.Key]
			if !ok {
				continue
			}
			var val yaml.Node
			switch c.Kind {
			case Codes:
				var items []string
				for it := range strings.SplitSeq(v.(string), ";") {
					items = append(items, strings.TrimSpace(it))
				}
				if err := val.Encode(items); err != nil {
					t.Fatal(err)
				}
			case Bool:
				val.Encode(v == "sì")
			default:
				val.Encode(v)
			}
			dst, key := rec, c.Key
			if group, sub, ok := strings.Cut(c.Key, "."); ok {
				if nested[group] == nil {
					nested[group] = &yaml.Node{Kind: yaml.MappingNode}
					rec.Content = append(rec.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: group}, nested[group])
				}
				dst, key = nested[group], sub
			}
			dst.Content = append(dst.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &val)
		}
		list = append(list, rec)
	}
	if list == nil {
		return []byte("[]\n")
	}
	data, err := yaml.Marshal(list)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestLayoutLoads writes data/2019 back as YAML from the layout's columns
// and loads it: the loader takes every column, and the records come back
// the same. Again with an offices code list, whose codes become the
// operator columns.
func TestLayoutLoads(t *testing.T) {
	for _, offices := range []bool{false, true} {
		t.Run("offices="+strconv.FormatBool(offices), func(t *testing.T) {
			src := filepath.Join("..", "..", "data", "2019")
			root := t.TempDir()
			dir := filepath.Join(root, "2019")
			os.Mkdir(dir, 0o777)
			for _, name := range []string{report.FileEdition, report.FileVocabularies} {
				data, err := os.ReadFile(filepath.Join(src, name))
				if err != nil {
					t.Fatal(err)
				}
				if offices && name == report.FileVocabularies {
					data = append(data, "\noffices:\n  - {code: sportello, label: Sportello sociale}\n  - {code: educativa, label: Servizio educativo}\n"...)
				}
				os.WriteFile(filepath.Join(dir, name), data, 0o666)
			}
			ed, _, err := yamldata.Load(filepath.Join("..", "..", "data"), 2019)
			if err != nil {
				t.Fatal(err)
			}
			if offices {
				// The same operators, counted by the new offices.
				ed.Vocabularies[report.VocabOffices] = &report.Vocabulary{Name: report.VocabOffices, Entries: []report.Entry{
					{Code: "sportello", Label: "Sportello sociale"}, {Code: "educativa", Label: "Servizio educativo"}}}
				for i := range ed.Projects {
					o := &ed.Projects[i].Operators
					if o.Stated {
						*o = report.Operators{ByOffice: map[string]int{"sportello": o.SST, "educativa": o.Reti + o.Other}, Stated: true}
					}
				}
			}
			sheets := ForEdition(ed)
			for i := range sheets {
				s := &sheets[i]
				n := (&writer{ed: ed}).records(s.Source)
				if err := os.WriteFile(filepath.Join(dir, s.File), yamlRecords(t, ed, s, n), 0o666); err != nil {
					t.Fatal(err)
				}
			}
			got, _, err := yamldata.Load(root, 2019)
			if err != nil {
				t.Fatalf("the YAML written from the layout does not load:\n%v", err)
			}
			for _, c := range []struct {
				name      string
				got, want any
			}{
				{"organisations", got.Organisations, ed.Organisations},
				{"projects", got.Projects, ed.Projects},
				{"tables", got.Tables, ed.Tables},
				{"groups", got.Groups, ed.Groups},
			} {
				if !reflect.DeepEqual(c.got, c.want) {
					t.Errorf("%s differ after the round trip through the layout", c.name)
				}
			}
		})
	}
}

// TestLayoutDocumented checks that docs/data-model.md ("Workbook") has a
// row for every column of the default layout, with its headers.
func TestLayoutDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "data-model.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ForEdition(nil) {
		if !strings.Contains(string(doc), "**"+s.Name.It+"** / **"+s.Name.En+"** (`"+s.File+"`)") {
			t.Errorf("docs/data-model.md does not name the sheet %s", s.Name.It)
		}
		for _, c := range s.Columns {
			row := "| `" + c.Key + "` | " + c.Label.It + " | " + c.Label.En + " |"
			if !strings.Contains(string(doc), row) {
				t.Errorf("docs/data-model.md has no row %q", row)
			}
		}
	}
}
