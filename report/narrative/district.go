package narrative

import (
	"strings"

	"rendiconto/report"
)

// An edition seen from one district (report.ComputeDistrict) is named in
// the text and set beside the city's by the functions below; on the
// city's results "district" is empty, so a template guards a district's
// words with {{if district}}.

// districtName is how the text names the district the results are seen
// from, from the territory's names: the word its breakdowns use for a
// district and the district's own name ("Quartiere Navile", "Navile
// district"); "" for the whole city.
func districtName(rs *report.Results) string {
	v := rs.District
	if v == nil {
		return ""
	}
	word := dimensionNames["districts"][rs.Lang]
	if rs.Lang == "en" {
		return v.District.Name + " " + strings.ToLower(word)
	}
	return word + " " + v.District.Name
}

// district is the template function "district": districtName.
func (e *env) district() string { return districtName(e.rs) }

// cityResult returns the city's result of indicator id, nil when the
// results are the city's own or the city has no such indicator.
func (e *env) cityResult(id string) (*report.Result, error) {
	if _, err := e.result(id); err != nil {
		return nil, err
	}
	if e.rs.District == nil || e.rs.District.CityResults == nil {
		return nil, nil
	}
	r, _ := e.rs.District.CityResults.Lookup(id)
	return r, nil
}

// cityvalue is the city's value of indicator id, as value prints it: for
// a rate, the city's rate beside the district's. n.p. when the city's
// report withholds it, n.d. when not available or on the city's own
// results.
func (e *env) cityvalue(id string) (string, error) {
	cr, err := e.cityResult(id)
	switch {
	case err != nil:
		return "", err
	case cr == nil:
		return e.nd(), nil
	case cr.Withheld:
		return NP, nil
	}
	return indValue(cr.Value, cr.Indicator, e.lang), nil
}

// cityshare is the district's value of indicator id as a share of the
// city's ("14,2%"): n.p. when either is withheld, n.d. when either is not
// available, the city's is zero or the results are the city's own.
func (e *env) cityshare(id string) (string, error) {
	cr, err := e.cityResult(id)
	if err != nil {
		return "", err
	}
	r, _ := e.rs.Lookup(id)
	switch {
	case cr == nil:
		return e.nd(), nil
	case cr.Withheld || r.Withheld:
		return NP, nil
	case !cr.Value.Known || !r.Value.Known || cr.Value.Num == 0:
		return e.nd(), nil
	}
	return percent1(r.Value.Num/cr.Value.Num, e.lang), nil
}
