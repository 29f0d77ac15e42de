// Temporaries (docs/escape-ir.md §2.14): .autotmp_N numbering (N =
// len(Dcl) at creation) for multi-value calls in arguments and returns,
// new(expr), select receives with conversions, callee rewriting.
package p

func mv() (*int, *int)       { return nil, nil }
func use(a, b *int) *int     { return a }
func useAny(a, b any)        {}
func ret() (*int, *int)      { return mv() }
func retConv() (any, any)    { return mv() }
func callees() func() *int   { return nil }

func temps(c chan *int) any {
	x := use(mv())
	useAny(mv())
	p := new(*x)
	var q any
	select {
	case q = <-c:
	}
	_ = callees()()
	_, _ = p, q
	return use(mv())
}
