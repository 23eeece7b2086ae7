// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"runtime"
	"sync"
)

var xmem = xmempool{
	Pool: sync.Pool{
		New: func() interface{} {
			var m membuffer
			return &m
		},
	},
}

type xmempool struct{ sync.Pool }

func (pool *xmempool) compress(data []byte) *membuffer {
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	buf.Grow(len(data))

	// A zlib writer holds about a megabyte of state; reusing one (Reset
	// gives the same output as a new writer) saves most of a document's
	// allocations. Patch of rendiconto: see third_party/README.md.
	zw := zwriters.Get().(*zlib.Writer)
	zw.Reset(buf)
	_, err := zw.Write(data)
	if err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", err))
	}

	err = zw.Close()
	if err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
	zwriters.Put(zw)
	return mem
}

// compressPages compresses the content stream of each page, on all
// cores: each stream alone, as one after the other would, so the bytes are
// the same. A panic of a compression is raised again on the caller's
// goroutine. Patch of rendiconto: see third_party/README.md.
func compressPages(pages []*bytes.Buffer) []*membuffer {
	out := make([]*membuffer, len(pages))
	panics := make([]any, len(pages))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, page := range pages {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, page *bytes.Buffer) { // the module's Go: no loop variable per iteration
			defer func() {
				panics[i] = recover()
				<-sem
				wg.Done()
			}()
			out[i] = xmem.compress(page.Bytes())
		}(i, page)
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
	return out
}

var zwriters = sync.Pool{
	New: func() any {
		zw, err := zlib.NewWriterLevel(nil, zlib.BestSpeed)
		if err != nil {
			panic(fmt.Errorf("could not create zlib writer: %w", err))
		}
		return zw
	},
}

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.Get().(*membuffer)
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf bytes.Buffer
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	xmem.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}

// fontCutType is what putfonts writes of a UTF-8 font that depends on the
// runes used: the subset's size, its compressed file and CIDToGIDMap (patch
// of rendiconto). done is closed when they, or panic, are set.
type fontCutType struct {
	done              chan struct{}
	size              int
	file, cidToGidMap *membuffer
	panic             any
}

// cutFonts starts, on a goroutine for each UTF-8 font, the work of putfonts
// that depends only on the font and its used runes, final once the document
// is closed: cutting the subset, building its CIDToGIDMap and compressing
// both. They run while putpages compresses the pages, instead of one after
// the other once the pages are written; the bytes are the same (patch of
// rendiconto). Each font has its own used runes and utf8FontFile.
func (f *Fpdf) cutFonts() {
	f.cuts = make(map[string]*fontCutType)
	for key, font := range f.fonts {
		if font.Tp != "UTF8" {
			continue
		}
		c := &fontCutType{done: make(chan struct{})}
		f.cuts[key] = c
		go func(font fontDefType, c *fontCutType) { // the module's Go: no loop variable per iteration
			defer func() {
				c.panic = recover()
				close(c.done)
			}()
			c.cut(font)
		}(font, c)
	}
}

// fontCut waits for the cut of the font key, raising its panic again on
// this goroutine, or cuts it here if cutFonts did not start it.
func (f *Fpdf) fontCut(key string, font fontDefType) *fontCutType {
	c := f.cuts[key]
	if c == nil {
		c = &fontCutType{}
		c.cut(font)
		return c
	}
	<-c.done
	if c.panic != nil {
		panic(c.panic)
	}
	return c
}

// cut is putfonts' own code, moved here.
func (c *fontCutType) cut(font fontDefType) {
	usedRunes := font.usedRunes
	delete(usedRunes, 0)
	utf8FontStream := font.utf8File.GenerateCutFont(usedRunes)
	c.size = len(utf8FontStream)
	CodeSignDictionary := font.utf8File.CodeSymbolDictionary
	delete(CodeSignDictionary, 0)

	cidToGidMap := make([]byte, 256*256*2)
	for cc, glyph := range CodeSignDictionary {
		cidToGidMap[cc*2] = byte(glyph >> 8)
		cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
	}
	c.cidToGidMap = xmem.compress(cidToGidMap)
	c.file = xmem.compress(utf8FontStream)
}
