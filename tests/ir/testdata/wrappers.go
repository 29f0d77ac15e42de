// Method wrappers (docs/escape-ir.md §1.5): value-to-pointer wrappers,
// promoted methods, interface method expressions, method-value wrappers
// (T.M-fm).  These print only at -m=2 and are compared only with
// DUMPCMP_WRAPPERS=1.
package p

type T struct{ x *int }

func (t T) M(p *int) *int  { return p }
func (t *T) P(p *int) *int { return t.x }

type E struct{ T }

type I interface{ M(p *int) *int }

func wr(t T, e E, i I) {
	f := t.M
	g := e.P
	h := I.M
	_, _, _ = f, g, h
	var _ I = &e
}
