// escape test: -l -m

// Generic functions and methods of generic types (docs/escape-ir.md
// §2.15): shaped instantiations, their wrappers and dictionaries, calls
// of instantiated functions, pointer shapes, interface conversions of
// type parameters, new(T), method values.
package p

var sink any

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T     { return b.v }
func (b *Box[T]) Set(v T)    { b.v = v }
func (b *Box[T]) Leak()      { sink = b }
func (b Box[T]) Value() any  { return b.v }
func (b *Box[T]) Fn() func() T { return b.Get }

func Id[T any](x T) T { return x }
func Leak[T any](x T) { sink = x }
func New[T any]() *T  { return new(T) }
func NewBox[T any](v T) *Box[T] {
	return &Box[T]{v: v}
}

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

func Map[T, U any](xs []T, f func(T) U) []U {
	r := make([]U, 0, len(xs))
	for _, x := range xs {
		r = append(r, f(x))
	}
	return r
}

func Variadic[T any](xs ...T) []T { return xs }

func use(p *int, q *int) {
	a := 1
	_ = Id(&a)
	_ = Id(p)
	_ = Id("s")
	Leak(2)
	Leak(q)
	b := &Box[*int]{}
	_ = b.Get()
	b.Set(&a)
	_ = Sum([]int{1, 2})
	_ = Max(3, 4)
	var c Box[string]
	c.Set("x")
	_ = New[int]()
	_ = NewBox(3)
	_ = Map([]int{1}, func(i int) string { return "x" })
	_ = Variadic(1, 2, 3)
	f := b.Get
	sink = f
	g := new(Box[string]).Fn()
	_ = g
	sink = Box[int]{}.Value()
}
