// Composite literals (docs/escape-ir.md §2.7): struct literals (keyed and
// positional), arrays and slices (with keys), maps, &T{...}, nested
// literals with elided types, element conversions.
package p

var sink any

type P struct {
	X, Y int
	p    *int
}

type L struct {
	next *L
	v    any
}

func lits(a, b int, p *int) {
	sink = P{1, 2, p}
	sink = P{X: a, p: p}
	sink = &P{}
	sink = []int{1, 2, a}
	sink = []*int{2: p, 5: nil}
	sink = [3]int{a, b}
	sink = [...]string{"x", 4: "y"}
	sink = map[string]int{"a": a, "b": b}
	sink = map[P][]int{{X: 1}: {a}, {Y: 2}: nil}
	sink = []*P{{X: a}, &P{Y: b}}
	sink = []any{a, p, "s", nil}
	sink = &L{next: &L{v: a}}
	sink = [][]int{{1}, {a, b}}
	sink = struct{ q *int }{p}
	var e P
	_ = e
}
