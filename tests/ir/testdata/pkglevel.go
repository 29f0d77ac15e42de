package p

import "iter"

var sink any

var f1 = func() int { return 1 }()

var _ = func() int { sink = 2; return 2 }()

var _, _ = pair()

func pair() (int, int) { return 1, 2 }

var g = func(x int) *int { return &x }

func seq(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func rf() int {
	s := 0
	for x := range seq(3) {
		s += x
		if x > 1 {
			break
		}
	}
	return s
}
