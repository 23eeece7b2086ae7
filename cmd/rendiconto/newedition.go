package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"

	"rendiconto/report/yamldata"
)

var newEditionCmd = &command{
	name:    "new-edition",
	args:    " YEAR",
	summary: "Start the folder of a new edition from the latest one (never overwrites)",
	run:     runNewEdition,
}

func runNewEdition(_ context.Context, e *env) error {
	if len(e.args) != 1 {
		return usageError{"new-edition needs the new edition's year, such as: rendiconto new-edition 2021"}
	}
	year, err := strconv.Atoi(e.args[0])
	if err != nil || year < 1900 || year > 9999 {
		return usageError{fmt.Sprintf("new-edition: %q is not a year", e.args[0])}
	}
	years, err := e.editions()
	if err != nil {
		return err
	}
	if len(years) == 0 {
		return fmt.Errorf("%s: no edition in the data root to start from", e.cfg.Data)
	}
	from := years[len(years)-1]
	if year < from {
		return usageError{fmt.Sprintf("new-edition %d: a new edition comes after the latest one, %d", year, from)}
	}
	// Loaded here first, through the checks of the user's files (a named
	// pipe would hang the copy).
	if _, err := e.load(from); err != nil {
		return err
	}
	removeStale(e.cfg.Data)
	var tmp string
	err = yamldata.NewEdition(e.cfg.Data, from, year, func(path string) {
		tmp = path
		track(path)
	})
	if tmp != "" {
		forget(tmp)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: started from %d; fill in the records, then run rendiconto validate --year %d\n",
		filepath.Join(e.cfg.Data, strconv.Itoa(year)), from, year)
	return nil
}
