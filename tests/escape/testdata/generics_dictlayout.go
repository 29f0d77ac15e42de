// escape test: -l -m=2

// gc's runtime dictionary layout (src/ir/dictlayout.c): shaped callers
// print their callees' sizes, (*[N]uintptr)(.dict[i]).  Entries are
// method expressions, sub-dictionaries, rtypes and itabs, keyed on the
// identity of the checker's type objects: the two *T of G are two words,
// the three mk(x) calls of F share one instantiated signature.
package p

import "sync/atomic"

var sink any

func G1[T any](x *T)   { sink = x }
func G[T any](x *T) *T { sink = x; return x }

type S interface{ M() }

func F0[T S](x T, p *T) { x.M(); G(p); G1(p) }

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T  { return b.v }
func (b *Box[T]) Set(v T) { b.v = v; G(&b.v) }

func H[T any](b *Box[T], m map[string]T) T {
	b.Set(m["a"])
	for k, v := range m {
		_ = k
		sink = v
	}
	return b.Get()
}

func mk[T any](x T) *T { return &x }

func F[T any](p *int, x T) {
	sink = p
	a := mk(x)
	b := mk(x)
	c := mk[T](x)
	_, _, _ = a, b, c
}

func C[T any](p *int) { F[T](p, *new(T)) }

type entry[K comparable, V any] struct {
	overflow atomic.Pointer[entry[K, V]]
	key      K
	value    V
}

func newEntry[K comparable, V any](key K, value V) *entry[K, V] {
	return &entry[K, V]{key: key, value: value}
}

func (head *entry[K, V]) swap(key K, new V) (*entry[K, V], V, bool) {
	if head.key == key {
		e := newEntry(key, new)
		if chain := head.overflow.Load(); chain != nil {
			e.overflow.Store(chain)
		}
		return e, head.value, true
	}
	var zero V
	return head, zero, false
}

func (head *entry[K, V]) leak(p *int) { sink = p }

func E[K comparable, V any](e *entry[K, V], p *int) { e.leak(p) }

// closures in shaped code capture .dict last
func Clo[T any](x T) func() T {
	return func() T { sink = x; return x }
}

type I int

func (I) M() {}

func use() {
	var i I
	F0(i, &i)
	H(&Box[int]{}, nil)
	H(&Box[*int]{}, nil)
	C[int](nil)
	E[int, string](nil, nil)
	_ = Clo(1)
}
