// Package report is the domain of rendiconto: an edition of a municipality's
// community-welfare records, the catalogue of indicators that measures it, and
// the engine that computes the catalogue on an edition.
//
// The pipeline is load → validate → compute → narrate → render. This package
// owns "compute" and the types every other step shares; it imports only the
// standard library. Reading YAML (package yamldata), writing narrative
// (package narrative) and drawing PDF (package pdf) are adapters around it.
package report
