// escape test: -l -m

package p

import "unsafe"

var (
	a    [4]int
	b    [4][4]int
	s4   [4]string
	if4  [4]any
	bs   [256][]byte
	i, j uint
	k8   uint8
	sink any
)

func use(int)          {}
func f(x int) int      { return x }
func g() (int, int)    { return 1, 2 }
func h(...int) int     { return 0 }
func str(string) bool  { return true }

const hex = "0123456789abcdef"

func appends(dst []byte, c byte, xs []int) []byte {
	dst = append(dst, hex[c>>4], hex[c&0xF])
	dst = append(dst, hex[c], hex[k8&15]+1)
	xs = append(xs, a[i&3])
	bs[k8] = append(bs[k8], 1)
	bs[k8] = append(bs[k8&7], 1)
	sink = append(xs, a[j&3])
	xs = append(xs, a[:i&3]...)
	use(h(a[i&1], a[j&1]))
	return dst
}

func compares(x string, y any) bool {
	if s4[i&3] == "foo" || s4[j&3] == x || s4[i&1] < "a" || s4[j&1] == "" {
		return true
	}
	if if4[i&3] == if4[j&3] {
		return true
	}
	if y == if4[i&2] {
		return true
	}
	return s4[i&3] == "a very long constant string"
}

func multi(p *[8]int) (r int) {
	a[i&3], a[j&3] = a[j&2], a[i&2]
	var l [4]int
	l[i&3], l[j&3] = a[1], a[2]
	a[i&3], l[j&3] = g()
	var ok bool
	l[i&1], ok = sink.(int)
	_ = ok
	x, y := a[i&1], p[j&7]
	use(x + y)
	defer use(1)
	r, a[i&3] = a[j&3], 1
	return a[i&2]
}

func control(c chan int, m map[int]int) {
	switch a[i&3] {
	case a[j&3], 2:
		use(a[i&1])
	case f(a[j&1]):
		use(a[i&2])
	}
	for n := range a[i&2 : j&3] {
		use(a[n&3])
	}
	select {
	case c <- a[i&3]:
		use(a[j&1])
	case m[a[j&2]] = <-c:
	}
	m[a[i&3]] += a[j&3]
	_ = make([]int, a[i&3])
	_ = unsafe.Slice(&a[0], a[j&3])
	var q [300]int
	use(q[k8])
	use(q[uint16(i)&255])
	use(b[i&3][j&3] + b[k8&3][i%4])
}

func closures(n uint) {
	var l [4]int
	x := func() { use(l[n&1]) }
	y := func() {
		use(l[n&2])
		z := func() { use(l[n&3]) }
		z()
	}
	dead := func() { use(l[n%4]) }
	dead = nil
	_ = dead
	x()
	y()
	go func() { use(l[n>>62]) }()
	func() { use(a[i&3]) }()
}
func t2(i uint) {
	var a [4]int
	g := func() { use(a[i&1]) }
	h := func() {
		use(a[i&2])
		k := func() { use(a[i&3]) }
		k()
		sink = func() { use(a[i%4]) }
	}
	g()
	h()
	sink = func() { use(a[i>>62]) }
	use(a[i&3])
	defer use(a[i&1])
	go func() { use(a[i&2]) }()
}

func t3(x uint8, y uint16) {
	var big [256]int
	var p *[65536]int
	use(big[x])
	use(p[y])
	use(big[x&^1])
	use(big[x/2])
	var z uint64
	use(big[z/(1<<56)])
	use(big[z>>56])
	use(big[z>>80])
	var s int
	use(big[s&255])
	use(big[255&s])
	use(big[s&^-256])
}

// trivial closures are compiled in Target.Funcs order; a package
// initializer and deadlocals-removed closures are walked too
var initv = a[i&3] + f(b[j&3][i&3])

func trivial() {
	p := func() { use(a[i&1]) }
	q := func() { use(a[j&1]) }
	q()
	p()
	r := func() { use(a[i&2]) }
	r = nil
	_ = r
}

func loops(x [8]byte, s string) (n int) {
	for k := range x {
		n += int(x[k&7])
	}
	for k, c := range s {
		n += k + int(c) + int(hex[c&15])
	}
	for k := 0; k < 8; k++ {
		n += int(x[uint(k)%8])
	}
	var arr [16]int
	n += arr[len(s)&15] + arr[uint(len(s))%16] + arr[uint(len(s))/(1<<60)]
	n += int("abc"[k8%3]) + int("abc"[k8%4])
	return n
}
