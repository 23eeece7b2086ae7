package yamldata

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// figures reads an aggregate file (staff.yaml, services.yaml): a list of
// figures, each a measure on a slice given as a total, cells, or both. Then
// it checks that figures agree wherever they give the same number twice.
func (l *loader) figures(n *yaml.Node, source string) []report.Figure {
	d := l.d
	schema := report.Schema[source]
	var measures, dims []string
	for _, name := range slices.Sorted(maps.Keys(schema)) {
		if schema[name].Kind == report.KindNumber {
			measures = append(measures, name)
		} else {
			dims = append(dims, name)
		}
	}
	var figs []report.Figure
	var nodes []*figureNodes
	same := map[string]int{} // a figure's identity → its line
	for i, fn := range d.list(n, "figures") {
		what := fmt.Sprintf("figure #%d", i+1)
		f := d.fields(fn, what, "measure!", "for", "total", "cells", "note")
		if f == nil {
			continue
		}
		fig := report.Figure{Measure: d.str(f["measure"], "measure")}
		if mn := f["measure"]; mn != nil && fig.Measure != "" && !slices.Contains(measures, fig.Measure) {
			d.errorf(mn, "unknown measure %q of %s%s", fig.Measure, source, report.Hint(fig.Measure, measures))
			continue
		}
		if fig.Measure == "" {
			continue
		}
		what = fmt.Sprintf("figure #%d (%s)", i+1, fig.Measure)
		d.note(f["note"], "note")
		errs := len(*d.errs)
		fig.For = l.slice(f["for"], schema, dims)
		// A figure whose for lost a dimension or code to an error is
		// another slice than meant: comparing it with the others would
		// only add misleading messages.
		badFor := len(*d.errs) > errs
		decimal := report.Decimal[fig.Measure]
		if tn := f["total"]; tn != nil && !isNull(tn) {
			if v, ok := d.amount(tn, fig.Measure+" total", decimal); ok {
				fig.Total = report.Known(v)
			}
		}
		fn2 := &figureNodes{fig: fn, total: f["total"], cells: f["cells"]}
		l.cells(&fig, fn2, schema, dims, decimal)
		if !fig.Total.Known && len(fig.Cells) == 0 && (f["total"] == nil || isNull(f["total"])) && len(fn2.cellNodes) == 0 {
			if !fn2.broken { // cells were written, with errors of their own
				d.errorf(fn, "%s needs a total, cells, or both", what)
			}
			continue
		}
		if badFor {
			continue
		}
		id := figureID(&fig)
		if line, ok := same[id]; ok {
			d.errorf(fn, "%s repeats the figure at line %d (%s): give each figure once", what, line, describe(fig.Measure, fig.For, fig.Dims))
			continue
		}
		same[id] = fn.Line
		figs = append(figs, fig)
		nodes = append(nodes, fn2)
	}
	l.agree(figs, nodes)
	return figs
}

// figureNodes keeps the nodes of a figure for messages.
type figureNodes struct {
	fig, total, cells *yaml.Node
	cellNodes         []*yaml.Node // one per cell kept
	// broken is set when a cell was left out for an error: the figure's
	// sums would then disagree for no other reason, so they are not checked.
	broken bool
}

// slice reads a figure's "for": the dimension codes it is restricted to.
func (l *loader) slice(n *yaml.Node, schema map[string]report.Field, dims []string) []report.Coord {
	d := l.d
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "for must be a mapping of dimension codes, such as {role: social_worker}, not %s", kindName(n))
		return nil
	}
	var out []report.Coord
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		fd, ok := schema[k.Value]
		switch {
		case !ok || fd.Kind == report.KindNumber:
			d.errorf(k, "unknown dimension %q in for%s", k.Value, report.Hint(k.Value, dims))
			continue
		case slices.ContainsFunc(out, func(c report.Coord) bool { return c.Dim == k.Value }):
			d.errorf(k, "dimension %q is written twice in for", k.Value)
			continue
		}
		if code := l.code(v, fd.Domain, k.Value); code != "" {
			out = append(out, report.Coord{Dim: k.Value, Code: code})
		}
	}
	slices.SortFunc(out, func(a, b report.Coord) int { return strings.Compare(a.Dim, b.Dim) })
	return out
}

