package yamldata

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"rendiconto/report"
	"rendiconto/report/fonts"
)

// identity reads the edition's optional identity.md and identity_en.md:
// the city's own Markdown on its mission, values and governance. It is
// trusted text, but it passes the checks every data file passes (UTF-8,
// no control characters) and a length limit, report.MaxIdentity. A missing
// file is no warning: the report then says what the data know.
func (l *loader) identity() {
	l.ed.Identity = l.markdownFile(report.FileIdentity)
	l.ed.IdentityEn = l.markdownFile(report.FileIdentityEn)
}

// markdownFile returns the text of an optional Markdown file of the
// edition, "" when it is missing or after an error.
func (l *loader) markdownFile(name string) string {
	path := filepath.Join(l.dir, name)
	data, err := fs.ReadFile(l.fsys, l.sub+"/"+name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ""
	case err != nil:
		l.errs.Add(report.Pos{File: path}, "cannot read: %v", err)
		return ""
	}
	d := &decoder{file: path, errs: &l.errs, warns: &l.warnings}
	if len(data) >= 2 && (data[0] == 0xFE && data[1] == 0xFF || data[0] == 0xFF && data[1] == 0xFE) {
		l.errs.Add(report.Pos{File: path, Line: 1, Col: 1}, "the file is UTF-16: save it as UTF-8")
		return ""
	}
	if !d.checkBytes(data) {
		return ""
	}
	// One pass: where the length limit falls, so that the writer knows
	// what to cut; a character lost in a conversion (an error); those the
	// font cannot draw (a warning, as for data files).
	line, col, n := 1, 1, 0
	var missing []rune
	var missingAt report.Pos
	for _, r := range string(data) {
		at := report.Pos{File: path, Line: line, Col: col}
		switch {
		case n == report.MaxIdentity:
			l.errs.Add(at, "the text is too long: %d characters, at most %d (see Limits in docs/data-model.md); it goes past the limit here",
				utf8.RuneCount(data), report.MaxIdentity)
			return ""
		case r == utf8.RuneError:
			l.errs.Add(at, "U+FFFD, the mark of a character lost when the text was converted, in text: write the character again")
			return ""
		case r == '\n' || r == '\t' || r == '\r' || r == '\uFEFF':
		case !fonts.Covers(r) && len(missing) < 4 && !containsRune(missing, r):
			if len(missing) == 0 {
				missingAt = at
			}
			missing = append(missing, r)
		}
		n++
		col++
		if r == '\n' {
			line, col = line+1, 1
		}
	}
	if len(missing) > 0 {
		names := make([]string, len(missing))
		for i, r := range missing {
			names[i] = fmt.Sprintf("%U %s", r, strconv.Quote(string(r)))
		}
		verb := "it will print as"
		if len(missing) > 1 {
			verb = "they will print as"
		}
		l.warnings = append(l.warnings, Warning{missingAt, fmt.Sprintf("%s cannot be drawn by the report's font; %s %c",
			strings.Join(names, ", "), verb, fonts.Replacement)})
	}
	s := strings.TrimPrefix(string(data), "\uFEFF")
	if strings.TrimSpace(s) == "" {
		l.warnings = append(l.warnings, Warning{report.Pos{File: path}, "the file is empty: the report says what the data know instead"})
		return ""
	}
	return s
}
