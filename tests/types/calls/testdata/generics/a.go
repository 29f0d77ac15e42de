package e2

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Pair[K comparable, V any](k K, v V) map[K]V { return map[K]V{k: v} }

func Conv[T ~int | ~int8, U ~string](t T, u U) {
	_ = U(t)
	_ = T(u)
	_ = T(1000)
	_ = T(1.5)
	_ = len(t)
	_ = real(t)
}

func Zero[T any]() T { var z T; return z }

type List[T any] struct{ next *List[T]; v T }

func (l *List[T]) Push(v T) *List[T] { return &List[T]{l, v} }

func Apply[T any](f func(T) T, x T) T { return f(x) }
func Ident[T any](x T) T             { return x }

func g() {
	_ = Sum(1, 2.5)
	_ = Sum("a")
	_ = Sum[int, int](1)
	_ = Pair(1)
	_ = Pair[string](1, 2)
	_ = Zero()
	var l List[int]
	_ = l.Push("x")
	_ = Apply(Ident, 3)
	var f func(int) int = Ident
	_ = f
	var h func() = Zero
	_ = h
	_ = Sum[string]
	x := Ident[int, int]
	_ = x
	var n Number
	_ = n
	_ = Number(1)
	_ = min(1, "a")
	_ = max([]int{})
	clear(1)
	var m map[string]int
	delete(m, 1)
	_ = append([]byte{}, "a", "b")
	_ = append([]int{}, "a"...)
}
