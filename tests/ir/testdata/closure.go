// Closures (docs/escape-ir.md §2.8): captured variables in first-use order
// at their first use, nested literals (f.func1.1), literals without
// captures, direct calls of literals, calls through variables, closures in
// package initializers.
package p

var sink any

func capture(a int, p *int) func() int {
	b := 2
	f := func() int {
		b++
		return a + b + *p
	}
	return f
}

func nested(x int) {
	g := func() {
		h := func() {
			x++
		}
		h()
		func() { sink = &x }()
	}
	g()
}

func nocapture() {
	f := func(p *int) *int { return p }
	_ = f(nil)
	func() {}()
	sink = func(q *int) { sink = q }
}

func twoLits(s []int) int {
	n := 0
	for _, v := range s {
		func() { n += v }()
	}
	return n
}

var global = func() int { return 1 }()

var withClosure = func(y int) func() int {
	return func() int { return y }
}
