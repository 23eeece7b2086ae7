// Command rendiconto writes a municipality's yearly social report of its
// community-welfare services from one folder of YAML per year.
//
// Run "rendiconto help" for the commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	handleSignals(cancel)
	if os.Getenv("GOGC") == "" {
		// A run is short and its live heap small (a report allocates some
		// 40 MB in all, little of it kept): collecting at 5× the live heap
		// instead of 2× takes about a quarter less CPU for a few MB more
		// memory. GOGC set by the user wins.
		debug.SetGCPercent(400)
	}
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
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
