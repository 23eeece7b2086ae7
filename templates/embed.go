// Package templates holds what ships inside the program for the user to
// read and adapt: the indicator catalogue and the narrative templates of the
// report and the slides, in Italian and English.
package templates

import "embed"

// FS holds the catalogue and the templates.
//
//go:embed catalogue.yaml it en slides
var FS embed.FS
