// Assignments, initializations, return values, short variable
// declarations, index and slice expressions, composite literals
// (assignments.c, index.c, literals.c).
package e2

type S struct {
	A, B int
	c    string
}

type T struct{ x int }

func two() (int, int) { return 1, 2 }
func one() int       { return 1 }
func none()          {}

var arr [3]int
var sl []int
var m map[string]int
var str = "hello"

const cs = "abc"

func f1() {
	var a, b int = two(), 1
	c, d := 1
	e := none()
	x, y := two(), 3
	var z int = two()
	_ = a + b + c + d + x + y + z + e
}

func f2() (int, string) {
	return 1
}

func f3() (int, string) {
	return 1, "a", 3
}

func f4() int {
	return two()
}

func f5() {
	a := 1
	a := 2
	1 = a
	arr[5] = 1
	sl[-1] = 2
	_ = str[10]
	_ = cs[5]
	_ = cs[1.5]
	_ = arr[1:5]
	_ = arr[3:2]
	_ = str[1:2:3]
	_ = [3]int{}[1:]
	_ = i[0]
	a, a := 1, 2
	m["a"].x = 1
	one() = 2
	_ = a
	var s S
	s.A, s.B = two()
	_ = S{1, 2}
	_ = S{A: 1, A: 2}
	_ = S{D: 1}
	_ = S{1, 2, "x", 4}
	_ = S{A: 1, 2}
	_ = []int{1: 1, 1: 2}
	_ = [2]int{1, 2, 3}
	_ = [...]int{5: 1, 2}
	_ = map[string]int{"a": 1, "a": 2}
	_ = map[interface{}]int{1: 1, 1.0: 2, int8(1): 3}
	_ = map[int]int{1}
	_ = int{1}
	_ = &a
	_ = &one()
}

var i int
