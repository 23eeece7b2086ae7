package narrative

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"rendiconto/report"
	"rendiconto/report/document"
	"rendiconto/report/yamldata"
	"rendiconto/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// history computes the editions of a data root, oldest first.
func history(t *testing.T, root, lang string, years ...int) []*report.Results {
	t.Helper()
	data, err := templates.FS.ReadFile("catalogue.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := yamldata.ParseCatalogue("catalogue.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	var out []*report.Results
	for _, y := range years {
		ed, _, err := yamldata.Load(root, y)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, report.Compute(ed, cat))
	}
	return out
}

// dump writes the document tree as text, one block a line.
func dump(doc *document.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "document %q %q year=%d city=%q date=%q\n", doc.Title, doc.Subtitle, doc.Year, doc.City, doc.DateText)
	for _, bl := range doc.Blocks {
		switch bl := bl.(type) {
		case *document.Heading:
			fmt.Fprintf(&b, "%s %s\n", strings.Repeat("#", bl.Level), bl.Text)
		case *document.Paragraph:
			fmt.Fprintf(&b, "p: %s\n", spans(bl.Spans))
		case *document.List:
			for _, it := range bl.Items {
				fmt.Fprintf(&b, "- %s\n", spans(it.Spans))
			}
		case *document.Quote:
			for _, p := range bl.Text {
				fmt.Fprintf(&b, "> %s\n", spans(p.Spans))
			}
			fmt.Fprintf(&b, "> — %s\n", bl.Source)
		case *document.Table:
			fmt.Fprintf(&b, "table %q %v note=%q\n", bl.Caption, bl.Header, bl.Note)
			for _, r := range bl.Rows {
				fmt.Fprintf(&b, "  | %s\n", strings.Join(r, " | "))
			}
		case *document.Chart:
			fmt.Fprintf(&b, "chart %s %q note=%q\n", bl.Kind, bl.Caption, bl.Note)
			for _, s := range bl.Series {
				if len(bl.Series) > 1 {
					fmt.Fprintf(&b, "  series %q\n", s.Name)
				}
				for i, v := range s.Values {
					fmt.Fprintf(&b, "  %s = %v\n", bl.Labels[i], v)
				}
			}
		}
	}
	return b.String()
}

