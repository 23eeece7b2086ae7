package yamldata

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// plainTag is the tag the YAML library gives a plain scalar: the rules of
// its resolve (go.yaml.in/yaml/v3, resolve.go, Apache License 2.0), kept
// to the tag. A test compares the two on many texts.
func plainTag(in string) string {
	hint := byte('N')
	if in != "" {
		hint = resolveHint(in[0])
	}
	if hint == 0 {
		return "!!str" // the common case: a word
	}
	switch in {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "", "~", "null", "Null", "NULL":
		return "!!null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	case "<<":
		return "!!merge"
	}
	switch hint {
	case '.':
		if _, err := strconv.ParseFloat(in, 64); err == nil {
			return "!!float"
		}
	case 'D', 'S':
		if isTimestamp(in) {
			return "!!timestamp"
		}
		plain := strings.ReplaceAll(in, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return "!!int"
		}
		if yamlStyleFloat.MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return "!!float"
			}
		}
		for _, prefix := range []struct {
			p    string
			base int
		}{{"0b", 2}, {"0o", 8}} {
			if rest, ok := strings.CutPrefix(plain, prefix.p); ok {
				if _, err := strconv.ParseInt(rest, prefix.base, 64); err == nil {
					return "!!int"
				}
				if _, err := strconv.ParseUint(rest, prefix.base, 64); err == nil {
					return "!!int"
				}
			} else if rest, ok := strings.CutPrefix(plain, "-"+prefix.p); ok {
				if _, err := strconv.ParseInt("-"+rest, prefix.base, 64); err == nil {
					return "!!int"
				}
			}
		}
	}
	return "!!str"
}

// resolveHint is the library's hint for a scalar's first byte: 'S' a sign,
// 'D' a digit, '.' a dot, 'M' a letter that may start a word of its table,
// 0 none (a text).
func resolveHint(c byte) byte {
	switch {
	case c == '+' || c == '-':
		return 'S'
	case c >= '0' && c <= '9':
		return 'D'
	case c == '.':
		return '.'
	case strings.IndexByte("yYnNtTfFoO~<", c) >= 0:
		return 'M'
	}
	return 0
}

var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// timestampFormats are the library's.
var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp is the library's parseTimestamp, reporting only success.
func isTimestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range timestampFormats {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}
