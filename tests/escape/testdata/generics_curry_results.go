// escape test: -l -m=2

// Curried closures in shaped code (reader.curry): the parameters are the
// callee's after the curried ones (a method's unnamed, ~p0, a function's
// with their names), and a call with several results is returned through
// temporaries, as syntheticTailCall's typecheck.Stmt does.
package p

var sink any

type Box[X any] struct{ v X }

func (b *Box[X]) Two(p *int) (*int, X) { sink = b; return p, b.v }

func two[T any](x *T, p *int) (*int, *T) { return p, x }

type Stringer2 interface{ Pair(*int) (*int, string) }

func F[T any](b *Box[T]) any { return b.Two }
func G[T any]() any           { return two[T] }
func H[T Stringer2](v T) any  { return v.Pair }
func use()                    { F[int](nil); G[int](); H[Stringer2](nil) }
