package narrative

import (
	"strings"

	"rendiconto/report"
	"rendiconto/report/words"
)

// An edition seen from one district (report.ComputeDistrict) is named in
// the text and set beside the city's by the functions below; on the
// city's results "district" is empty, so a template guards a district's
// words with {{if district}}.

// districtName is how the text names the district the results are seen
// from, from the territory's names: the word its breakdowns use for a
// district and the district's own name ("Quartiere Navile", "Navile
// district"); "" for the whole city.
func districtName(rs *report.Results, lang string) string {
	v := rs.District
	if v == nil {
		return ""
	}
	word := words.For(lang).Dimensions["districts"]
	if lang == "en" {
		return v.District.Name + " " + strings.ToLower(word)
	}
	return word + " " + v.District.Name
}

// DistrictName is districtName, for the footer of a district's slides.
func DistrictName(rs *report.Results, lang string) string { return districtName(rs, lang) }

// district is the template function "district": districtName.
func (e *env) district() string { return districtName(e.rs, e.lang) }

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
// a rate, the city's rate beside the district's. "" when the city's report
// does not publish it (withheld or n.d.) and on the city's own results, so
// that a template writes {{with cityvalue "B.1.2"}} (in città {{.}}){{end}}.
func (e *env) cityvalue(id string) (string, error) {
	cr, err := e.cityResult(id)
	switch {
	case err != nil:
		return "", err
	case cr == nil, cr.Withheld, !cr.Value.Known:
		return "", nil
	}
	return indValue(cr.Value, cr.Indicator, e.lang), nil
}

// cityshare is the district's value of indicator id as a share of the
// city's ("14,2%"): "" when either is withheld or not available, when the
// city's is zero and on the city's own results.
func (e *env) cityshare(id string) (string, error) {
	cr, err := e.cityResult(id)
	if err != nil {
		return "", err
	}
	r, _ := e.rs.Lookup(id)
	if cr == nil || cr.Withheld || r.Withheld || !cr.Value.Known || !r.Value.Known || cr.Value.Num == 0 {
		return "", nil
	}
	return percent1(r.Value.Num/cr.Value.Num, e.lang), nil
}
