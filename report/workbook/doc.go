// Package workbook is the data-entry workbook of an edition: the sheet
// layout (one sheet per record file, one column per field of the data
// contract) and its writer, an .xlsx file made with excelize.
//
// The layout is data (ForEdition): the writer follows it, the
// importer is to follow it too, and docs/data-model.md ("Workbook") states
// it as a contract. It is written once here and checked against the YAML
// loader by the tests: every field the loader accepts has a column, and
// every column is a field the loader accepts.
//
// The package does no I/O beyond excelize and the io.Writer it is given.
package workbook
