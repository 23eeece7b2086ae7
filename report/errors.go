package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a position in a data or template file. Line and Col start at 1; a
// zero Col means the column is not known.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one problem found in the input, at a position.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList collects every problem of a run, so that a user sees them all at
// once, in file order.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by line and column within each file, keeping the
// files in the order they were read.
func (l ErrorList) Sort() {
	order := map[string]int{}
	for _, e := range l {
		if _, ok := order[e.Pos.File]; !ok {
			order[e.Pos.File] = len(order)
		}
	}
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(order[a.Pos.File], order[b.Pos.File]),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// InternalError is a panic recovered where the program can go on (a
// renderer, a template run), turned into an error: a bug to report, never
// a problem of the user's input.
type InternalError struct {
	Where string // the step, such as "pdf"
	Panic any
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("%s: internal error: %v", e.Where, e.Panic)
}
