// Calls and methods (docs/escape-ir.md §2.6): static and dynamic calls,
// variadic calls (implicit ... argument, nil, f(s...)), multi-value
// arguments, method calls with implicit &/*, promoted methods, interface
// calls, method values, method expressions, callees with side effects.
package p

type T struct{ x int }

func (t T) Val() int      { return t.x }
func (t *T) Ptr(p *int)   {}
func (t *T) Get() *T      { return t }

type E struct {
	T
	*U
}

type U struct{ y int }

func (u *U) UPtr() {}
func (u U) UVal()  {}

type I interface {
	M(p *int) *int
	N(...int)
}

func f(p *int) *int              { return p }
func two() (*int, int)           { return nil, 0 }
func take(p *int, n int)         {}
func vari(p *int, xs ...*int)    {}
func variAny(xs ...any)          {}
func fn() func(*int) *int        { return f }
func getT() *T                   { return nil }
func getI() I                    { return nil }

func calls(p *int, t T, pt *T, e E, pe *E, i I, xs []*int) {
	_ = f(p)
	take(two())
	vari(p)
	vari(p, p, nil)
	vari(p, xs...)
	variAny(1, "a", p)
	variAny()
	_ = t.Val()
	t.Ptr(p)
	pt.Ptr(p)
	_ = pt.Val()
	e.Ptr(p)
	e.UPtr()
	e.UVal()
	pe.UVal()
	_ = i.M(p)
	i.N(1, 2)
	mv := t.Val
	mp := pt.Ptr
	mi := i.M
	_, _, _ = mv, mp, mi
	me := T.Val
	mpe := (*T).Ptr
	_ = me(t)
	mpe(pt, p)
	_ = fn()(p)
	getT().Ptr(p)
	_ = getI().M(p)
	_ = getT().Get().Val()
	h := f
	_ = h(p)
	_ = func(q *int) *int { return q }(p)
}
