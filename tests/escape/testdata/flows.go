// escape test: -l -m=2

package p

import "unsafe"

type T struct {
	a, b *int
	s    []*int
	arr  [4]*int
	m    map[string]*int
}

var sink any
var gp *int

func rec1(p *int, n int) *int {
	if n == 0 {
		return p
	}
	return rec2(p, n-1)
}

func rec2(q *int, n int) *int {
	x := 0
	if n == 1 {
		return &x
	}
	return rec1(q, n)
}

func closures() int {
	x := 0
	y := 1
	f := func() int { x++; return y }
	for i := 0; i < 3; i++ {
		g := func() *int { return &i }
		gp = g()
	}
	v := func() *int { return &x }()
	*v = 3
	return f()
}

func deferloop(xs []int) {
	for _, x := range xs {
		defer func() { println(x) }()
	}
	defer println("a")
	go func(p *int) { println(p) }(new(int))
}

func labels(n int) *int {
	var p *int
loop:
	q := new(int)
	p = q
	if n > 0 {
		n--
		goto loop
	}
	return p
}

func sel(c chan *int, d chan int) {
	var x *int
	select {
	case x = <-c:
	case v, ok := <-c:
		_ = ok
		gp = v
	case d <- 1:
	default:
	}
	_ = x
}

func tsw(i any) *int {
	switch v := i.(type) {
	case *int:
		return v
	case int, string:
		println(v)
	case nil:
	}
	return nil
}

func appends(s []*int, p *int, q []*int) ([]*int, []byte) {
	s = append(s, p)
	s = append(s, q...)
	b := append([]byte(nil), "abc"...)
	copy(s, q)
	clear(q)
	return s, b
}

func unsafes(p *byte, n int) (string, []byte, unsafe.Pointer) {
	return unsafe.String(p, n), unsafe.Slice(p, n), unsafe.Add(unsafe.Pointer(p), 1)
}

func minmax(a, b *int) {
	_ = min(len("x"), 3)
}

func ranges(a [3]*int, s []*int, m map[*int]*int, c chan *int) {
	for _, v := range a {
		gp = v
	}
	for _, v := range s {
		gp = v
	}
	for k, v := range m {
		gp = k
		gp = v
	}
	for v := range c {
		gp = v
	}
	for i := range 10 {
		_ = i
	}
	for i, r := range "abc" {
		_, _ = i, r
	}
}

func selfassign(t *T, i, j int) {
	t.a = t.b
	t.s = t.s[1:]
	t.arr[i] = t.arr[j]
}

func strs(s string, b []byte) string {
	x := string(b) + s
	y := []byte(s)
	_ = y
	return x
}

func lits() {
	x := 5
	sink = x
	n := 10
	_ = make([]int, n)
	m := []int{1, 2, 3}
	_ = make([]int, len(m))
	sink = [2]int{}
	_ = map[string]int{"a": 1}
	_ = &T{}
}
