// escape test: -l -m=2

// Shaped code: a method value of a type parameter's method is a closure
// calling the dictionary's method expression (reader.curry, which also
// nil-checks an interface receiver); comparing a type parameter's value
// with an interface converts it to the interface (the writer sees the
// parameter, not its shape); a method value of a shaped interface
// converts its receiver (an OCONVNOP printed as T(x)); no devirtualization
// of calls on shaped receivers.
package p

type Stringer interface{ String() string }

func stringify[T Stringer](s []T) (ret []string) {
	for _, v := range s {
		f := v.String
		ret = append(ret, f())
	}
	return ret
}

type myint int

func (myint) String() string { return "" }

type I interface{ foo() }

type C interface {
	comparable
	I
}

func (myint) foo() {}

func h[T C](t T, i I) bool { return t == i }

type A2[T any] interface{ m2(T) }

type B1[T any] struct{ A2[T] }

type ImpA2[T any] struct{}

func (*ImpA2[T]) m2(T) {}

func use[T any](arg T) {
	var b1 B1[T]
	b1.A2 = &ImpA2[T]{}
	var b2 A2[T]
	b2 = &ImpA2[T]{}
	b2.m2(arg)
	m2v := b1.A2.m2
	m2v(arg)
	b2v := b2.m2
	b2v(arg)
}

func F() {
	stringify([]myint{1})
	h[myint](1, myint(2))
	use[string]("")
}
