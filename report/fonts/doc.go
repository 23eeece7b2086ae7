// Package fonts owns the typeface every output is set in, Liberation Sans
// (SIL Open Font License, shipped inside the Go module
// github.com/go-fonts/liberation, so nothing comes from the system), and
// knows which characters it can draw: the loaders warn about the others,
// the renderers replace them with a visible mark instead of failing.
package fonts