// cells reads a figure's cells: each a code for the same dimensions and a
// value; no two cells with the same codes.
func (l *loader) cells(fig *report.Figure, fn *figureNodes, schema map[string]report.Field, dims []string, decimal bool) {
	d := l.d
	first := map[string]int{} // codes → line
	firstLine := 0
	for _, cn := range d.list(fn.cells, "cells") {
		if cn.Kind != yaml.MappingNode {
			d.errorf(cn, "a cell must be a mapping such as {unit: sst, value: 12}, not %s", kindName(cn))
			fn.broken = true
			continue
		}
		codes := map[string]string{}
		var keys []string
		var value *yaml.Node
		ok := true
		badKey := false // a dimension left out for an error: the cell's dimensions are not the ones meant
		for i := 0; i+1 < len(cn.Content); i += 2 {
			k, v := cn.Content[i], cn.Content[i+1]
			if k.Value == "value" {
				if value != nil {
					d.errorf(k, "field \"value\" is written twice in the cell")
					ok = false
				}
				value = v
				continue
			}
			fd, known := schema[k.Value]
			switch {
			case !known || fd.Kind == report.KindNumber:
				d.errorf(k, "unknown dimension %q in a cell of %s%s", k.Value, fig.Measure, report.Hint(k.Value, append(slices.Clone(dims), "value")))
				ok = false
				badKey = true
				continue
			case slices.ContainsFunc(fig.For, func(c report.Coord) bool { return c.Dim == k.Value }):
				d.errorf(k, "dimension %q is fixed by the figure's for: a cell cannot break it down", k.Value)
				ok = false
				badKey = true
				continue
			case codes[k.Value] != "" || slices.Contains(keys, k.Value):
				d.errorf(k, "dimension %q is written twice in the cell", k.Value)
				ok = false
				badKey = true
				continue
			}
			keys = append(keys, k.Value)
			code := l.code(v, fd.Domain, k.Value)
			if code == "" {
				ok = false
			}
			codes[k.Value] = code
		}
		if value == nil {
			d.errorf(cn, "cell of %s: missing required field \"value\"", fig.Measure)
			ok = false
		}
		if badKey {
			if value != nil {
				d.amount(value, fig.Measure, decimal)
			}
			fn.broken = true
			continue
		}
		if len(keys) == 0 && value != nil && ok {
			d.errorf(cn, "a cell needs at least one dimension besides value (write the figure's whole value as its total)")
			fn.broken = true
			continue
		}
		slices.Sort(keys)
		if fig.Dims == nil && len(keys) > 0 {
			fig.Dims, firstLine = keys, cn.Line
		} else if !slices.Equal(keys, fig.Dims) && len(keys) > 0 {
			d.errorf(cn, "this cell is by %s, but the figure's first cell (line %d) is by %s: split them into two figures",
				strings.Join(keys, ", "), firstLine, strings.Join(fig.Dims, ", "))
			fn.broken = true
			continue
		}
		v, valid := 0.0, false
		if value != nil {
			v, valid = d.amount(value, fig.Measure, decimal)
		}
		if !ok || !valid {
			fn.broken = true
			continue
		}
		cell := report.Cell{Value: v}
		var parts []string
		for _, dim := range fig.Dims {
			cell.Codes = append(cell.Codes, codes[dim])
			parts = append(parts, dim+"="+codes[dim])
		}
		id := strings.Join(parts, ", ")
		if line, dup := first[id]; dup {
			d.errorf(cn, "duplicate cell %s of %s (first at line %d)", id, fig.Measure, line)
			fn.broken = true
			continue
		}
		first[id] = cn.Line
		fig.Cells = append(fig.Cells, cell)
		fn.cellNodes = append(fn.cellNodes, cn)
	}
}

func figureID(f *report.Figure) string {
	return describe(f.Measure, f.For, f.Dims) + "|" + strconv.FormatBool(len(f.Cells) > 0)
}

