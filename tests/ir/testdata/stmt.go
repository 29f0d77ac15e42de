// Statements (docs/escape-ir.md §1.2, §2.4, §2.9): declarations and
// assignments of every form, op-assignments, select comm normalization
// (OSELRECV2 and its temps), constant switches, static conditions, dead
// code after terminating statements, labels (including _), blocks.
package p

var sink any

type S []*int

type E int

const (
	A E = iota
	B
	C
)

func two() (*int, *S)            { return nil, nil }
func three() (any, error, int)   { return nil, nil, 0 }
func three2() (any, error)       { return nil, nil }
func pair() (*int, *int)         { return nil, nil }

func assign(m map[string]*int, s []*int, ps *S) (any, error) {
	var a, b = two()
	var x any
	x, b = two()
	m["a"], ps = two()
	s[0] = a
	var f float64
	f++
	f *= 2
	var c complex128
	c--
	var u uint8
	u <<= 3
	x, _, _ = three()
	_, _ = x, b
	var (
		d, e int
		g    = &d
	)
	_, _ = e, g
	var _ = 5
	var _, h = 1, &e
	sink = h
	{
		y := 1
		sink = &y
	}
	if x != nil {
		return three2()
	}
	return three2()
}

func ret() (any, any) {
	return two()
}

func sel(c chan *int, cs chan S, ca chan any, m map[int]*int, f func() chan *int) {
	var x any
	var ok bool
	var s []*int
	var arr [2]*int
	for {
		select {
		case x, ok = <-c:
		case s = <-cs:
		case m[1] = <-c:
		case arr[0], ok = <-c:
		case <-f():
		case v, _ := <-ca:
			sink = v
		case x = <-ca:
		case ca <- &s:
			break
		case cs <- nil:
			continue
		case y := <-c:
			func() { sink = y }()
		case z, ok2 := <-c:
			sink, sink = z, ok2
		default:
		}
		break
	}
	sink, sink, sink = x, ok, s
}

func switches(x int, s string, e any) *int {
	switch B {
	case A:
		return new(int)
	default:
		sink = 1
	case C, B:
		sink = 2
	}
	switch "a" {
	case "b":
	case "a":
		fallthrough
	case "c":
		sink = 3
	}
	switch 2 {
	case 1:
	case x:
	case 2:
	}
	switch 2 {
	case 2:
	case x:
	}
	switch {
	case false:
		return &x
	case x > 2:
	}
	switch {
	case true:
		sink = &s
	}
	switch 7 {
	}
	switch y := 7; y {
	case 7:
		return &y
	}
	switch e {
	case 1, "a", &x:
	}
	switch t := e.(type) {
	case *int, S:
		sink = t
	case nil:
	case interface{ M() }:
		t.M()
	default:
		return &x
	}
	return nil
}

func conds(a, b bool, p *int) {
	const t, f = true, false
	if !(t && a) {
		sink = p
	}
	if f || (a && t) {
		sink = 1
	}
	if t && a && b {
		sink = 2
	}
	if a && t && b {
		sink = 3
	}
	if a || f || b {
		sink = 5
	}
	if f && a || b {
		sink = 6
	}
	if !t {
		sink = 7
	} else if a {
		sink = 8
	} else if t {
		sink = 9
	} else {
		sink = 10
	}
	if q := 1; f {
		sink = &q
	}
	for i := 0; f && a; i++ {
		sink = &i
	}
	for i := 0; a && f; i++ {
		sink = &i
	}
	for x := new(int); t; {
		sink = x
		break
	}
}

func dead(z, w int) *int {
	goto L
	sink = &z
L:
	if true {
		return new(int)
	}
	sink = &w
	return nil
}

func dead2(z int) *int {
	{
		sink = &z
		return nil
	}
	sink = 1
	return nil
}

func dead3(z int) {
	panic(z)
	sink = &z
}

func labels(n int) *int {
	var p *int
_:
outer:
	for i := range n {
		for j := 0; j < n; j++ {
			if j > i {
				continue outer
			}
			if j == 3 {
				break outer
			}
			p = &j
		}
	}
_:
	for {
		break
	}
loop:
	q := new(int)
	if *q > 3 {
		goto loop
	}
	return p
}
