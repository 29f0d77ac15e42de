// escape test: -l -m=2

package p

var sink any
var gf func() *int

func direct() {
	var u int
	fn := func() *int { return &u }
	*fn() = 42
}

func lost() {
	var u int
	fn := func() *int { return &u }
	gf = fn
}

func viaVar(f func(*int) *int) {
	x := 0
	y := f(&x)
	_ = y
}

func callsClosure() {
	v := 0
	g := func(p *int) *int { return p }
	h := g
	r := h(&v)
	_ = r
}

func nested() func() int {
	a := 1
	return func() int {
		b := 2
		return func() int { return a + b }()
	}
}

func loopClosures(n int) []func() int {
	var fs []func() int
	for i := 0; i < n; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, v := range []int{1, 2} {
		fs = append(fs, func() int { return v })
	}
	return fs
}

type S struct{ p *int }

func (s *S) set(p *int) { s.p = p }

func methods() {
	var s S
	x := 1
	s.set(&x)
	t := &S{}
	y := 2
	t.set(&y)
	sink = t
}

func multi() (*int, *int) {
	a, b := 1, 2
	return &a, &b
}

func useMulti() {
	p, q := multi()
	sink = p
	_ = q
}

func variadic(xs ...*int) *int { return xs[0] }

func callVariadic() {
	a, b := 1, 2
	_ = variadic(&a, &b)
	s := []*int{&a}
	_ = variadic(s...)
}

func largeAlloc() {
	var big [200000]byte
	_ = big
	p := new([100000]byte)
	_ = p
	m := make([]byte, 70000)
	_ = m
	z := make([]struct{}, 10)
	_ = z
}

func deferLoop() {
	for i := 0; i < 3; i++ {
		defer func() { println(i) }()
	}
}

func goStmt(p *int) {
	x := 1
	go func() { println(x, p) }()
}

func convs(s string, b []byte, r []rune) {
	sink = string(b)
	sink = []byte(s)
	sink = string(r)
	sink = []rune(s)
	sink = string(rune(65))
	_ = string(b) == s
}
