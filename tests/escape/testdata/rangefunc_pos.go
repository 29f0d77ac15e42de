// escape test: -l -m=2

// Range-over-func: the variables the rewrite declares without a position
// (#next) are reported without one, and references to #stateN are at
// "<unknown line number>".

package p

var g func(int) bool
func seq(yield func(int) bool) { g = yield }

func f() int {
outer:
	for i := range 3 {
		for x := range seq {
			if x == i {
				continue outer
			}
			if x > 5 {
				return x
			}
		}
	}
	return 0
}
