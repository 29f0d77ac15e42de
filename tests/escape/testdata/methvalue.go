// escape test: -l -m

package p

type T struct{ a, b *int }

var sink any

func (t *T) M(p *int) *int { t.a = t.b; return p }
func (t T) V() *int        { return t.a }

func mv(t *T) {
	f := t.M
	g := T{}.V
	sink = f
	_ = g
}

type I interface{ M(*int) *int }

func iv(i I) func(*int) *int {
	return i.M
}
