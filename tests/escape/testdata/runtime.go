// escape test: -p runtime -+ -std -l -m

package runtime

var g *int

func f() {
	x := 0
	g = &x
}

func h() *int {
	y := 1
	return &y
}