// describe names a measure on a slice: "fte for role=social_worker", with
// " by district" when dims are given.
func describe(measure string, slice []report.Coord, dims []string) string {
	s := measure
	if len(slice) > 0 {
		var cs []string
		for _, c := range slice {
			cs = append(cs, c.Dim+"="+c.Code)
		}
		s += " for " + strings.Join(cs, ", ")
	}
	if len(dims) > 0 {
		s += " by " + strings.Join(dims, ", ")
	}
	return s
}

// fact is one number a figure gives for a measure on a slice: its total, the
// sum of its cells, a cell, or the sum of its cells over some dimensions.
type fact struct {
	value float64
	fig   int
	node  *yaml.Node
	what  string
}

// agree checks that the figures give the same number wherever two of them
// (or a figure's total and its cells) speak of the same measure on the same
// slice: a declared total against the sum of its parts, and two breakdowns
// of the same whole against each other. One message per pair of figures.
func (l *loader) agree(figs []report.Figure, nodes []*figureNodes) {
	facts := map[string]fact{}
	reported := map[[2]int]bool{}
	check := func(slice []report.Coord, measure string, f fact) {
		key := describe(measure, slice, nil)
		first, ok := facts[key]
		if !ok {
			facts[key] = f
			return
		}
		if agreeing(first.value, f.value) || reported[[2]int{first.fig, f.fig}] {
			return
		}
		reported[[2]int{first.fig, f.fig}] = true
		l.d.errorf(f.node, "%s: this figure gives %s (%s), but the figure at line %d gives %s (%s)",
			key, num(f.value), f.what, nodes[first.fig].fig.Line, num(first.value), first.what)
	}
	for i := range figs {
		fig, fn := &figs[i], nodes[i]
		if fn.broken {
			continue
		}
		if sum := fig.Sum(); fig.Total.Known && len(fig.Cells) > 0 {
			cells := 0.0
			for _, c := range fig.Cells {
				cells += c.Value
			}
			if !agreeing(sum, cells) {
				l.d.errorf(fn.total, "%s: the total %s does not agree with the sum of the cells, %s",
					describe(fig.Measure, fig.For, nil), num(sum), num(cells))
				continue // one message is enough; its other sums are suspect
			}
		}
		k := len(fig.Dims)
		if k > 6 {
			k = 0 // too many to roll up; the cells are still read
		}
		for mask := 0; mask < 1<<k; mask++ {
			sums := map[string]float64{}
			coords := map[string][]report.Coord{}
			at := map[string]*yaml.Node{}
			var order []string
			for ci, cell := range fig.Cells {
				slice := slices0(fig.For)
				for j := range k {
					if mask&(1<<j) != 0 {
						slice = append(slice, report.Coord{Dim: fig.Dims[j], Code: cell.Codes[j]})
					}
				}
				sortCoords(slice)
				key := describe("", slice, nil)
				if _, seen := sums[key]; !seen {
					order = append(order, key)
					coords[key] = slice
					at[key] = fn.cellNodes[ci]
				}
				sums[key] += cell.Value
			}
			what := "the sum of its cells"
			switch {
			case mask == 1<<k-1 && k > 0:
				what = "its cell"
			case mask != 0:
				var over []string
				for j := range k {
					if mask&(1<<j) == 0 {
						over = append(over, fig.Dims[j])
					}
				}
				what = "the sum of its cells over " + strings.Join(over, ", ")
			}
			for _, key := range order {
				node := at[key]
				if mask != 1<<k-1 || k == 0 {
					node = fn.cells
				}
				if mask == 0 {
					node = fn.fig
				}
				check(coords[key], fig.Measure, fact{value: sums[key], fig: i, node: node, what: what})
			}
		}
		if fig.Total.Known {
			check(fig.For, fig.Measure, fact{value: fig.Total.Num, fig: i, node: fn.total, what: "its total"})
		}
	}
}

func slices0(c []report.Coord) []report.Coord { return append([]report.Coord(nil), c...) }

func sortCoords(c []report.Coord) {
	slices.SortFunc(c, func(a, b report.Coord) int { return strings.Compare(a.Dim, b.Dim) })
}

func agreeing(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// num writes a number for a message: 12, 24.5.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*1e6)/1e6, 'f', -1, 64)
}
