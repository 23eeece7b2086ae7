package yamldata

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"rendiconto/report"
)

// money reads a project's optional budget and funding_amounts (euro): each
// a number ≥ 0 with two decimals at most; the amounts by code of the
// funding code list, each code also in the project's funding list, and
// their sum not above the budget when both are given.
func (l *loader) money(f map[string]*yaml.Node, p *report.Project) {
	d := l.d
	if bn := f["budget"]; bn != nil && !isNull(bn) {
		p.Budget, p.HasBudget = l.euro(bn, "budget")
	}
	an := f["funding_amounts"]
	if an == nil || isNull(an) {
		return
	}
	if an.Kind != yaml.MappingNode {
		d.errorf(an, "funding_amounts must be a mapping from funding codes to euro (comune: 12000), not %s", kindName(an))
		return
	}
	sum, ok := 0.0, true
	p.FundingAmounts = make(map[string]float64, len(an.Content)/2)
	for i := 0; i+1 < len(an.Content); i += 2 {
		k, v := an.Content[i], an.Content[i+1]
		code := d.str(k, "funding_amounts code")
		if code == "" {
			ok = false
			continue
		}
		if first := firstKey(an.Content[:i], k.Value); first != nil {
			where := fmt.Sprintf("also at line %d", first.Line)
			if first.Line == k.Line {
				where = "also earlier on this line"
			}
			d.errorf(k, "funding code %q is written twice in funding_amounts (%s)", code, where)
			ok = false
			continue
		}
		if valid, has := l.codeSet("funding"); !has || !valid[code] {
			l.checkCode(k, code, "funding") // the message, with did-you-mean
			ok = false
			continue
		}
		if !slices.Contains(p.Funding, code) {
			d.errorf(k, "funding_amounts gives %q, which is not in the project's funding list: add it there too", code)
			ok = false
		}
		amount, good := l.euro(v, "funding_amounts "+code)
		if !good {
			ok = false
			continue
		}
		p.FundingAmounts[code] = amount
		sum += amount
	}
	if ok && p.HasBudget && sum > p.Budget+0.005 {
		d.errorf(an, "funding_amounts add up to %s euro, above the budget of %s euro: the sources cannot give more than the project costs",
			euroText(sum), euroText(p.Budget))
	}
}

// euro reads an amount in euro: a number ≥ 0 with two decimals at most.
func (l *loader) euro(n *yaml.Node, what string) (float64, bool) {
	d := l.d
	f, ok := d.amount(n, what, true)
	if !ok {
		return 0, false
	}
	if strings.ContainsAny(n.Value, "eE") {
		d.errorf(n, "%s must be written with digits and at most two decimals (12500.50), not %s", what, n.Value)
		return 0, false
	}
	if _, frac, found := strings.Cut(n.Value, "."); found && len(frac) > 2 {
		// 1.500 is one euro and a half to YAML, but likely 1500 to whoever
		// wrote it the Italian way.
		d.errorf(n, "%s has more than two decimals (%s): write euro without a thousands separator (%s) and cents with two decimals at most",
			what, n.Value, strings.ReplaceAll(n.Value, ".", ""))
		return 0, false
	}
	return math.Round(f*100) / 100, true
}

// euroText writes an amount for a message: 12500 as 12500, 12500.5 as
// 12500.50.
func euroText(x float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(x, 'f', 2, 64), ".00")
}
