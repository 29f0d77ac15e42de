package initorder

import "fmt"

var (
	a = c + b
	b = f()
	c = f()
	d = 3
)

func f() int {
	d++
	return d
}

type T struct{ x int }

func (t T) get() int { return z }
func (t *T) ptr() int { return y }

var z = 10
var y = w
var w = len(fmt.Sprint(u))
var u = T{}.get
var v = (*T).ptr
var _, q = pair()
var _ = q

func pair() (int, int) { return r, s }

var r, s = 1, 2

var g = func() int { return h() }()

func h() int { return i1 + i2 }

var i2 = i1
var i1 = k()

func k() int { return m() }
func m() int { return 5 }

const C1 = C2 + 1
const C2 = 1

var n1 = C1
var arr [len(ax)]int
var ax = [3]int{}
var ptrs = []*int{&z, &d}
var iface fmt.Stringer
var mv = iface.String
