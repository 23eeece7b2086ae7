// Package yamldata reads an edition's folder of YAML files and the indicator
// catalogue into the domain types of package report, checking every rule of
// the data contract as it goes.
//
// It is the only package that imports the YAML library. Files are decoded
// into yaml.Node trees, never straight into structs, so that every problem
// carries its file, line and column, and so that all problems of a run are
// reported at once, as a report.ErrorList.
//
// Most files are read by fastParse (fastyaml.go), which reads the plain
// YAML that data files are written in into the library's node tree about
// ten times faster; whatever it does not read (and every file with a
// mistake) goes to the library, which gives the messages.
// TestFastParseFiles and FuzzFastParse compare the two.
package yamldata
