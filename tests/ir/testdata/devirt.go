// Devirtualization under -l (docs/escape-ir.md §1.4): interface calls on a
// statically known concrete type become direct method calls.
package p

type I interface{ M() *int }
type T struct{ x int }

func (t *T) M() *int { return &t.x }

type J interface {
	I
	N()
}

type U struct{ T }

func (U) N() {}

func dv() *int {
	var i I = &T{}
	return i.M()
}

func dv2(t *T) *int {
	i := I(t)
	return i.M()
}

func dv3() {
	var j J = &U{}
	j.N()
	_ = j.M()
}

func dv4(b bool) *int {
	var i I = &T{}
	if b {
		i = &T{}
	}
	defer i.M()
	return i.M()
}
