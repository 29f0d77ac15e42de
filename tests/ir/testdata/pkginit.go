// Package initialization (docs/escape-ir.md §1.7): the synthetic init with
// the initializers staticinit could not remove, user init functions
// (init.0, init.1), closures in initializers.
package p

var x = 1
var m = map[string]int{"a": 1}
var g = func() *int { y := 1; return &y }()
var h = make([]int, 10)
var gp = &x
var s = []int{1, 2, 3}
var i any = 42
var j any = x
var k = new(int)
var a, b = two()

func two() (int, error) { return 0, nil }

func init() {
	x = 2
}

func init() {
	k = &x
}
