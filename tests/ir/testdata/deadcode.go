// Writer rules (docs/escape-ir.md §1.2): dead code after terminating
// statements, labels keeping code alive, constant conditions, constant
// switches, constant-false loops.
package p

var sink any

const debug = false

func dead(z int) {
	goto L
	sink = &z
L:
	sink = new(int)
	if false {
		sink = 1
	}
	if true {
		sink = 2
	} else {
		sink = 3
	}
	if debug && z > 0 {
		sink = 4
	}
	if !debug || z > 0 {
		sink = 5
	}
	for false {
		sink = 6
	}
	switch 1 {
	case 2:
		sink = new(int)
	case 1:
		sink = 7
	}
	return
	sink = 8
}

func deadPanic(y int) {
	panic("x")
	sink = &y
}

func deadIf(c bool) int {
	if c {
		return 1
	} else {
		return 2
	}
	sink = 9
	return 0
}
