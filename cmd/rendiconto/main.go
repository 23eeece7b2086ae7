// Command rendiconto writes a municipality's yearly social report of its
// community-welfare services from one folder of YAML per year.
//
// Run "rendiconto help" for the commands.
package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	handleSignals(cancel)
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		gcLate()
	}
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// gcFree is the memory a run may take before its first garbage collection.
const gcFree = 128 << 20

// gcLate sets the garbage collector for short runs: none at all until the
// program's memory reaches gcFree (a report allocates some 35 MB in all, so
// a build or slides of one edition never collects), then, from the first
// collection on, one each time the heap reaches 5× its live part (GOGC=400)
// instead of 2×: a long batch pays about a quarter less CPU for a few MB more
// memory. A collection costs a 2-core build a few ms of wall time and its
// memory is given back at exit anyway. GOGC or GOMEMLIMIT set by the user win.
func gcLate() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(gcFree)
	// The sentinel is unreachable at once: the first collection frees it and
	// its cleanup hands the collector back to GOGC. (64 bytes: the runtime
	// may batch smaller objects, delaying their cleanup.)
	sentinel := new([64]byte)
	runtime.AddCleanup(sentinel, func(struct{}) {
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(math.MaxInt64)
	}, struct{}{})
}

// handleSignals makes an interrupt (Ctrl-C) or a SIGTERM stop the run at
// once, removing the temporary files being written, with the status a
// shell expects (128 + the signal's number).
func handleSignals(cancel func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sig
		cancel()
		// A template still running cannot be stopped, and the user asked
		// to stop now: no waiting for the work to notice the cancel.
		removeTemps()
		fmt.Fprintf(os.Stderr, "rendiconto: interrupted by %v: stopped, no output left half-written\n", s)
		os.Exit(128 + int(s.(syscall.Signal)))
	}()
}
