package p

type I interface{ M() *int }
type J interface {
	I
	N()
}

type T struct{ x int }

func (t *T) M() *int { return &t.x }
func (t *T) N()      {}

type V struct{ y int }

func (v V) M() *int { return nil }
func (v V) N()      {}

type E struct{ *T }
type F struct{ T }
type G struct{ I }
type H struct {
	G
	z int
}

func (h H) N() {}

func f1() *int {
	var i I = &T{}
	return i.M()
}

func f2() {
	var i I = V{}
	i.M()
	var j J = &V{}
	j.M()
	j.N()
}

func f3() {
	var i I = E{&T{}}
	i.M()
	var j I = &F{}
	j.M()
	var k J = H{}
	k.M()
	k.N()
}

func f4(b bool) {
	var i I
	if b {
		i = &T{}
	} else {
		i = &T{}
	}
	i.M()
	var j I = &T{}
	if b {
		j = V{}
	}
	j.M()
	var k I
	k.M()
	var l I = &T{}
	_ = &l
	l.M()
}

func f5(s []*T, m map[int]I, x any) {
	for _, v := range s {
		var i I = v
		i.M()
	}
	for _, v := range m {
		v.M()
	}
	switch v := x.(type) {
	case I:
		v.M()
	}
	var i I = &T{}
	func() {
		i = &T{}
	}()
	i.M()
	defer i.M()
	go i.M()
	I(&T{}).M()
	x.(I).M()
}

func f6() I { return &T{} }

func f7() {
	i := f6()
	i.M()
	var j I
	j, _ = x2()
	j.M()
	var k, ok = any(&T{}).(I)
	_ = ok
	k.M()
}

func x2() (I, error) { return &T{}, nil }
