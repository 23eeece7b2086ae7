package narrative

import (
	"io/fs"
	"sync"
	"text/template"
)

// Preparse starts reading and parsing the templates of src in the
// background, and returns src holding them: Build then takes them from
// there instead of reading and parsing each itself, so that a caller can
// have them parsed while the editions load. What Build makes of them (the
// files, the texts, the parse errors, every message) is the same. A
// preparsed source serves one Build best: another Build of it parses the
// texts again (running a template changes its parse).
func (src Source) Preparse() Source {
	p := &preparsed{done: make(chan struct{})}
	go p.run(src)
	src.pre = p
	return src
}

// preparsed holds the templates of a source, read and parsed once.
type preparsed struct {
	done     chan struct{}
	names    []string
	namesErr error
	files    map[string]*parsedFile
	// failed is set when the parse panicked: Build then reads and parses
	// every file itself, where the panic is met as before.
	failed bool
}

// parsedFile is one template file: its text and parse, or the error of
// reading or parsing it.
type parsedFile struct {
	text     string
	t        *template.Template
	readErr  error
	parseErr error
	mu       sync.Mutex // guards t, handed out once
}

func (p *preparsed) run(src Source) {
	defer close(p.done)
	defer func() {
		if recover() != nil {
			p.failed = true
		}
	}()
	p.names, p.namesErr = src.files()
	p.files = make(map[string]*parsedFile, len(p.names))
	// The functions are only named at parse time; each Build binds its own.
	funcs := (&env{}).funcs()
	for _, name := range p.names {
		f := &parsedFile{}
		p.files[name] = f
		data, err := fs.ReadFile(src.FS, name)
		if err != nil {
			f.readErr = err
			continue
		}
		f.text = string(data)
		f.t, f.parseErr = template.New(src.path(name)).Option("missingkey=error").Funcs(funcs).Parse(f.text)
	}
}

// templateFiles is src.files(), preparsed when it can be.
func (src Source) templateFiles() ([]string, error) {
	if p := src.pre; p != nil {
		if <-p.done; !p.failed {
			return p.names, p.namesErr
		}
	}
	return src.files()
}

// parseTemplate reads and parses template name of src as file, with the
// functions funcs: the preparsed one when there is one. readErr is the
// error of reading it, parseErr of parsing it.
func (src Source) parseTemplate(name, file string, funcs template.FuncMap) (text string, t *template.Template, readErr, parseErr error) {
	if p := src.pre; p != nil {
		if <-p.done; !p.failed && p.files[name] != nil {
			return p.files[name].take(file, funcs)
		}
	}
	data, err := fs.ReadFile(src.FS, name)
	if err != nil {
		return "", nil, err, nil
	}
	text = string(data)
	t, err = template.New(file).Option("missingkey=error").Funcs(funcs).Parse(text)
	return text, t, nil, err
}

// take returns the file's template with the functions funcs: the parsed
// one the first time; after that, since running a template changes its
// trees (see prepare), the file's text parsed again.
func (f *parsedFile) take(file string, funcs template.FuncMap) (string, *template.Template, error, error) {
	if f.readErr != nil || f.parseErr != nil {
		return f.text, nil, f.readErr, f.parseErr
	}
	f.mu.Lock()
	t := f.t
	f.t = nil
	f.mu.Unlock()
	if t != nil {
		return f.text, t.Funcs(funcs), nil, nil
	}
	t, err := template.New(file).Option("missingkey=error").Funcs(funcs).Parse(f.text)
	return f.text, t, nil, err
}
