// Expressions of many kinds whose recorded types (and constant values)
// must be those go/types records: untyped operands getting their final
// types, shifts with delayed types, constant folding, comparisons,
// composite literals with elided types, function literals, comma-ok
// forms, indexing and slicing, type parameters.
package mod

import (
	"fmt"
	"strings"
	"unsafe"
)

const (
	c0 = iota * 10
	c1
	c2 float32 = 1 << c1
	c3         = "s" + "t"
	c4         = 'a' + 1
	c5         = 1.5 + 2i
	c6         = len(c3) * 2.0
	c7         = c5 * c5 / 3
	c8 uint8   = ^uint8(0) >> 2
	c9         = 1<<100 - 1
	c10        = c9 >> 98
	c11        = !(c0 < c1) || c3 == "st"
)

type S struct {
	A int
	B string
	p *S
}

type E struct {
	S
	m map[string][]int
}

type Num interface{ ~int | ~float64 }

var (
	s    uint = 3
	i         = 1 << s
	f         = 2.0
	f32  float32
	x    int64 = 1<<s + 1
	u          = uint8(1<<s) + 1
	b          = 1<<s == 1<<s
	arr        = [...]int{1, 2, 5: 3}
	sl         = arr[1:3]
	sl3        = arr[:2:4]
	str        = "hello"[1:]
	bt         = "hello"[1]
	m          = map[string]*S{"a": {A: 1}, "b": nil}
	ps         = []*S{{A: 1, B: "x"}, {}}
	pe         = &E{S{1, "a", nil}, nil}
	ch         = make(chan int, 1)
	iface any  = 1.5
	ptr        = unsafe.Pointer(&arr)
	neg        = -x
	cmp        = f > 1 && f32 < 2
	rs         = []rune("héllo")
	bs         = []byte(str)
	fn         = func(a, b int) int { return a*b + c0 }
	mv         = pe.S.String
	me         = (*S).String
)

func (p *S) String() string { return fmt.Sprint(p.A, p.B) }

func sum[T Num](xs ...T) (t T) {
	for _, x := range xs {
		t += x * 2
	}
	return t + 1
}

func index[T ~[]E2 | ~[4]E2, E2 comparable](s T, e E2) int {
	for i := 0; i < len(s); i++ {
		if s[i] == e {
			return i
		}
	}
	return -1
}

func g() (int, error) { return 0, nil }

func h(p *S) {
	v, ok := m["a"]
	w, ok2 := iface.(float64)
	r, ok3 := <-ch
	n, err := g()
	_, _, _, _, _, _, _, _ = v, ok, w, ok2, r, ok3, n, err
	var z complex64 = 1 + 2i
	z *= 2
	z = z / (1 - 1i)
	q := p != nil && p.A > 0 || p == nil
	var e error = nil
	_ = e == nil && q
	p.A++
	p.A <<= s
	p.A = p.A &^ 3 % 2
	t := p.B + "x" + strings.Repeat("y", 2)
	_ = t[1:len(t)-1] < "z"
	_ = sum(1, 2.5, f)
	_ = sum[int](1, 2)
	_ = index([]string{"a"}, "a")
	_ = index([4]int{}, 3)
	k := uint16(1) << 3 >> s
	_ = k
	var fl float64 = 1 << 3
	_ = fl + 1e3
	func() {
		defer func() { _ = recover() }()
		_ = [2][]int{{1}, {2, 3}}[1][0]
	}()
	select {
	case ch <- 1:
	case v := <-ch:
		_ = v
	default:
	}
	switch x := iface.(type) {
	case int, string:
		_ = x
	case float64:
		_ = x + 1
	}
	var _ = struct{ a, b int }{1, 2}
	var mm = map[[2]int]struct{}{{1, 2}: {}}
	_ = mm
	_ = unsafe.Sizeof(mm) + unsafe.Offsetof(p.B)
}
