package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

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

// shared is what the parts of a batch compute once: each value is
// computed by the first part that needs it, the others wait for it. What
// is shared is only read afterwards.
type shared struct {
	mu   sync.Mutex
	once map[string]*onceValue
}

type onceValue struct {
	once sync.Once
	v    any
	err  error
}

// get returns the value of key, computing it with f the first time.
func (s *shared) get(key string, f func() (any, error)) (any, error) {
	s.mu.Lock()
	if s.once == nil {
		s.once = map[string]*onceValue{}
	}
	o := s.once[key]
	if o == nil {
		o = &onceValue{}
		s.once[key] = o
	}
	s.mu.Unlock()
	o.once.Do(func() { o.v, o.err = f() })
	return o.v, o.err
}

// districtResults computes every district of the city's edition, withholds
// them jointly (or marks them internal) and returns district code's. In a
// batch, the districts of an edition are computed once for all its parts.
func (e *env) districtResults(city *report.Results, cat *report.Catalogue, code string) (*report.Results, error) {
	if !hasDistrict(city.Edition, code) {
		_, err := report.ForDistrict(city.Edition, code)
		return nil, err
	}
	if e.shared == nil {
		all, err := e.allDistricts(city, cat)
		if err != nil {
			return nil, err
		}
		return all[code], nil
	}
	key := fmt.Sprintf("districts %d %v %p", city.Edition.Year, e.opts.internal, city)
	all, err := e.shared.get(key, func() (any, error) { return e.allDistricts(city, cat) })
	if err != nil {
		return nil, err
	}
	return all.(map[string]*report.Results)[code], nil
}

// allDistricts computes every district of the city's edition and withholds
// them jointly, or marks them for internal use.
func (e *env) allDistricts(city *report.Results, cat *report.Catalogue) (map[string]*report.Results, error) {
	out := map[string]*report.Results{}
	var all []*report.Results
	for _, d := range city.Edition.Territory.Districts {
		rs, err := report.ComputeDistrict(city.Edition, cat, d.Code)
		if err != nil {
			return nil, err
		}
		rs.District.CityResults = city
		all = append(all, rs)
		out[d.Code] = rs
		rs.Internal = e.opts.internal
	}
	if !e.opts.internal {
		report.WithholdDistricts(all, city, e.cfg.Privacy.Threshold)
	}
	return out, nil
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
