package yamldata

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"rendiconto/report"
	"rendiconto/templates"
)

// bigFS is a synthetic edition about 100 times the sample: n projects, n
// tables, n groups and n/2 organisations over the small base's territory
// and code lists.
func bigFS(n int) fstest.MapFS {
	fsys := validFS()
	var orgs, projects, tables, groups strings.Builder
	kinds := []string{"aps", "parrocchia"}
	for i := range n / 2 {
		fmt.Fprintf(&orgs, "- {id: o%d, name: Organizzazione %d, kind: %s}\n", i, i, kinds[i%2])
	}
	for i := range n {
		scope := []string{"city", "district", "zone"}[i%3]
		fmt.Fprintf(&projects, `- id: P%d
  name: Progetto %d
  new: %t
  origin: %s
  need_area: anziani
  scope: %s
  districts: [est]
  zones: [e1]
  beneficiaries: {total: %d, in_charge: %d}
  organisations: [o%d, o%d, o%d]
  operators: {sst: 3, reti: 1, other: 2}
  activities: [socialita]
  funding: [comune]
  targets: [anziani]
`, i, i, i%6 == 0, []string{"pdz", "other"}[i%2], scope, 50+i%400, i%40, i%(n/2), (i*7)%(n/2), (i*13)%(n/2))
		fmt.Fprintf(&tables, "- {id: T%d, name: Tavolo %d, district: est, coordination: sst, themes: [anziani], purposes: [supporto], organisations: [o%d, o%d], meetings: 6}\n",
			i, i, (i*3)%(n/2), (i*11)%(n/2))
		fmt.Fprintf(&groups, "- {id: G%d, name: Gruppo %d, district: ovest, coordination: sst, themes: [anziani], purposes: [supporto], citizens: %d, organisations: [o%d]}\n",
			i, i, 2+i%9, (i*5)%(n/2))
	}
	fsys["2021/organisations.yaml"] = &fstest.MapFile{Data: []byte(orgs.String())}
	fsys["2021/projects.yaml"] = &fstest.MapFile{Data: []byte(projects.String())}
	fsys["2021/tables.yaml"] = &fstest.MapFile{Data: []byte(tables.String())}
	fsys["2021/groups.yaml"] = &fstest.MapFile{Data: []byte(groups.String())}
	return fsys
}

// BenchmarkLoadCompute loads, validates and computes the whole catalogue on
// an edition of 10000 projects, 10000 tables, 10000 groups and 5000
// organisations.
func BenchmarkLoadCompute(b *testing.B) {
	fsys := bigFS(10000)
	data, err := templates.FS.ReadFile("catalogue.yaml")
	if err != nil {
		b.Fatal(err)
	}
	cat, err := ParseCatalogue("catalogue.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, f := range fsys {
		size += len(f.Data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		ed, _, err := LoadFS(fsys, "mem", 2021)
		if err != nil {
			b.Fatal(err)
		}
		rs := report.Compute(ed, cat)
		if r, _ := rs.Lookup("B.3.projects"); r.Value.Num != 10000 {
			b.Fatalf("projects = %v", r.Value.Num)
		}
	}
}

// BenchmarkLoadSample reads the catalogue and the sample editions a build
// of the 2019 report reads (2018 and 2019), one after the other.
func BenchmarkLoadSample(b *testing.B) {
	data, err := templates.FS.ReadFile("catalogue.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseCatalogue("catalogue.yaml", data); err != nil {
			b.Fatal(err)
		}
		for _, year := range []int{2018, 2019} {
			if _, _, err := Load("../../data", year); err != nil {
				b.Fatal(err)
			}
		}
	}
}
