// Operations on type parameter values: arithmetic, shifts, indexing,
// slicing, map index, channel operations, comparisons, assignability.
package e4

type Num interface{ ~int | ~int8 | ~float64 }
type Str interface{ ~string | ~[]byte }
type Mixed interface{ ~string | ~int }
type Arr interface{ ~[4]int | ~[]int }
type Maps interface{ ~map[string]int }
type Chans interface{ chan int | <-chan int }

func f1[T Num](x, y T) T {
	var z T = 1
	_ = x + y*z
	_ = x << 1
	_ = 1 << x
	_ = x % y
	_ = x == y
	_ = x < y
	var w T = 300
	var v T = 1.5
	_, _ = w, v
	return -x
}

func f2[S Str](s S) {
	_ = s[0]
	_ = s[1:2]
	_ = s[1:2:3]
	_ = len(s)
}

func f3[M Mixed](m M) {
	_ = m[0]
	_ = m[1:]
	_ = m + m
	_ = m * m
}

func f4[A Arr](a A) {
	_ = a[3]
	_ = a[5]
	_ = a[1:2]
}

func f5[M Maps](m M) {
	v, ok := m["a"]
	_, _ = v, ok
	m["b"] = 1
	_ = m[1]
}

func f6[C Chans](c C) {
	x := <-c
	_ = x
	c <- 1
}

func f7[T any](x T) {
	_ = x == x
	_ = x.(int)
	var i interface{} = x
	_ = i
	_ = *x
}

func f8[P *int | *int8](p P) {
	_ = *p
}

func f9[T comparable](a, b T) bool { return a == b }

func f10[T int | string](x T) {
	var a int = x
	var b T = 5
	_, _ = a, b
}
