// Printer and dump corner cases (tests/syntax/refdump.sh compares goesc's
// output for this file with gc's).  It only has to parse, not type-check.

package printer

import (
	"fmt"
	. "math"
	_ "os"
	io2 "io"
)

import "strings"

type (
	A[P *int,]                           struct{}
	B[P *C | D]                          int
	C[P interface{ ~int }, Q any]        []P
	D[P, Q any, R ~int | ~string]        map[P]Q
	E[P *int | *string, Q []P]           struct{ p P }
	F                                    = int
	G[P any]                             = []P
	H                                    chan (<-chan int)
	I                                    chan<- chan int
	J                                    <-chan <-chan int
	K                                    chan<- <-chan int
	L                                    [...]int
	M                                    [N * 2]func(...int) (a, b int, c string)
	N                                    struct{ a, b int "t"; c string; *T; T2 `x`; fmt.Stringer; d, e, f []int }
	O                                    interface{ m(); n(int) bool; io2.Reader; ~int | ~string; comparable; p(a, b int, c ...string) (func() int, error) }
	P                                    func(int, string) (bool, error)
	Q                                    func() func() int
	R                                    struct{}
	S                                    interface{}
	T[_ any]                             struct{ _ int }
)

const (
	c0 = iota
	c1
	c2, c3 = "x", 'y'
	c4 float64 = 1.5e3
	c5         = 0x1p-2 + 1i + 0b101 + 0o17 + 017 + 1_000
)

var v0, v1 = fmt.Sprint, `raw
string with "quotes" and \backslash`

var (
	v2 []int
	v3 = map[string][]int{"a": {1, 2}, "b": nil}
	v4 = [...]struct{ x, y int }{{1, 2}, {x: 3}}
	v5 = &R{}
	v6 = func() {}
	v7 = func(x int) int { return x }
	v8 = (*T).m
	v9 = (<-chan int)(nil)
	v10 = (func())(nil)
	v11 = -v2[0] + ^c0 - +c1*^c1/(c0%2)<<3>>1&^4&5|6
	v12 = !true && false || !!(c0 != 1) == (c1 <= 2) != (c2 >= "")
	v13 = a[1:] + a[:2] + a[:] + a[1:2] + a[1:2:3] + a[:2:3]
	v14 = x.(int) + x.(interface{ m() }) + x.(T[int, string])
	v15 = f(a, b...) + f() + f(g(h(1)), 2,) + m[int, string]{} + T[int]{1}
	v16 = 'a' + '\n' + '\x00' + "\u00e9\t" + "…"
)

func (T) m()                 {}
func (t *T) n(int)           {}
func (t T[P]) o(x, y P) P    { return x }
func (_ *A[_]) p()           {}
func F2[P, Q any, R ~int](p P, q ...Q) (r R) { return }
func G2[P interface{ m() }]() {}
func H2() (int)              { return 0 }
func I2() (x int)            { return }
func J2() (_ int, _ error)   { return 0, nil }
func K2(int, string, ...bool)

//go:noinline
func L2(a, b, c int, d, e string) {}

func stmts(ch chan int, m map[string]int, s []int) {
	;
	{
	}
	{ ; }
	{ f(); ; }
	{ f(); ;; }
	var x, y int
	var (
		a int
		b = 2
	)
	const c = 1
	type (
		t int
		u = t
	)
	x, y = y, x
	a, b := 1, 2
	x += 1
	x <<= 2
	x &^= y
	x++
	y--
	ch <- v
	<-ch
	go func() {}()
	go func() { f() }()
	defer f(1)
	defer func(int) { recover() }(1)
	if x > 0 {
	}
	if x := f(); x {
		f()
	} else if y {
		g()
	} else {
		h()
	}
	if ; x {
	}
	for {
	}
	for x {
		break
	}
	for ;; {
		continue
	}
	for i := 0; i < 10; i++ {
	}
	for ; i < n; {
	}
	for i := 0; ; {
	}
	for ; ; i++ {
	}
	for range ch {
	}
	for k = range m {
	}
	for k, v := range m {
		_, _ = k, v
	}
	for i := range 10 {
		_ = i
	}
	switch {
	}
	switch x {
	}
	switch x := f(); x {
	case 1:
		fallthrough
	case 2, 3:
		f()
		;
	default:
	}
	switch x := y.(type) {
	case int, string:
	case nil:
		_ = x
	}
	switch y.(type) {
	default:
		f()
	}
	switch f(); {
	case x > 1:
	}
	select {
	}
	select {
	case x := <-ch:
		_ = x
	case ch <- 1:
	case <-ch:
		;
	case x, ok = <-ch:
	default:
		f()
	}
	return
}

func labels() (int, error) {
L1:
	for {
		break L1
	}
L2:
	L3:
	for {
		continue L3
		goto L2
	}
	{
	L4:
		;
		goto L4
	}
	if x {
	L5:
		f()
		goto L5
	}
	switch {
	case true:
	L6:
		for {
			break L6
		}
	}
	goto L7
L7:
	_:
	_:
	for {
	}
	return 1, nil
}

func lits() {
	_ = []int{}
	_ = []int{1}
	_ = [][]int{{1}, {}}
	_ = map[string]func(){"a": func() {}, "b": nil}
	_ = struct{ x int }{x: 1}
	_ = &struct{}{}
	_ = func() (int, error) { return 0, nil }
	_ = func(a, b int) {}
	_ = interface{ m() }(nil)
	_ = [...]int{1, 2, 3}
	_ = [2]int{}
	_ = T{
		a: 1,
		b: 2,
	}
}
