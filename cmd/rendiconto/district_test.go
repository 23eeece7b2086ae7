package main

import (
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"rendiconto/report/yamldata"
)

// districtJSON is indicators --format json with its district fields.
type districtJSON struct {
	indicatorsJSON
	District         string `json:"district"`
	CityWideProjects *int   `json:"citywide_projects"`
}

func indicatorsOf(t *testing.T, args ...string) districtJSON {
	t.Helper()
	code, out, errOut := runArgs(t, append([]string{"indicators", "--format", "json"}, args...)...)
	if code != exitOK {
		t.Fatalf("%v: exit %d, %s", args, code, errOut)
	}
	var j districtJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	return j
}

// TestIndicatorsDistrict: on an edition written only from the data
// contract, each district's tables, groups and citizens, and its rates per
// resident, are the city's rows of that district; the JSON names the
// district and counts the city-wide projects apart.
func TestIndicatorsDistrict(t *testing.T) {
	data := "../../testdata/othercity"
	city := indicatorsOf(t, "--data", data, "--year", "2022")
	if city.District != "" || city.CityWideProjects != nil {
		t.Errorf("the city's JSON has district %q, city-wide projects %v", city.District, city.CityWideProjects)
	}
	rows := map[string]map[string]*float64{} // indicator → district → the city's row
	for _, ind := range city.Indicators {
		rows[ind.ID] = map[string]*float64{}
		for _, r := range ind.Breakdown {
			rows[ind.ID][r.Key] = r.Value
		}
	}
	for _, d := range []string{"centro", "piana", "oltretorrente"} {
		j := indicatorsOf(t, "--data", data, "--year", "2022", "--district", d)
		if j.District != d || j.Edition != 2022 || j.CityWideProjects == nil {
			t.Errorf("%s: district %q, edition %d, city-wide projects %v", d, j.District, j.Edition, j.CityWideProjects)
		}
		if len(j.Indicators) != len(city.Indicators) {
			t.Errorf("%s: %d indicators, want every one of the catalogue (%d)", d, len(j.Indicators), len(city.Indicators))
		}
		checked := 0
		for _, ind := range j.Indicators {
			switch ind.ID {
			case "B.3.7", "B.3.11", "B.3.citizens", "B.1.2", "B.2.2", "A.3.6", "A.2.3":
			default:
				continue
			}
			want, ok := rows[ind.ID][d]
			if !ok {
				continue // n.d. in the city
			}
			checked++
			if (ind.Value == nil) != (want == nil) || (want != nil && *ind.Value != *want) {
				t.Errorf("%s %s = %v, the city's row %v", d, ind.ID, show(ind.Value), show(want))
			}
			if len(ind.Breakdown) != 1 || ind.Breakdown[0].Key != d {
				t.Errorf("%s %s: breakdown %+v, want the district's row only", d, ind.ID, ind.Breakdown)
			}
		}
		if checked < 3 {
			t.Errorf("%s: only %d indicators compared with the city's rows", d, checked)
		}
	}
}

