// Package report is the domain of rendiconto: an edition of a municipality's
// community-welfare records, the catalogue of indicators that measures it, and
// the engine that computes the catalogue on an edition.
//
// The pipeline is load → validate → compute → narrate → render. This package
// owns "compute" and the types every other step shares; it imports only the
// standard library and package words (the program's phrases). Reading YAML
// (package yamldata), writing narrative (package narrative) and drawing PDF
// (package pdf) are adapters around it.
//
// Compute takes no language: the labels of the results (Row.Label,
// RowChange.Label) are Text, in both languages, so that an edition is
// computed once for every language it is printed in; what prints chooses
// the language (Text.In).
package report
