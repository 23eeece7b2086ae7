// Command rendiconto writes a municipality's yearly social report of its
// community-welfare services from one folder of YAML per year.
//
// Run "rendiconto help" for the commands.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}
