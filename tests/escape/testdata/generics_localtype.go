// escape test: -l -m

package p

import "slices"

// A function-local type as a type argument: the shape is named after the
// type's link string (with its ·N suffix), which -m prints without it.

var sink any

func f(n int) int {
	type rec struct {
		p *int
		n int
	}
	rs := make([]rec, 0, 8)
	rs = append(rs, rec{&n, n})
	c := slices.Clone(rs)
	sink = c
	return len(c)
}

func g() {
	type pair struct{ a, b string }
	ps := []pair{{"x", "y"}}
	sink = slices.Clone(ps)
}
