// Package format writes numbers, shares and dates the way a report prints
// them: Italian (14.844; 17,2%; 30 giugno 2020) or English (14,844; 17.2%;
// 30 June 2020), and "n.d." for a value that is not available.
package format
