package escapes

// Counter returns a closure that captures n by reference; n lives as long as
// the closure, so both are heap-allocated.
func Counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

// Apply calls f through a function value: the compiler cannot see what f does
// with its argument, so p escapes.
func Apply(f func(*Point), x int) {
	p := Point{x, x}
	f(&p)
}

// Sum calls a closure that does not escape; nothing is allocated.
func Sum(xs []int) int {
	total := 0
	add := func(x int) { total += x }
	for _, x := range xs {
		add(x)
	}
	return total
}
