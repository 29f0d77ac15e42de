package p

type T struct {
	a int
	p *int
	q []*int
}

var x int
var st2 = T{a: 1, p: new(int), q: []*int{new(int)}}
var c7 = st2
var arr = [3]*int{nil, new(int), &x}
var c8 = arr
var pp = &st2
var c9 = pp
var fnv = func() {}
var c10 = fnv
var big = [2]T{{a: 1}, {p: new(int)}}
var c11 = big
var ifc any = st2
var ifc2 any = arr
var mut = h()
var afterMut = st2
var afterMut2 = x

func h() int { x = 2; return 1 }

var e1 = [4]int{2: 5, 3: 6}
var e2 = []any{1, "a", nil, &x, new(int)}
var e3 = struct {
	_ int
	b *int
}{b: new(int)}
var e4 = &[]int{1, 2}
var e5 = [][]*int{{new(int)}}
var e6 = map[string]*int{"a": new(int)}
var e7 = &struct{ m map[int]int }{m: map[int]int{}}
var _, e8 = h(), new(int)
