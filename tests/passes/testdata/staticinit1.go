package p

type T struct {
	a int
	p *int
	s []int
	t [2]*int
}

func (t T) M()  {}
func (t *T) N() {}

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

type Big struct{ a, b, c, d int }

var x = 1
var y int
var arr [4]int
var tv T

var p1 = &T{a: 1}
var p2 = &T{p: new(int)}
var s1 = []*int{new(int), &x, nil}
var s2 = []int{1, 2, 3}
var s3 = [][]int{{1}, {2, 3}}
var a1 = [2]*int{&x, new(int)}
var st = T{a: 1, p: &x, s: []int{1}, t: [2]*int{nil, &y}}
var i1 any = T{}
var i2 any = &T{}
var i3 any = 42
var i4 any = x
var i5 any = f()
var i6 any = g()
var i7 error = &E{"x"}
var i8 any = Big{1, 2, 3, 4}
var i9 any = (*T)(nil)
var i10 any = nil
var fn = f
var mv = T.M
var mp = (*T).N
var cl = func() int { return 1 }
var cl2 = func() *int { v := 1; return &v }()
var c1 = x
var c2 = st
var c3 = p1
var c4 = s1
var c5 = a1
var str = "hello"
var c6 = str
var bs = []byte("abc")
var bs2 = []byte(str)
var q1 = &tv.a
var q2 = &arr[2]
var q3 = &s2[1]
var mp1 = map[int]int{1: 2}
var mp2 = &map[int]int{1: 2}
var mc = make(chan int)
var mc0 = make(map[int]int)
var _ = f()
var _ = T{}
var _ = &E{"y"}
var v1, v2 = two()
var dv, dok = i1.(T)
var ch = make(chan int, 1)
var rv, rok = <-ch
var mr, mok = mp1[1]
var sum = x + 2*y
var div = x / 2
var div0 = x / y
var nilp *int = nil
var cv = int64(x)
var iface2 I = &E{}
var big = map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7}
var big2 = map[string]*int{"a": nil, "b": nil, "c": nil, "d": nil, "e": nil, "f": nil, "g": nil}
var big3 = map[string]int{"a": f(), "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7}
var small = map[string]int{"a": 1, "b": 2}
var after = c1

type I interface{ Error() string }

func f() int { x = 3; return 1 }
func g() *int { return nil }
func two() (int, *int) { return 0, nil }
