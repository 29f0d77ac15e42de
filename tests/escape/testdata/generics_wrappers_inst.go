// escape test: -l -m=2

// Method wrappers of generic-type instances (src/ir/lower_wrap.c): the
// (*T).M wrappers of instances read by the package, non-shaped and shaped
// (which pass .dict on); instances read when a runtime dictionary is
// written get their methods; promoted methods through embedded instances;
// interface literals read in shaped code; and a generic function's value
// in shaped code, a closure calling the shaped function with its
// sub-dictionary (reader.curry).
package p

var sink any

type I interface{ Get() any }

type Box[X any] struct{ v X }

func (b Box[X]) Get() any  { return b.v }
func (b *Box[X]) Set(v X)  { b.v = v }
func (b Box[X]) Peek() *X  { return &b.v }

type Outer[X any] struct {
	*Box[X]
	n int
}

func Pair[X, Y any](x X, y Y) (any, any) { return Box[X]{x}, Box[Y]{y} }

type S1 struct{ s string }
type S2 struct{ p *int }

func F1() I        { return Box[S1]{} }
func F2()          { Pair[S1, S2](S1{}, S2{}) }
func F3(o Outer[int]) any { return o }

type unwrapper interface{ Unwrap() error }

func Find[E error](err error) bool {
	for err != nil {
		if _, ok := err.(E); ok {
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

type myErr struct{ msg string }

func (e *myErr) Error() string { return e.msg }

func F4(err error) bool { return Find[*myErr](err) }

func callF[T any](x *T, y int) { sink = x }

func Value[S any]() any { return callF[S] }
func F5()              { Value[S1]() }
