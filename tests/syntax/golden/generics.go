// Type parameters, constraints, instantiation and generic aliases.
package generics

type Number interface {
	~int | ~int64 | float64
	comparable
}

type Ordered interface {
	~int | ~string
	String() string
}

type Union interface{ int | string | []byte }
type Tilde interface{ ~[]byte | ~string }
type Embeds interface {
	Number
	Ordered
	~struct{ x int }
	interface{ M() }
}

type List[T any] struct {
	next *List[T]
	val  T
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

type Map[K comparable, V any] map[K]V
type Vec[T Number,] []T
type PtrElem[P *C] struct{}
type PtrElemComma[P *C,] struct{}
type Iface[P interface{ *C }] struct{}
type Tilded[P ~int] struct{}
type Sliced[S ~[]E, E any] []E
type Arr [N]int
type ArrMul [N * M]int
type ArrPar [(N)]int

type A[T any] = []T
type B[K comparable, V any] = map[K]V
type C = List[int]

func Map1[T, U any](s []T, f func(T) U) []U {
	var r []U
	for _, x := range s {
		r = append(r, f(x))
	}
	return r
}

func Sum[T Number](xs ...T) (s T) { return }

func (l *List[T]) Push(v T)      {}
func (p Pair[K, V]) Key() K       { return p.k }
func (p *Pair[_, V]) Value() V    { var v V; return v }
func (m Map[K, _]) Len() int      { return len(m) }

func use() {
	_ = Map1[int, string]
	_ = Map1[int]
	_ = Sum[float64](1, 2)
	_ = List[int]{}
	_ = Pair[string, int]{"a", 1}
	_ = &List[Pair[int, string]]{}
	var _ Map[string, []int]
	var _ func(List[int]) Pair[int, int]
	f := Sum[int]
	_ = f
	_ = x[i, j]
}
