package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Temporary files are named ".<final name>.<random>.rendiconto-tmp", in the
// folder of the file they become, so that a rename puts them in place and a
// later run recognises the ones an interrupted run left behind; so is the
// folder of a new edition (".<year>.<random>.rendiconto-tmp").
const (
	tmpSuffix = ".rendiconto-tmp"
	staleAge  = time.Hour
)

// temps are the temporary files (and folders) being written, removed by onSignal when
// the run is interrupted. Holding mu keeps a file from being created or
// renamed while the handler removes them.
var temps struct {
	mu    sync.Mutex
	paths map[string]bool
}

// writeAtomic writes data to path through a temporary file in the same
// folder, so a failed or interrupted run never leaves a half-written or
// truncated file. The file's mode is 0666 less the umask, like any file
// the user creates. Temporary files that an earlier run left there more
// than an hour ago are removed.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return outputError(dir, err)
	}
	removeStale(dir)
	tmp, err := createTemp(path)
	if err != nil {
		return outputError(dir, err)
	}
	defer forget(tmp)
	f, err := os.OpenFile(tmp, os.O_WRONLY, 0)
	if err != nil {
		return outputError(dir, err)
	}
	_, err = f.Write(data)
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err != nil {
		return outputError(dir, err)
	}
	temps.mu.Lock()
	defer temps.mu.Unlock()
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder: cannot write the output there", path)
	}
	if err := os.Rename(tmp, path); err != nil {
		return outputError(dir, err)
	}
	delete(temps.paths, tmp)
	return nil
}

// createTemp creates an empty temporary file for path and records it.
func createTemp(path string) (string, error) {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	for range 10 {
		var rnd [6]byte
		rand.Read(rnd[:])
		tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"."+hex.EncodeToString(rnd[:])+tmpSuffix)
		f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		f.Close()
		track(tmp)
		return tmp, nil
	}
	return "", fmt.Errorf("cannot create a temporary file next to %s", path)
}

// track records a temporary file or folder; the caller holds temps.mu
// when it is createTemp.
func track(tmp string) {
	if temps.paths == nil {
		temps.paths = map[string]bool{}
	}
	temps.paths[tmp] = true
}

// forget removes a temporary file or folder that was not renamed into
// place.
func forget(tmp string) {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	if temps.paths[tmp] {
		os.RemoveAll(tmp)
		delete(temps.paths, tmp)
	}
}

// removeTemps removes every temporary file being written and keeps any new
// one from being made: it is called when the run is interrupted, right
// before the program exits.
func removeTemps() {
	temps.mu.Lock() // never unlocked: the program is exiting
	for tmp := range temps.paths {
		os.RemoveAll(tmp)
	}
}

// removeStale removes the temporary files of this program that a run
// killed before it could clean up left in dir more than an hour ago (a
// younger one may belong to a run still going).
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, tmpSuffix) || !(e.Type().IsRegular() || e.IsDir()) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleAge {
			os.RemoveAll(filepath.Join(dir, name))
		}
	}
}

// outputError says in a user's words why the output folder dir could not
// be written.
func outputError(dir string, err error) error {
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("%s: the output folder's path goes through a file, not a folder: choose another --out", dir)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%s: no permission to write in this folder: choose another --out, or ask for write access", dir)
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("%s: the disk is full: nothing written, any earlier file is unchanged", dir)
	}
	return fmt.Errorf("%s: cannot write the output: %v", dir, unwrapPath(err))
}

// unwrapPath drops the operation and path of an *fs.PathError, which the
// message already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// Limits on the files a user points the program at, beyond the data files.
const (
	maxConfigFile = 1 << 20   // config.toml
	maxInputFile  = 16 << 20  // a catalogue, a template, a logo
	maxDataFile   = 512 << 20 // a data file (200,000 projects are about 65 MB)
)

// readRegular reads a file the user named, refusing what is not a regular
// file (a FIFO would block the run, a device never end) and what is larger
// than limit bytes. what names the file in messages ("slides.logo").
func readRegular(path, what string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, inputError(path, what, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %s must be a regular file, not %s", path, what, modeName(fi.Mode()))
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("%s: %s is %s, more than the %s allowed", path, what, byteSize(fi.Size()), byteSize(limit))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, inputError(path, what, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, inputError(path, what, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %s is more than the %s allowed", path, what, byteSize(limit))
	}
	return data, nil
}

// inputError says in a user's words why a file could not be read.
func inputError(path, what string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: %s not found", path, what)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: no permission to read %s", path, what)
	case errors.Is(err, syscall.EISDIR):
		return fmt.Errorf("%s: %s is a folder, not a file", path, what)
	}
	return fmt.Errorf("%s: cannot read %s: %v", path, what, unwrapPath(err))
}

func modeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// regularFS is a folder of the user's (data, templates) read through
// os.DirFS, refusing files that are not regular or larger than limit, so a
// FIFO or a device in it cannot hang or flood the run.
type regularFS struct {
	fs.FS
	limit int64
}

func (r regularFS) Open(name string) (fs.File, error) {
	fi, err := fs.Stat(r.FS, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		// Not wrapped in an *fs.PathError: the loader's message names the file.
		return nil, fmt.Errorf("it is %s, not a regular file", modeName(fi.Mode()))
	}
	if fi.Mode().IsRegular() && fi.Size() > r.limit {
		return nil, fmt.Errorf("it is %s, more than the %s allowed", byteSize(fi.Size()), byteSize(r.limit))
	}
	return r.FS.Open(name)
}

// ReadFile keeps fs.ReadFile on this file system going through Open, and
// refuses a folder.
func (r regularFS) ReadFile(name string) ([]byte, error) {
	f, err := r.Open(name)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, errors.New("it is a folder, not a file")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, r.limit+1))
	if err == nil && int64(len(data)) > r.limit {
		// it grew since Open looked
		err = fmt.Errorf("it is more than the %s allowed", byteSize(r.limit))
	}
	return data, err
}
