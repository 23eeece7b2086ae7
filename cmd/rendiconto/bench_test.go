package main

import (
	"bytes"
	"context"
	"testing"
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
