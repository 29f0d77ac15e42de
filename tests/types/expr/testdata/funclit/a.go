// Function literals: their bodies are checked later, within the enclosing
// declaration (init order, iota) and before the enclosing scope changes.
package e7

const (
	c0 = iota
	c1 = len([1]func(){func() { var x [iota]int; _ = x }})
	c2
)

var a = func() int { return b }()
var b = a

var p = func() int { return q + 1 }()
var q = 2

type T [unsafe0]int

const unsafe0 = 3

func f() {
	var v = func() int { return w }
	var w = 1
	_ = v
	g := func() { h() }
	h := func() {}
	_ = g
	var arr [c2]int
	var _ [2]int = arr
}
