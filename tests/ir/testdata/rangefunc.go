// Range over functions (docs/escape-ir.md §2.12): the loop body becomes a
// closure f-rangeN with the #state, #next and result variables.
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

func pairs(yield func(int, *int) bool) {}

func rf() int {
	s := 0
	for x := range seq(3) {
		s += x
		if x > 1 {
			break
		}
	}
	for k, p := range pairs {
		if p != nil {
			return k
		}
		continue
	}
	return s
}

func rfDefer() {
	for x := range seq(2) {
		defer println(x)
	}
}
