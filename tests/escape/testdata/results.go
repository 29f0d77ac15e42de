// escape test: -l -m=2

package p

var sink any

func six(p *int) (r1, r2, r3, r4, r5, r6 *int) { r6 = p; return }
func blankres(p *int) (a, _ *int, _ *int)      { return nil, p, nil }
func deep(p ****int) (r1 *int)                  { r1 = ***p; return }

type L struct {
	next *L
	v    *int
}

func (l *L) walk(f func(*int)) {
	for ; l != nil; l = l.next {
		f(l.v)
	}
}

func even(n int, p *int) *int {
	if n == 0 {
		return p
	}
	return odd(n-1, p)
}

func odd(n int, p *int) *int {
	q := new(int)
	if n == 0 {
		return q
	}
	sink = even(n-1, p)
	return nil
}

func recClosure(n int) int {
	var f func(int) int
	f = func(k int) int {
		if k == 0 {
			return 0
		}
		return f(k - 1)
	}
	return f(n)
}

func swap(a, b *int) (*int, *int) { return b, a }

func useSwap() {
	x, y := 1, 2
	p, q := swap(&x, &y)
	sink = p
	_ = q
}

type Big struct{ a [200]byte }

func capture() {
	var big Big
	n := 0
	f := func() { n++; _ = big.a[0] }
	f()
}

func iface(x int, s string, p *int) {
	var i any = x
	var j any = s
	var k any = p
	sink = i
	_ = j
	_ = k
	var e error
	sink = e
}

func str(s string) {
	for i := range s {
		_ = i
	}
	b := []byte(s)
	for _, c := range b {
		_ = c
	}
	b2 := []byte(s)
	b2[0] = 1
}
