package p

type Number interface{ ~int | ~float64 }

type List[T any] struct{ next *List[T]; v T }

type A[T any] = []T

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func (l *List[T]) Push(v T) { l.next = &List[T]{v: v} }

var _ = Sum[float64](1, 2.5)
