// Package privacy decides which counts of people are withheld from
// publication: primary suppression of the small counts (from 1 to the
// threshold less one) and secondary suppression of as few other counts
// as needed so that no withheld count can be recomputed from the
// published ones and the totals.
//
// It knows nothing of indicators or editions: a Problem is a list of
// quantities (the cells of a breakdown, its totals) and of the sums that
// tie them (the cells of a row add up to its total). The report package
// builds the problems from the results and marks what this package
// withholds.
package privacy
