// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Patch of rendiconto (see third_party/README.md): a program that makes
// many documents with the same fonts parsed each TrueType font, and
// hashed its width table into a font ID, for every document. The parsed
// metrics are kept here, by the font's bytes, and the ID by font key;
// each document still gets its own utf8FontFile, since GenerateCutFont
// changes the one it is called on.

type parsedUTF8Font struct {
	// ready is closed once the parse is done: file is set (ok), or err,
	// or neither when it panicked. A second caller for the same bytes
	// waits for the first parse instead of parsing them too.
	ready chan struct{}
	ok    bool
	err   error
	file  utf8FontFile      // as parseFile left it; never cut
	ids   map[string]string // font key → generateFontID
}

var utf8Fonts = struct {
	sync.Mutex
	m map[string]*parsedUTF8Font // by the font's bytes
}{m: map[string]*parsedUTF8Font{}}

// cachedUTF8Font returns a fresh utf8FontFile for the font in utf8Bytes,
// with the metrics parseFile gives, parsing the font only the first time
// these bytes are seen.
func cachedUTF8Font(utf8Bytes []byte) (*utf8FontFile, *parsedUTF8Font, error) {
	utf8Fonts.Lock()
	p := utf8Fonts.m[string(utf8Bytes)]
	if p == nil {
		p = &parsedUTF8Font{ready: make(chan struct{}), ids: map[string]string{}}
		utf8Fonts.m[string(utf8Bytes)] = p
		utf8Fonts.Unlock()
		func() {
			defer close(p.ready)
			file := newUTF8Font(&fileReader{readerPosition: 0, array: utf8Bytes})
			if p.err = file.parseFile(); p.err == nil {
				p.file, p.ok = *file, true
			}
		}()
	} else {
		utf8Fonts.Unlock()
		<-p.ready
	}
	switch {
	case p.err != nil:
		return nil, nil, p.err
	case !p.ok:
		// The first parse panicked (the panic went to its caller): this
		// caller parses for itself, as without the cache.
		file := newUTF8Font(&fileReader{readerPosition: 0, array: utf8Bytes})
		if err := file.parseFile(); err != nil {
			return nil, nil, err
		}
		return file, &parsedUTF8Font{ready: p.ready, ok: true, file: *file, ids: map[string]string{}}, nil
	}
	// The scalar metrics and the width table (only read, never written:
	// GenerateCutFont makes a new one) are shared; the tables that
	// GenerateCutFont rebuilds start empty, as it resets them first.
	file := p.file
	file.fileReader = &fileReader{readerPosition: 0, array: utf8Bytes}
	file.tableDescriptions = nil
	file.outTablesData = nil
	file.symbolPosition = nil
	file.charSymbolDictionary = nil
	file.symbolData = nil
	file.CodeSymbolDictionary = nil
	return &file, p, nil
}

// zeros are the widths of 1,024 runes missing from a font, each after its
// comma.
var zeros = strings.Repeat(",0", 1024)

// fontID returns generateFontID(def), computed once per font key.
func (p *parsedUTF8Font) fontID(def fontDefType) string {
	utf8Fonts.Lock()
	id, ok := p.ids[def.Name]
	utf8Fonts.Unlock()
	if ok {
		return id
	}
	id, _ = quickFontID(def)
	utf8Fonts.Lock()
	p.ids[def.Name] = id
	utf8Fonts.Unlock()
	return id
}

// quickFontID returns what generateFontID does, hashing the same JSON, but
// writes the width table (65,536 numbers, most of the time encoding/json
// took) with strconv: the rest of the definition is marshalled with Cw
// nil, and its "Cw":null replaced by the numbers. A quote inside a JSON
// string is escaped, so "Cw":null can only be the field.
func quickFontID(fdt fontDefType) (string, error) {
	fdt.File = ""
	cw := fdt.Cw
	fdt.Cw = nil
	b, err := json.Marshal(&fdt)
	if err != nil || cw == nil {
		return fmt.Sprintf("%x", sha1.Sum(b)), err
	}
	const field = `"Cw":null`
	i := bytes.Index(b, []byte(field))
	if i < 0 {
		fdt.Cw = cw
		return generateFontID(fdt)
	}
	h := sha1.New()
	h.Write(b[:i])
	buf := make([]byte, 0, 8192)
	buf = append(buf, `"Cw":[`...)
	for j := 0; j < len(cw); j++ {
		if j > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, int64(cw[j]), 10)
		// Most of the 65,536 runes are not in the font, width 0: a run of
		// them is copied as ",0,0…" at once.
		for cw[j] == 0 && j+1 < len(cw) && cw[j+1] == 0 && len(buf) <= 4000 {
			n := 1
			for n < len(zeros)/2 && j+1+n < len(cw) && cw[j+1+n] == 0 {
				n++
			}
			buf = append(buf, zeros[:2*n]...)
			j += n
		}
		if len(buf) > 4000 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	buf = append(buf, ']')
	h.Write(buf)
	h.Write(b[i+len(field):])
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}
