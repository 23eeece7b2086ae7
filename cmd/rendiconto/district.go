package main

import (
	"path/filepath"
	"strings"

	"rendiconto/report"
)

// districtHistory is the history of the city's results seen from district
// code: each edition narrowed to it, withheld together with every other
// district of the edition (report.WithholdDistricts), so that a district's
// output is the same whether it is built alone or beside the others. An
// earlier edition without the district is left out of the trends; the
// last edition must have it.
func (e *env) districtHistory(city []*report.Results, code string) ([]*report.Results, error) {
	cat, err := e.catalogue()
	if err != nil {
		return nil, err
	}
	var out []*report.Results
	for i, c := range city {
		last := i == len(city)-1
		if !last && !hasDistrict(c.Edition, code) {
			continue
		}
		rs, err := e.districtResults(c, cat, code)
		if err != nil {
			if last {
				return nil, usageError{"--district: " + err.Error()}
			}
			return nil, err
		}
		out = append(out, rs)
	}
	return out, nil
}

// districtResults computes every district of the city's edition, withholds
// them jointly (or marks them internal) and returns district code's.
func (e *env) districtResults(city *report.Results, cat *report.Catalogue, code string) (*report.Results, error) {
	if !hasDistrict(city.Edition, code) {
		_, err := report.ForDistrict(city.Edition, code)
		return nil, err
	}
	var all []*report.Results
	var mine *report.Results
	for _, d := range city.Edition.Territory.Districts {
		rs, err := report.ComputeDistrict(city.Edition, cat, city.Lang, d.Code)
		if err != nil {
			return nil, err
		}
		rs.District.CityResults = city
		all = append(all, rs)
		if d.Code == code {
			mine = rs
		}
	}
	if e.opts.internal {
		mine.Internal = true
		return mine, nil
	}
	report.WithholdDistricts(all, city, e.cfg.Privacy.Threshold)
	return mine, nil
}

func hasDistrict(ed *report.Edition, code string) bool {
	for _, d := range ed.Territory.Districts {
		if d.Code == code {
			return true
		}
	}
	return false
}

// districtName puts "-<code>" before the extension of an output file's
// name when the output is seen from a district.
func districtName(name string, rs *report.Results) string {
	if rs.District == nil {
		return name
	}
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + "-" + rs.District.District.Code + ext
}
