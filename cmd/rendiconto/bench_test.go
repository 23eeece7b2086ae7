package main

import (
	"bytes"
	"context"
	"testing"

	"rendiconto/report/narrative"
)

// BenchmarkBuild runs the whole build of the 2019 report on the sample
// data: load and check two editions, compute, narrate, lay out, write.
func BenchmarkBuild(b *testing.B) {
	out := b.TempDir()
	for b.Loop() {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"build", "--data", "../../data", "--year", "2019", "--out", out}, &stdout, &stderr); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}

// BenchmarkHistory is what a build does before the narrative: read the
// config, the catalogue and the editions the trends need (2018 and 2019),
// check and compute them.
func BenchmarkHistory(b *testing.B) {
	var stdout, stderr bytes.Buffer
	for b.Loop() {
		e, err := parse(buildCmd, []string{"--data", "../../data", "--year", "2019"}, &stdout, &stderr)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := e.history(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNarrative is what a build does before drawing: BenchmarkHistory,
// then the templates run into the document.
func BenchmarkNarrative(b *testing.B) {
	var stdout, stderr bytes.Buffer
	for b.Loop() {
		e, err := parse(buildCmd, []string{"--data", "../../data", "--year", "2019"}, &stdout, &stderr)
		if err != nil {
			b.Fatal(err)
		}
		history, err := e.history()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := narrative.Build(context.Background(), e.templates(e.cfg.Language), history, e.cfg.Language, e.limits()); err != nil {
			b.Fatal(err)
		}
	}
}
