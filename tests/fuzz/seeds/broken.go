package p

func f() {
	x := 1 +
	if x { } else for {}
	y := []int{1 2}
	L:
}

func (a, b T) m[P any]() {}

type T[P] struct { (x) }

var s = "unterminated
