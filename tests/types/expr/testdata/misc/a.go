// Blank and nil assignments, ++/--/op=, generic values without
// instantiation, constant indices, builtins and types as values.
package e6

type S struct{ a int }

var m map[string]S
var arr [3]int

func g() (int, string) { return 0, "" }
func h[T any](x T) T { return x }

func f() {
	_ = nil
	var s string
	s += 1
	s -= "a"
	s++
	var b bool
	b++
	m["a"].a = 1
	m["a"].a++
	_ = h
	var fn = h
	_ = fn
	x, y := g(), 1
	_, _ = x, y
	var _ = g
	var u = func() {}()
	_ = u
	arr[1.5] = 0
	var k int
	k <<= 1.5
	k <<= -1
	k >>= s
	_ = 5 / 0.0
	const c = 10
	_ = c[0]
	_ = "abc"[5]
	_ = "abc"[1:5]
	_ = arr[2:1]
	var z complex64 = 1 + 2i
	_ = z > z
	_ = len
	_ = int
	_ = S
}