func spans(ss []document.Span) string {
	var b strings.Builder
	for _, s := range ss {
		switch {
		case s.Bold:
			b.WriteString("**" + s.Text + "**")
		case s.Italic:
			b.WriteString("*" + s.Text + "*")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// TestOtherCity builds the report of a city the templates were not written
// for, with a missing tables and groups file in 2023, and compares the
// document tree with a golden file.
func TestOtherCity(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		t.Run(lang, func(t *testing.T) {
			hs := history(t, "../../testdata/othercity", lang, 2022, 2023)
			sub, _ := fs.Sub(templates.FS, lang)
			doc, err := Build(context.Background(), Source{FS: sub, Name: "templates/" + lang}, hs, lang, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got := dump(doc)
			for _, bad := range []string{"<no value>", "Bologna", "%!", "@@block"} {
				if strings.Contains(got, bad) {
					t.Errorf("the document holds %q", bad)
				}
			}
			golden := filepath.Join("testdata", "othercity-2023-"+lang+".golden")
			if *update {
				os.MkdirAll("testdata", 0o755)
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("document differs from %s; run go test ./report/narrative -update and review the diff", golden)
			}
		})
	}
}

func TestTemplateErrors(t *testing.T) {
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	tests := []struct {
		template string
		want     string
	}{
		{"# T\n\n{{value \"B.3.99\"}}", `t/a.md:3:2: unknown indicator "B.3.99" (did you mean "B.3.9"?) (at <value "B.3.99">)`},
		{"# T\n{{valeu \"B.3.1\"}}", `t/a.md:2: function "valeu" not defined`},
		{"{{.Yaer}}", `t/a.md:1:2: unknown field .Yaer (did you mean .Year?); the fields of the page are .Year, .City, .Title, .Subtitle, .Organisation, .Partners, .Published, .Residents, .DistrictCount, .ZoneCount, .Districts, .HasPrevious, .PrevYear, .District, .CityWideProjects, .CityDistrictCount, .CityResidents, .ResidentsShare`},
		{"# T\n{{range .Districts}}\n- {{.Nome}}\n{{end}}", `t/a.md:3:4: unknown field .Nome (did you mean .Name?); the fields of a district (in {{range .Districts}}) are .Name, .Residents, .Zones`},
		{"{{range top \"B.3.3\" 2}}{{.Lable}}{{end}}", `t/a.md:1:25: unknown field .Lable (did you mean .Label?); the fields of a row of top (in {{range top "ID" N}}) are .Key, .Label, .Value, .Share, .Num, .Text`},
		{"{{range top \"B.3.3\" 2}}{{$.Yaer}}{{end}}", `t/a.md:1:26: unknown field .Yaer (did you mean .Year?); the fields of the page are .Year, .City, .Title, .Subtitle, .Organisation, .Partners, .Published, .Residents, .DistrictCount, .ZoneCount, .Districts, .HasPrevious, .PrevYear, .District, .CityWideProjects, .CityDistrictCount, .CityResidents, .ResidentsShare (at <$.Yaer>)`},
		{"{{.Districts.Name}}", `t/a.md:1:12: unknown field .Name: .Districts is a list, without fields; range over it, {{range .Districts}}…{{end}}, where the fields of a district are .Name, .Residents, .Zones`},
		{"{{.Year.Number}}", `t/a.md:1:7: unknown field .Number: .Year is a number, without fields`},
		{"{{$districtsOfTheCity := .Districts}}{{$districtsOfTheCity.Name}}", `t/a.md:1:58: unknown field .Name: $districtsOfTheCity is a list, without fields; range over it, {{range $districtsOfTheCity}}…{{end}}, where the fields of a district are .Name, .Residents, .Zones`},
		{"{{with .City}}{{.Name}}{{end}}", `t/a.md:1:16: unknown field .Name: the dot is a text, without fields`},
		{"{{num \"B.3.tables\"}}", `t/a.md:1:2: indicator B.3.tables is n.d. in this edition: guard it with {{if known "B.3.tables"}} (at <num "B.3.tables">)`},
		{"{{chart \"B.3.projects\"}}", `t/a.md:1:2: indicator B.3.projects has no breakdown to chart (at <chart "B.3.projects">)`},
		{"# T\n\n  {{chart \"B.3.3\" \"radar\"}}", `t/a.md:3:4: unknown chart kind "radar" (one of: bar, hbar, stacked, donut, pie, line, spark, dumbbell) (at <chart "B.3.3" "radar">)`},
		{"{{chart \"B.3.3\" \"donnut\"}}", `t/a.md:1:2: unknown chart kind "donnut" (one of: bar, hbar, stacked, donut, pie, line, spark, dumbbell; did you mean "donut"?) (at <chart "B.3.3" "donnut">)`},
		{"{{chart \"B.3.3\" \"pie\" \"bar\"}}", `t/a.md:1:2: chart takes an indicator and at most one chart kind, not 2 (at <chart "B.3.3" "pie" "bar">)`},
		{"# T\n\n{{if known \"B.3.1\"}}\nx\n\ny\n", `t/a.md:3:2: {{if}} is never closed with {{end}}`},
		{"# T\n{{/* {{if */}}\n{{range top \"B.3.3\" 3}}\n  {{- if .Key}}x{{end}} {{printf \"{{end}}\"}}{{print `}}{{end}}`}}\n", `t/a.md:3:2: {{range}} is never closed with {{end}}`},
		{"{{with .City}}x{{block \"y\" .}}z{{end}}", `t/a.md:1:2: {{with}} is never closed with {{end}}`},
		{"# T\n{{if .Year}}x{{end}}\n\n  {{end}}\n", `t/a.md:4:4: {{end}} too many: no {{if}}, {{range}}, {{with}}, {{define}} or {{block}} is open here`},
		{"# T\n{{else}}\n", `t/a.md:2:2: {{else}} outside {{if}}, {{range}} or {{with}}`},
		{"{{row \"B.3.3\" \"zona\"}}", `t/a.md:1:2: indicator B.3.3 has no row "zona" (did you mean "zone"?) (at <row "B.3.3" "zona">)`},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{"a.md": {Data: []byte(tt.template)}, "b.md": {Data: []byte("# Due\n\n{{value \"nope\"}}")}}
		_, err := Build(context.Background(), Source{FS: fsys, Name: "t"}, hs, "it", Limits{})
		if err == nil {
			t.Errorf("%q: no error", tt.template)
			continue
		}
		lines := strings.Split(err.Error(), "\n")
		if lines[0] != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.template, lines[0], tt.want)
		}
		if len(lines) != 2 || !strings.HasPrefix(lines[1], "t/b.md:3:2: unknown indicator \"nope\"") {
			t.Errorf("the second file's error is missing: %q", lines)
		}
	}
}

// TestTableTooWide: a template's table wider than the page is an error
// naming the template, not columns drawn over each other.
func TestTableTooWide(t *testing.T) {
	hs := history(t, "../../testdata/othercity", "it", 2022, 2023)
	row := "|" + strings.Repeat(" a |", 20) + "\n"
	sep := "|" + strings.Repeat(" - |", 20) + "\n"
	fsys := fstest.MapFS{"a.md": {Data: []byte("# T\n\n" + row + sep + row)}}
	_, err := Build(context.Background(), Source{FS: fsys, Name: "t"}, hs, "it", Limits{})
	if err == nil || err.Error() != "t/a.md: a table of 20 columns does not fit the page: at most 12" {
		t.Errorf("got %v", err)
	}
}
