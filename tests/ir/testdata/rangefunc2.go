// Range over functions: nested loops, labeled break and continue, goto
// out of the body, returns with results, loops without variables.
package p

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func none(yield func() bool) {}

func nested() (r int, err error) {
outer:
	for x := range seq(3) {
		for y := range seq(x) {
			if y == 2 {
				continue outer
			}
			if y == 3 {
				break outer
			}
			if x+y > 4 {
				return x, nil
			}
		}
	}
	for range none {
		r++
	}
	for range seq(2) {
		goto done
	}
done:
	return r, nil
}

func withClosure(p *int) *int {
	var q *int
	for x := range seq(2) {
		f := func() { q = p }
		f()
		if x > 0 {
			return q
		}
	}
	return nil
}
