package p

var sink any

const debug = false

func f1(p *int) {
	x := 0
	g := func() { x++ }
	g = nil
	g = func() { println(p) }
	if false {
		_ = g
	}
}

func f2(p *int, q *int) {
	p = nil
	var a, b = p, q
	_, _ = a, b
	var c *int
	c = q
	if debug {
		println(c)
	}
	var d, _ = q, p
	_ = d
}

func f3() func() {
	y := 1
	h := func() int { return y }
	var k func() int
	k = h
	return func() { println(k) }
}

func f4(p *int) {
	var u *int = p
	v := u
	v = p
	if debug {
		_ = v
	}
	w := &struct{}{}
	_ = w
}

func f5() {
	fn := func() {}
	_ = fn
	var unused func()
	unused = func() { sink = new(int) }
	if debug && unused != nil {
		unused()
	}
	captured := new(int)
	later := func() { sink = captured }
	later = nil
	if debug {
		later()
	}
}

func f6(p *int) (r *int) {
	r = p
	s := p
	s = r
	for debug {
		_ = s
	}
	return
}
