package e1

import (
	"io"
	"strings"
	"unsafe"
)

type T struct {
	a   int
	Foo int
}

func (t *T) PM()  {}
func (t T) VM()   {}
func (t T) foo2() {}

type A struct{ X int }
type B struct{ X int }
type C struct {
	A
	B
}

type I interface{ M(int) string }
type J interface{ m() }

type Impl struct{}

func (Impl) M(string) string { return "" }

func f(int, string) {}
func g(...int)      {}
func two() (int, int) { return 1, 2 }

func errs() {
	var t T
	T{}.PM()
	_ = t.foo
	_ = t.FOO
	_ = t.Bar
	var c C
	_ = c.X
	_ = T.PM
	var ip *io.Reader
	ip.Read(nil)
	_ = strings.builder{}
	_ = strings.NoSuch
	_ = strings.toUpper
	f(1)
	f(1, "a", 3)
	f(two())
	g(two()...)
	f(1, "a"...)
	var i I = Impl{}
	_ = i
	var j J = t
	_ = j
	_ = len(1)
	_ = cap(map[int]int{})
	_ = append(1, 2)
	_ = append(nil, 2)
	var s []int
	_ = copy(s, "x")
	delete(s, 1)
	close(s)
	_ = complex(1, "a")
	_ = real("x")
	_ = make(int)
	_ = make([]int)
	_ = make([]int, 10, 5)
	_ = new(1)
	_ = unsafe.Offsetof(t)
	_ = unsafe.Offsetof(t.PM)
	_ = min("a", 1)
	_ = int8(300)
	_ = string(1.5)
	_ = []int("x")
	var x interface{} = 1
	_ = x.(T)
	len(s)
	_ = f
	panic()
	_ = T(1, 2)
	_ = T()
}
