package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"rendiconto/report"
	"rendiconto/report/format"
	"rendiconto/report/narrative"
)

var indicatorsCmd = &command{
	name:    "indicators",
	summary: "Compute the indicators of an edition (table, json, csv or xlsx)",
	flags: func(fs *flag.FlagSet, o *options) {
		yearFlag(fs, o)
		internalFlag(fs, o)
		fs.StringVar(&o.format, "format", "table", "output format: table, json, csv, or xlsx (a workbook, on standard output redirected to a file)")
		fs.StringVar(&o.lang, "lang", "", "language of titles and labels: it or en (default from config)")
		fs.StringVar(&o.district, "district", "", "the edition seen from one district, by its code in edition.yaml, or all for every district (table, json or csv)")
	},
	run: runIndicators,
}

func runIndicators(_ context.Context, e *env) error {
	write, ok := map[string]func(io.Writer, *report.Results, string) error{
		"table": writeTable, "json": writeJSON, "csv": writeCSV, "xlsx": writeIndicatorsXLSX,
	}[e.opts.format]
	if !ok {
		return usageError{fmt.Sprintf("--format must be table, json, csv or xlsx, not %q", e.opts.format)}
	}
	if e.opts.district != "" && e.opts.format == "xlsx" {
		return usageError{"--district gives table, json or csv, not xlsx"}
	}
	if e.opts.format == "xlsx" {
		if err := refuseTerminal(e, "indicatori.xlsx"); err != nil {
			return err
		}
	}
	if e.opts.district == "all" {
		return e.allDistrictIndicators(write)
	}
	rs, err := e.compute()
	if err != nil {
		return err
	}
	return write(e.stdout, rs, e.cfg.Language)
}

// allDistrictIndicators writes the indicators of every district of the
// edition (--district all), each as --district CODE gives them, in the
// order of edition.yaml: the JSON documents in one array, the CSV rows
// under one header, the tables one after the other.
func (e *env) allDistrictIndicators(write func(io.Writer, *report.Results, string) error) error {
	years, err := e.years(false)
	if err != nil {
		return err
	}
	cat, err := e.catalogue()
	if err != nil {
		return err
	}
	ed, err := e.load(years[0])
	if err != nil {
		return err
	}
	city := e.computeEdition(ed, cat)
	var parts [][]byte
	for _, d := range ed.Territory.Districts {
		rs, err := e.districtResults(city, cat, d.Code)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := write(&b, rs, e.cfg.Language); err != nil {
			return err
		}
		parts = append(parts, b.Bytes())
	}
	var out bytes.Buffer
	switch e.opts.format {
	case "json":
		out.WriteString("[\n")
		for i, p := range parts {
			if i > 0 {
				out.WriteString(",\n")
			}
			out.Write(bytes.TrimRight(p, "\n"))
		}
		out.WriteString("\n]\n")
	case "csv":
		for i, p := range parts {
			if i > 0 {
				_, p, _ = bytes.Cut(p, []byte("\n")) // the header once
			}
			out.Write(p)
		}
	default:
		out.Write(bytes.Join(parts, []byte("\n")))
	}
	_, err = e.stdout.Write(out.Bytes())
	return err
}

// compute loads the edition of --year (or the latest) and computes the
// catalogue on it.
func (e *env) compute() (*report.Results, error) {
	years, err := e.years(false)
	if err != nil {
		return nil, err
	}
	cat, err := e.catalogue()
	if err != nil {
		return nil, err
	}
	ed, err := e.load(years[0])
	if err != nil {
		return nil, err
	}
	if e.opts.district == "" {
		return e.computeEdition(ed, cat), nil
	}
	// Withheld with every other district (report.WithholdDistricts),
	// against the city's results withheld.
	rs, err := e.districtResults(e.computeEdition(ed, cat), cat, e.opts.district)
	if err != nil {
		return nil, usageError{"--district: " + err.Error()}
	}
	return rs, nil
}

// districtCode is the code of the district the results are seen from, ""
// for the whole city's.
func districtCode(rs *report.Results) string {
	if rs.District == nil {
		return ""
	}
	return rs.District.District.Code
}

// jsonRow is a breakdown row; its value is null when the row is n.d. (a
// ratio's row whose denominator is zero) or withheld (suppressed).
type jsonRow struct {
	Key        string   `json:"key"`
	Label      string   `json:"label"`
	Value      *float64 `json:"value"`
	Suppressed bool     `json:"suppressed,omitempty"`
}