// TestIndicatorsDistrictFormats: the table names the district; CSV adds a
// last column with its code; an unknown district is a usage error with the
// likely intended one; xlsx and "all" are refused.
func TestIndicatorsDistrictFormats(t *testing.T) {
	data := "../../testdata/othercity"
	code, out, errOut := runArgs(t, "indicators", "--data", data, "--year", "2022", "--district", "piana")
	if code != exitOK || !strings.Contains(strings.SplitN(out, "\n", 3)[1], "(piana)") {
		t.Errorf("table: exit %d, %s%s", code, out[:min(len(out), 300)], errOut)
	}
	code, out, errOut = runArgs(t, "indicators", "--data", data, "--year", "2022", "--district", "piana", "--format", "csv")
	if code != exitOK {
		t.Fatalf("csv: exit %d, %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "edition,id,title,unit,key,label,value,suppressed,district" {
		t.Errorf("csv header %s", got)
	}
	for _, r := range recs[1:] {
		if r[len(r)-1] != "piana" {
			t.Fatalf("csv row %v: want the district last", r)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--district", "pianna"}, `--district: district "pianna" is not a district of edition 2022 (did you mean "piana"?)`},
		{[]string{"--district", "piana", "--format", "xlsx"}, "--district gives table, json or csv, not xlsx"},
	} {
		code, _, errOut := runArgs(t, append([]string{"indicators", "--data", data, "--year", "2022"}, tc.args...)...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestIndicatorsDistrictPrivacy: on the privacy test edition, a district
// row the city's output withholds (oltretorrente's small counts, and
// colline's, withheld so that they cannot be recomputed) is withheld in the
// district's output too; the other districts publish theirs.
func TestIndicatorsDistrictPrivacy(t *testing.T) {
	data := "../../testdata/privacy"
	code, out, errOut := runArgs(t, "indicators", "--data", data, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d, %s", code, errOut)
	}
	var city struct {
		Indicators []struct {
			ID        string `json:"id"`
			Breakdown []struct {
				Key        string `json:"key"`
				Suppressed bool   `json:"suppressed"`
			} `json:"breakdown"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal([]byte(out), &city); err != nil {
		t.Fatal(err)
	}
	withheld := map[string]map[string]bool{} // district → indicator → withheld in the city's row
	for _, ind := range city.Indicators {
		for _, r := range ind.Breakdown {
			if withheld[r.Key] == nil {
				withheld[r.Key] = map[string]bool{}
			}
			withheld[r.Key][ind.ID] = r.Suppressed
		}
	}
	seen := 0
	for _, d := range []string{"centro", "piana", "oltretorrente", "colline"} {
		code, out, errOut := runArgs(t, "indicators", "--data", data, "--district", d, "--format", "json")
		if code != exitOK {
			t.Fatalf("%s: exit %d, %s", d, code, errOut)
		}
		var j struct {
			Indicators []struct {
				ID         string   `json:"id"`
				Value      *float64 `json:"value"`
				Suppressed bool     `json:"suppressed"`
			} `json:"indicators"`
		}
		if err := json.Unmarshal([]byte(out), &j); err != nil {
			t.Fatal(err)
		}
		for _, ind := range j.Indicators {
			w, ok := withheld[d][ind.ID]
			switch {
			case !ok:
			case w && (ind.Value != nil || !ind.Suppressed):
				t.Errorf("%s %s = %v: the city withholds its row, the district publishes it", d, ind.ID, show(ind.Value))
			case w:
				seen++
			case ind.Suppressed:
				t.Errorf("%s %s withheld, the city publishes its row", d, ind.ID)
			}
		}
	}
	if seen < 4 {
		t.Errorf("only %d withheld district rows checked", seen)
	}
}

// TestIndicatorsAllDistricts: indicators --district all gives, for every
// district of the edition in order, what --district CODE gives: the JSON
// documents in one array, the CSV rows under one header.
func TestIndicatorsAllDistricts(t *testing.T) {
	data := "../../testdata/privacy"
	ed, _, err := yamldata.Load(data, 2022)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runArgs(t, "indicators", "--data", data, "--year", "2022", "--district", "all", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var all []json.RawMessage
	if err := json.Unmarshal([]byte(out), &all); err != nil {
		t.Fatalf("--district all --format json is not a JSON array: %v", err)
	}
	if len(all) != len(ed.Territory.Districts) {
		t.Fatalf("%d documents for %d districts", len(all), len(ed.Territory.Districts))
	}
	var csvWant strings.Builder
	for i, d := range ed.Territory.Districts {
		_, one, _ := runArgs(t, "indicators", "--data", data, "--year", "2022", "--district", d.Code, "--format", "json")
		var a, b any
		if json.Unmarshal(all[i], &a) != nil || json.Unmarshal([]byte(one), &b) != nil || !reflect.DeepEqual(a, b) {
			t.Errorf("document %d differs from --district %s", i, d.Code)
		}
		_, one, _ = runArgs(t, "indicators", "--data", data, "--year", "2022", "--district", d.Code, "--format", "csv")
		if i > 0 {
			_, one, _ = strings.Cut(one, "\n")
		}
		csvWant.WriteString(one)
	}
	if _, got, _ := runArgs(t, "indicators", "--data", data, "--year", "2022", "--district", "all", "--format", "csv"); got != csvWant.String() {
		t.Error("--district all --format csv is not every district's rows under one header")
	}
}
