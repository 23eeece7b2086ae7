package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"rendiconto/report/narrative"
	"rendiconto/templates"
)

var templatesCmd = &command{
	name:    "templates",
	summary: "Copy the built-in templates and catalogue into a folder for editing (never overwrites)",
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.out, "out", "", "the folder to copy them into (required)")
	},
	run: runTemplates,
}

// builtinDirs are the folders of built-in templates, as a templates folder
// holds them.
var builtinDirs = []string{"it", "en", "slides/it", "slides/en"}

// runTemplates copies the built-in templates (and the catalogue) into
// --out, skipping every file that is already there.
func runTemplates(_ context.Context, e *env) error {
	if e.opts.out == "" {
		return usageError{"templates needs --out DIR, the folder to copy the built-in templates into"}
	}
	dir := e.opts.out
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s: not a folder", dir)
	}
	files := []string{"catalogue.yaml"}
	for _, d := range builtinDirs {
		names, err := fs.Glob(templates.FS, d+"/*.md")
		if err != nil {
			return err
		}
		files = append(files, names...)
		// The glossary of the language (see narrative.GlossaryFile).
		glossaries, _ := fs.Glob(templates.FS, d+"/*.yaml")
		files = append(files, glossaries...)
	}
	copied, skipped := 0, 0
	for _, name := range files {
		target := filepath.Join(dir, filepath.FromSlash(name))
		data, err := templates.FS.ReadFile(name)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o777); err != nil {
			return fmt.Errorf("%s: cannot make the folder: %v", filepath.Dir(target), unwrapPath(err))
		}
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(e.stderr, "%s: already there, not overwritten\n", target)
			skipped++
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: cannot write: %v", target, unwrapPath(err))
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(target)
			return fmt.Errorf("%s: cannot write: %v", target, unwrapPath(err))
		}
		copied++
	}
	fmt.Fprintf(e.stdout, "%s: %d %s copied, %d skipped (already there); set templates = %q in config.toml (and catalogue = %q to use the copied catalogue)\n",
		dir, copied, plural(copied, "file", "files"), skipped, dir, filepath.Join(dir, "catalogue.yaml"))
	return nil
}

// templates returns the templates of folder dir (such as "it", or
// "slides/it"): the built-in ones, each replaced by the file of the same
// name in the config's templates folder when there is one, plus the
// folder's other files. Messages name the built-in files
// "templates/<dir>/…" and the user's files by their own paths.
func (e *env) templates(dir string) narrative.Source {
	name := "templates/" + dir
	base, _ := fs.Sub(templates.FS, dir)
	if e.cfg.Templates == "" {
		return narrative.Source{FS: base, Name: name}
	}
	userDir := filepath.Join(e.cfg.Templates, filepath.FromSlash(dir))
	o := overlayFS{user: os.DirFS(userDir), checked: regularFS{os.DirFS(userDir), maxInputFile}, base: base}
	return narrative.Source{FS: o, Name: name, Path: func(file string) string {
		if _, err := fs.Stat(o.user, file); err == nil {
			return filepath.Join(userDir, file)
		}
		return ""
	}}
}

// overlayFS is the built-in templates of one folder with the user's files
// over them: a file the user has replaces the built-in one of the same
// name.
type overlayFS struct {
	user    fs.FS // the user's folder, to see what is there
	checked fs.FS // the same, read through the checks of regularFS
	base    fs.FS // the built-in folder
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if name != "." {
		if _, err := fs.Stat(o.user, name); !errors.Is(err, fs.ErrNotExist) {
			return o.checked.Open(name)
		}
	}
	return o.base.Open(name)
}

// ReadFile reads the user's file when there is one (through its checks),
// else the built-in one.
func (o overlayFS) ReadFile(name string) ([]byte, error) {
	if _, err := fs.Stat(o.user, name); !errors.Is(err, fs.ErrNotExist) {
		return fs.ReadFile(o.checked, name)
	}
	return fs.ReadFile(o.base, name)
}

// ReadDir lists the files of both, by name.
func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	out, err := fs.ReadDir(o.base, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	user, uerr := fs.ReadDir(o.user, name)
	if uerr != nil && !errors.Is(uerr, fs.ErrNotExist) {
		return nil, uerr
	}
	if err != nil && uerr != nil {
		return nil, err
	}
	for _, u := range user {
		i := slices.IndexFunc(out, func(b fs.DirEntry) bool { return b.Name() == u.Name() })
		if i >= 0 {
			out[i] = u
		} else {
			out = append(out, u)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
