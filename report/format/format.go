package format

import (
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"rendiconto/report"
)

// NA is how a value that is not available is printed.
const NA = "n.d."

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

// Percent prints a fraction as a percentage with at most decimals digits:
// 0.1717 → "17,2%" with one decimal, 0.17 → "17%".
func Percent(f float64, decimals int, lang string) string {
	return Number(f*100, decimals, lang) + "%"
}

// Signed prints a change with its sign: "+12", "−3" (a true minus sign).
func Signed(n float64, decimals int, lang string) string {
	s := Number(math.Abs(n), decimals, lang)
	switch {
	case round(n, decimals) > 0:
		return "+" + s
	case round(n, decimals) < 0:
		return "−" + s
	}
	return s
}

// Value prints an indicator's value: a share as a percentage, a whole count
// as an integer, a mean with one decimal, n.d. when not available.
func Value(v report.Value, share bool, lang string) string {
	switch {
	case !v.Known:
		return NA
	case share:
		return Percent(v.Num, 1, lang)
	}
	return Number(v.Num, 1, lang)
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

var months = map[string][12]string{
	"it": {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// Date prints a date in full: "30 giugno 2020", "30 June 2020".
func Date(t time.Time, lang string) string {
	if t.IsZero() {
		return NA
	}
	m, ok := months[lang]
	if !ok {
		m = months["it"]
	}
	return strings.Join([]string{strconv.Itoa(t.Day()), m[t.Month()-1], strconv.Itoa(t.Year())}, " ")
}

// Change prints the change of an indicator: "+12", or for a share the
// change in percentage points, "+4,3 p.p."; n.d. when not available.
func Change(v report.Value, share bool, lang string) string {
	switch {
	case !v.Known:
		return NA
	case share:
		return Signed(v.Num*100, 1, lang) + " p.p."
	}
	return Signed(v.Num, 1, lang)
}

// ChangePct prints a change given in percent: "+13,8%"; n.d. when not
// available.
func ChangePct(v report.Value, lang string) string {
	if !v.Known {
		return NA
	}
	return Signed(v.Num, 1, lang) + "%"
}
