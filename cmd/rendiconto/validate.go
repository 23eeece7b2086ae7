package main

import (
	"context"
	"fmt"

	"rendiconto/report"
)

var validateCmd = &command{
	name:    "validate",
	summary: "Check editions against the data contract (every edition unless --year)",
	flags:   yearFlag,
	run:     runValidate,
}

func runValidate(_ context.Context, e *env) error {
	years, err := e.years(true)
	if err != nil {
		return err
	}
	cat, err := e.catalogue()
	if err != nil {
		return err
	}
	var all report.ErrorList
	var eds []*report.Edition // read so far, for the goals' checks
	for _, y := range years {
		ed, err := e.load(y)
		if list, ok := err.(report.ErrorList); ok {
			all = append(all, list...)
			continue
		}
		if err != nil {
			return err
		}
		if list := report.CheckGoals(ed, cat, eds); len(list) > 0 {
			all = append(all, list...)
		}
		eds = append(eds, ed)
		e.noteCodes(ed, cat)
		fmt.Fprintf(e.stdout, "%d: ok (%d projects, %d tables, %d groups, %d organisations)\n",
			y, len(ed.Projects), len(ed.Tables), len(ed.Groups), len(ed.Organisations))
	}
	return all.Err()
}
