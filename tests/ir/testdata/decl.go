// Declarations and assignments (docs/escape-ir.md §2.4): var with and
// without values, :=, multi-assignment, N:1 assignments from calls, comma-ok
// forms, op-assignments, ++/--, blank assignments, redeclaration.
package p

type A struct{ f *int }

var sink any

func pair() (*int, error) { return nil, nil }

func decls(m map[string]*int, i any, c chan *int, p *int) {
	var a int
	var b, d *int
	var e = 3
	var g *int = p
	h := &a
	x, y := p, 1
	var z, w = pair()
	u, err := pair()
	b, err = pair()
	var ai any
	ai, err = pair()
	v, ok := m["k"]
	_, ok = i.(*int)
	s, ok := i.(string)
	r, ok := <-c
	v2 := m["x"]
	a += 2
	a -= e
	a *= 3
	a <<= 1
	a++
	e--
	_ = a
	_, _ = x, y
	x, a = p, 4
	var st A
	st.f = p
	*h = 5
	m["new"] = g
	sink = b
	_, _, _, _, _, _, _, _, _, _, _ = d, z, w, u, err, ai, v, ok, s, r, v2
}
