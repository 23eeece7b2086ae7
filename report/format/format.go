package format

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"rendiconto/report"
	"rendiconto/report/words"
)

// NA is how a value that is not available is printed.
const NA = "n.d."

// NAIn is NA as lang writes it: "n.d." in Italian, "n/a" in English
// (where "n.d." reads as "no date"); see words.Words.NA.
func NAIn(lang string) string { return words.For(lang).NA }

var printers = map[string]*message.Printer{
	"it": message.NewPrinter(language.Italian),
	"en": message.NewPrinter(language.English),
}

// Printer formats numbers the way lang ("it", the default, or "en") writes
// them: 14.844 and 17,2, or 14,844 and 17.2.
func Printer(lang string) *message.Printer {
	if p, ok := printers[lang]; ok {
		return p
	}
	return printers["it"]
}

// Number prints n with thousands separators and at most decimals digits
// after the decimal mark, dropping a zero fraction: 14844 → "14.844",
// 3.45 → "3,5" with one decimal.
func Number(n float64, decimals int, lang string) string {
	r := round(n, decimals)
	if r == math.Trunc(r) {
		return Printer(lang).Sprintf("%d", int64(r))
	}
	return Printer(lang).Sprintf("%.*f", decimals, r)
}

// Fixed prints n with thousands separators and exactly decimals digits
// after the decimal mark, a zero fraction kept: 17 → "17,0" with one
// decimal. One precision rule: a figure printed with one decimal always
// shows it, beside others that need it.
func Fixed(n float64, decimals int, lang string) string {
	r := round(n, decimals)
	if decimals <= 0 {
		return Printer(lang).Sprintf("%d", int64(r))
	}
	return Printer(lang).Sprintf("%.*f", decimals, r)
}

// Auto prints a whole number without decimals and any other with exactly
// one: 12 → "12", 14.96 → "15,0" (a rounded 15 is not a whole count).
func Auto(n float64, lang string) string {
	return Fixed(n, AutoDecimals(n), lang)
}

// AutoDecimals is the decimals Auto prints n with: 0 for a whole number,
// 1 otherwise.
func AutoDecimals(n float64) int {
	if n == math.Trunc(n) {
		return 0
	}
	return 1
}

// Decimals is the precision an indicator's value is printed with: none for
// counts of records, people and things and for euro amounts (whole euros),
// one for FTE, rates, means and ratios. A share is printed as a
// percentage with one decimal (see Percent).
func Decimals(ind *report.Indicator) int {
	if ind == nil {
		return 1
	}
	unit := strings.ToLower(ind.Unit.In("en") + " " + ind.Unit.In("it"))
	switch {
	case ind.IsShare():
		return 1
	case strings.Contains(unit, "euro"):
		return 0
	case strings.Contains(unit, "fte"):
		return 1
	}
	switch ind.Measure {
	case report.MeasureCount, report.MeasureDistinct, report.MeasureSum:
		return 0
	case report.MeasureRatio:
		if !slices.ContainsFunc(strings.Fields(unit), func(w string) bool { return w == "per" || w == "ogni" || strings.Contains(w, "%") }) {
			return 0 // a ratio that estimates a count: people reached
		}
	}
	return 1
}

// Euro reports whether ind's unit is euros (printed in whole euros).
func Euro(ind *report.Indicator) bool {
	return ind != nil && strings.Contains(strings.ToLower(ind.Unit.In("en")+" "+ind.Unit.In("it")), "euro")
}

// Percent prints a fraction as a percentage with exactly decimals digits:
// 0.1717 → "17,2%", 0.17 → "17,0%" with one decimal.
func Percent(f float64, decimals int, lang string) string {
	return Fixed(f*100, decimals, lang) + "%"
}

// Signed prints a change with its sign and exactly decimals digits: "+12",
// "−3,0" (a true minus sign); "0" (or "0,0") when it rounds to zero.
func Signed(n float64, decimals int, lang string) string {
	s := Fixed(math.Abs(n), decimals, lang)
	switch {
	case round(n, decimals) > 0:
		return "+" + s
	case round(n, decimals) < 0:
		return "−" + s
	}
	return s
}

// Value prints an indicator's value: a share as a percentage with one
// decimal, a whole number as an integer, any other with one decimal (see
// Auto), n.d. when not available. IndValue knows the indicator's precision.
func Value(v report.Value, share bool, lang string) string {
	switch {
	case !v.Known:
		return NAIn(lang)
	case share:
		return Percent(v.Num, 1, lang)
	}
	return Auto(v.Num, lang)
}

// IndValue prints ind's value v at the indicator's precision (Decimals):
// "17,0%", "12", "15,0"; NAIn(lang) when not available.
func IndValue(v report.Value, ind *report.Indicator, lang string) string {
	switch {
	case !v.Known:
		return NAIn(lang)
	case ind != nil && ind.IsShare():
		return Percent(v.Num, 1, lang)
	}
	return Fixed(v.Num, Decimals(ind), lang)
}

// Printed is v as printed with decimals (for a share, in percent with one
// decimal): the value a reader sees, from which a change is computed.
func Printed(v float64, decimals int, share bool) float64 {
	if share {
		return round(v*100, 1)
	}
	return round(v, decimals)
}

// ChangeFrom prints the change from one value to another as a reader
// computes it from the two values as printed (decimals digits; a share in
// percent with one decimal, its change in percentage points): "+0,2"
// between "4,8" and "5,0", "0" between "1,6" and "1,6". NAIn(lang) when
// either is not available.
func ChangeFrom(from, to report.Value, decimals int, share bool, lang string) string {
	if !from.Known || !to.Known {
		return NAIn(lang)
	}
	d := Printed(to.Num, decimals, share) - Printed(from.Num, decimals, share)
	if share {
		return Signed(d, 1, lang) + " p.p."
	}
	return Signed(d, decimals, lang)
}

// ChangePctFrom prints the percentage change between the two values as
// printed (see ChangeFrom; a share as its percentage), with one decimal:
// "+4,3%"; NAIn(lang) when either is not available or the first prints as
// zero.
func ChangePctFrom(from, to report.Value, decimals int, share bool, lang string) string {
	if !from.Known || !to.Known {
		return NAIn(lang)
	}
	f, t := Printed(from.Num, decimals, share), Printed(to.Num, decimals, share)
	if f == 0 {
		return NAIn(lang)
	}
	return Signed((t-f)/math.Abs(f)*100, 1, lang) + "%"
}

func round(n float64, decimals int) float64 {
	p := math.Pow10(decimals)
	r := math.Round(n*p) / p
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

// Year prints a year without separators: 2019, never 2.019.
func Year(y int) string { return strconv.Itoa(y) }

// Date prints a date in full: "30 giugno 2020", "30 June 2020".
func Date(t time.Time, lang string) string {
	if t.IsZero() {
		return NAIn(lang)
	}
	m := words.For(lang).Months
	return strings.Join([]string{strconv.Itoa(t.Day()), m[t.Month()-1], strconv.Itoa(t.Year())}, " ")
}

// Change prints the change of an indicator: "+12", or for a share the
// change in percentage points, "+4,3 p.p."; n.d. when not available.
func Change(v report.Value, share bool, lang string) string {
	switch {
	case !v.Known:
		return NAIn(lang)
	case share:
		return Signed(v.Num*100, 1, lang) + " p.p."
	}
	return Signed(v.Num, 1, lang)
}

// ChangePct prints a change given in percent: "+13,8%"; n.d. when not
// available.
func ChangePct(v report.Value, lang string) string {
	if !v.Known {
		return NAIn(lang)
	}
	return Signed(v.Num, 1, lang) + "%"
}
