package yamldata

import (
	"bytes"
	"runtime"

	"go.yaml.in/yaml/v3"
)

// batchSize is about how many bytes of records are parsed at once (a
// variable for the tests).
var batchSize = 64 << 10

// batch is a run of whole top-level list items of a file: bytes
// [start, end), starting on line line.
type batch struct {
	start, end, line int
}

// batches cuts a file whose top level is a block list into runs of whole
// items of about batchSize bytes, at lines that start with "- " in the
// first column. A cut inside something else (a quoted text spanning lines)
// makes a batch that does not parse alone, and the caller falls back to
// the whole file.
func batches(data []byte) []batch {
	if len(data) < 2*batchSize {
		return nil
	}
	var out []batch
	start, startLine, line := 0, 1, 1
	for i := 0; i < len(data); i++ {
		if data[i] != '\n' {
			continue
		}
		line++
		j := i + 1
		if j-start < batchSize || j >= len(data) || data[j] != '-' ||
			(j+1 < len(data) && data[j+1] != ' ' && data[j+1] != '\n' && data[j+1] != '\r') {
			continue
		}
		out = append(out, batch{start, j, startLine})
		start, startLine = j, line
	}
	return append(out, batch{start, len(data), startLine})
}

// unmarshalBatch parses one batch: it must be a single document holding a
// list, or only comments (a header: nil, true). It touches no shared state,
// so batches are parsed in parallel.
func unmarshalBatch(data []byte) (*yaml.Node, bool) {
	// Unmarshal reads the bytes directly (faster than a Decoder) but only
	// the first document: a batch with a document marker or a directive
	// after its start is left to the whole-file parse, which refuses it.
	for _, marker := range [][]byte{[]byte("\n---"), []byte("\n..."), []byte("\n%")} {
		if bytes.Contains(data, marker) {
			return nil, false
		}
	}
	if root := fastParse(data); root != nil && root.Kind == yaml.SequenceNode {
		return root, true
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, false
	}
	if doc.Kind == 0 {
		return nil, true
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.SequenceNode {
		return nil, false
	}
	return doc.Content[0], true
}

// checkBatch checks a parsed batch as parse checks a file (no alias, no
// merge key, the characters of every text) and moves the lines of its
// nodes by offset to be the file's. It returns false, adding no error,
// when the batch holds an alias or a merge key.
func (d *decoder) checkBatch(root *yaml.Node, offset int) bool {
	errs := len(*d.errs)
	d.lineOffset = offset
	ok := d.plain(root)
	d.lineOffset = 0
	if !ok {
		*d.errs = (*d.errs)[:errs] // reported again by the whole-file parse
	}
	return ok
}

// parseBatches parses the batches of data in parallel, a bounded number
// ahead of the reader, and calls each with the batch's root node (nil for
// comments only) in order until each returns false. ok is false when a
// batch does not parse on its own.
func parseBatches(data []byte, parts []batch, each func(b batch, root *yaml.Node) bool) (ok bool) {
	type result struct {
		root *yaml.Node
		ok   bool
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	results := make([]chan result, len(parts))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	// A panic in the YAML library, off the main goroutine, would end the
	// program: the batch fails instead, and the whole-file parse, on the
	// main goroutine, meets it where it is caught.
	parseOne := func(b []byte) (r result) {
		defer func() {
			if recover() != nil {
				r = result{nil, false}
			}
		}()
		root, ok := unmarshalBatch(b)
		return result{root, ok}
	}
	jobs := make(chan int)
	window := make(chan struct{}, 2*workers) // batches parsed but not yet read
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(jobs)
		for i := range parts {
			select {
			case window <- struct{}{}:
			case <-done:
				return
			}
			select {
			case jobs <- i:
			case <-done:
				return
			}
		}
	}()
	for range workers {
		go func() {
			for i := range jobs {
				results[i] <- parseOne(data[parts[i].start:parts[i].end])
			}
		}()
	}
	for i, b := range parts {
		r := <-results[i]
		results[i] = nil
		<-window
		if !r.ok {
			return false
		}
		if !each(b, r.root) {
			return true
		}
	}
	return true
}