type jsonIndicator struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Unit   string   `json:"unit"`
	Value  *float64 `json:"value"`
	Reason string   `json:"reason,omitempty"` // why the value is n.d., when no file is missing
	// Suppressed marks a value withheld to protect people (null value).
	Suppressed bool      `json:"suppressed,omitempty"`
	Breakdown  []jsonRow `json:"breakdown,omitempty"`
}

func writeJSON(w io.Writer, rs *report.Results, lang string) error {
	out := struct {
		Edition int `json:"edition"`
		// Internal marks output for internal use (--internal): nothing
		// withheld, not to be published.
		Internal bool `json:"internal,omitempty"`
		// District is the code of the district the edition is seen from
		// (--district), omitted for the whole city; CityWideProjects are
		// then the city-wide projects, counted apart from the district's.
		District         string          `json:"district,omitempty"`
		CityWideProjects *int            `json:"citywide_projects,omitempty"`
		Indicators       []jsonIndicator `json:"indicators"`
	}{Edition: rs.Edition.Year, Internal: rs.Internal, District: districtCode(rs), Indicators: []jsonIndicator{}}
	if rs.District != nil {
		out.CityWideProjects = &rs.District.CityWideProjects
	}
	for _, r := range rs.List {
		ji := jsonIndicator{ID: r.Indicator.ID, Title: r.Indicator.Title.In(lang), Unit: r.Indicator.Unit.In(lang)}
		if r.Value.Known {
			v := r.Value.Num
			ji.Value = &v
		} else if len(r.Missing) == 0 {
			ji.Reason = r.Reason
		}
		ji.Suppressed = r.Withheld
		for _, row := range r.Breakdown {
			ji.Breakdown = append(ji.Breakdown, jsonRow{Key: row.Key, Label: row.Label.In(lang), Value: nullable(r.RowValue(row)), Suppressed: row.Withheld})
		}
		out.Indicators = append(out.Indicators, ji)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeCSV(w io.Writer, rs *report.Results, lang string) error {
	cw := csv.NewWriter(w)
	// With --district, a last column gives the district's code.
	district := districtCode(rs)
	write := func(rec ...string) {
		if district != "" {
			rec = append(rec, district)
		}
		cw.Write(rec)
	}
	header := []string{"edition", "id", "title", "unit", "key", "label", "value", "suppressed"}
	if district != "" {
		header = append(header, "district")
	}
	cw.Write(header)
	year := strconv.Itoa(rs.Edition.Year)
	for _, r := range rs.List {
		ind := r.Indicator
		value := ""
		if r.Value.Known {
			value = strconv.FormatFloat(r.Value.Num, 'f', -1, 64)
		}
		write(year, ind.ID, ind.Title.In(lang), ind.Unit.In(lang), "", "", value, yes(r.Withheld))
		for _, row := range r.Breakdown {
			value := ""
			if !row.NA {
				value = strconv.FormatFloat(row.Value, 'f', -1, 64)
			}
			write(year, ind.ID, ind.Title.In(lang), ind.Unit.In(lang), row.Key, row.Label.In(lang), value, yes(row.Withheld))
		}
	}
	cw.Flush()
	return cw.Error()
}

// yes is a CSV cell of a flag: "true", or empty.
func yes(b bool) string {
	if b {
		return "true"
	}
	return ""
}

func writeTable(w io.Writer, rs *report.Results, lang string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s %d\t\t\t\n", rs.Edition.Territory.Name, rs.Edition.Year)
	if v := rs.District; v != nil {
		fmt.Fprintf(tw, "%s (%s): %d residents; city-wide projects, counted apart: %d\t\t\t\n",
			v.District.Name, v.District.Code, v.District.Residents, v.CityWideProjects)
	}
	for _, r := range rs.List {
		ind := r.Indicator
		value := format.Value(r.Value, ind.IsShare(), lang)
		if r.Withheld {
			value = narrative.NP + " (" + r.Reason + ")"
		} else if !r.Value.Known && len(r.Missing) > 0 {
			value += " (" + strings.Join(r.Missing, ", ") + " missing)"
		} else if !r.Value.Known && r.Reason != "" {
			value += " (" + r.Reason + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ind.ID, ind.Title.In(lang), value, ind.Unit.In(lang))
		for _, row := range r.Breakdown {
			v := format.Value(r.RowValue(row), false, lang)
			if row.Withheld {
				v = narrative.NP
			}
			fmt.Fprintf(tw, "\t  %s\t%s\t\n", row.Label.In(lang), v)
		}
	}
	return tw.Flush()
}
