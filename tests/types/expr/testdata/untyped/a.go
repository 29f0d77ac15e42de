// Untyped values meeting their final types: interfaces, comma-ok forms,
// composite literals with elided (pointer) types, representability.
package untyped

import "fmt"

type I interface{ M() }
type S struct{ A int }
type T struct{ a, b int }

func (S) N() {}

var ch chan int
var m map[string]int
var i interface{}

func f() {
	var x I = S{}
	var y I = 1
	var z fmt.Stringer = "s"
	v, ok := i.(int)
	w, ok2 := <-ch
	u, ok3 := m["x"]
	a, b, c := m["x"]
	_, _ = m["x"], 1
	var p, q = i.(string)
	_ = []*S{{1}, {A: 2}, nil}
	_ = map[string]*S{"a": {1}}
	_ = [...]*T{{1, 2}}
	var unused int
	unused = 5
	var n int
	n, k := 1, 2
	_, _ = n, k
	_ = x == y
	_ = S{} == S{}
	_ = z
	_ = v + w + u
	_, _, _ = ok, ok2, ok3
	_, _, _, _, _ = a, b, c, p, q
	var s []int = nil
	s = append(s, 1.5)
	var r rune = 'a' + 1000000000
	var f32 float32 = 1 << 200
	_ = r
	_ = f32
	_ = T{a: 1, c: 2}
	_ = fmt.Stringer(nil)
	for i := range 10 {
		_ = i
	}
}
