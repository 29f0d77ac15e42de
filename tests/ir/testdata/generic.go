// Generics (docs/escape-ir.md §2.15): shaped instantiations with their
// .dict parameter, non-shaped wrappers, methods of generic types, calls
// of instantiated functions, pointer shaping.
package p

var sink any

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T    { return b.v }
func (b *Box[T]) Set(v T)   { b.v = v }

func Id[T any](x T) T       { return x }
func Leak[T any](x T)       { sink = x }
func Sum[T int | float64](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Num interface{ ~int | ~int64 }

func Max[T Num](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func use() {
	a := 1
	_ = Id(&a)
	_ = Id("s")
	Leak(2)
	b := &Box[*int]{}
	_ = b.Get()
	b.Set(&a)
	_ = Sum([]int{1, 2})
	_ = Max(3, 4)
	var c Box[string]
	c.Set("x")
}
