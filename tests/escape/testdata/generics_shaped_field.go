// escape test: -l -m=2

// A field of a shaped instance whose type argument was pointer-shaped
// keeps its own type in gc's IR (x.c is *struct{ d int }, not
// go.shape.*uint8), so selections through it still work
// (typeparam/issue54535.go).
package p

type s[T, U any] struct {
	a T
	c U
}

var sink any

func f[T any](p *int) {
	var x s[*struct{ b T }, *struct{ d *int }]
	x.a.b = *new(T)
	x.c.d = p
	sink = x.c.d
}

func g() { f[int](nil) }
