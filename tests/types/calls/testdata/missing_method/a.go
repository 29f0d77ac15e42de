package e3

import "missing_method/sub"

type P struct{}

func (*P) M() {}

type I interface{ M() }
type K interface{ Foo() }

type Amb struct {
	A1
	A2
}
type A1 struct{}
type A2 struct{}

func (A1) M() {}
func (A2) M() {}

type F struct{ M int }

type W struct{}

func (W) m() {}
func (W) Foo(int) {}

type X struct{}
func (X) foo() {}

func g() {
	var i I = P{}
	var j sub.I = sub.S{}
	var k sub.J = sub.S{}
	var a I = Amb{}
	var f I = F{}
	var ip *I
	var i2 I = ip
	var w K = W{}
	var x sub.J = X{}
	var e sub.I = sub.E{}
	var s sub.S
	_ = s.x
	_ = s.y
	_ = sub.S{}.foo
	var iv interface{} = 1
	_ = iv.(P)
	var ii I
	_ = ii.(P)
	_ = ii.(*W)
	_, _, _, _, _, _, _, _, _ = i, j, k, a, f, i2, w, x, e
}
