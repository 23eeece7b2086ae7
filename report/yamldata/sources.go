package yamldata

import (
	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// sources reads edition.yaml's sources and sources_en: the edition's own
// names of its data files, by source key (report.DataSources). An unknown
// key is an error at the key, with the likely intended one.
func (l *loader) sources(it, en *yaml.Node) {
	d := l.d
	keys := report.SourceKeys()
	for _, s := range []struct {
		n    *yaml.Node
		what string
		en   bool
	}{{it, "sources", false}, {en, "sources_en", true}} {
		if s.n == nil || isNull(s.n) {
			continue
		}
		f := d.fields(s.n, s.what, keys...)
		for _, k := range keys {
			v, ok := f[k]
			if !ok {
				continue
			}
			name := d.title(v, s.what+"."+k)
			if name == "" {
				continue
			}
			if l.ed.Sources == nil {
				l.ed.Sources = map[string]report.Text{}
			}
			t := l.ed.Sources[k]
			if s.en {
				t.En = name
			} else {
				t.It = name
			}
			l.ed.Sources[k] = t
		}
	}
}
