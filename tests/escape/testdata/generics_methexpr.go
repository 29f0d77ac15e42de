// escape test: -l -m=2

// Method expressions of generic types (reader exprMethodExpr): with a static
// dictionary the method expression of the type as written (calling the
// stenciled method or a wrapper); in shaped code a closure calling the shaped
// method with the sub-dictionary, the receiver adjusted by * or &.
package p

type Box[X any] struct{ v X }

func (b Box[X]) Get() X   { return b.v }
func (b *Box[X]) Set(v X) { b.v = v }

type Outer struct{ Box[*int] }

func F1() func(Box[*int]) *int      { return Box[*int].Get }
func F2() func(*Box[*int]) *int     { return (*Box[*int]).Get }
func F3() func(*Box[*int], *int)    { return (*Box[*int]).Set }
func F4() func(Outer) *int          { return Outer.Get }
func G[X any]() any                 { return Box[X].Get }
func G2[X any]() any                { return (*Box[X]).Set }
func G3[X any]() any                { return (*Box[X]).Get }
func H()                            { G[int](); G2[*int](); G3[string]() }
func C(b Box[*int]) *int            { return Box[*int].Get(b) }
