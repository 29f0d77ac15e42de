package objects

import (
	"fmt"
	"iter"
	"strings"
)

type T struct{ a, b int }

type MyBool bool

var (
	x1    = f1()
	x2, x3 = f2()
	x4    int
	x5    = x1 + 1
	_     = x5
)

func f1() int        { return x4 }
func f2() (int, int) { return 1, 2 }

func stmts(n int, s string, m map[string]int, ch chan int, p *[4]int, sl []T) (r int, err error) {
	var i int
	i++
	i--
	i += 2
	i <<= 1
	a, b := 1, 2
	a, b = b, a
	_ = a
	{
		b := b
		_ = b
	}
	if v := n; v > 0 {
		r = v
	} else if w := v * 2; w < 0 {
		r = w
	} else {
		r = -v
	}
	switch n {
	case 1, 2:
		fallthrough
	case 3:
	default:
	}
	switch {
	case n > 1:
	}
	switch k := n * 2; k {
	case 4:
		_ = k
	}
	var e interface{} = n
	switch v := e.(type) {
	case int:
		_ = v + 1
	case string, []byte:
		_ = v
	case nil:
		_ = v
	default:
		_ = v
	}
	switch e.(type) {
	case fmt.Stringer:
	}
	for i := 0; i < 10; i++ {
		if i == 3 {
			continue
		}
		if i == 5 {
			break
		}
	}
	for {
		break
	}
	for n > 100 {
		n--
	}
	for k, v := range m {
		_, _ = k, v
	}
	for i, c := range s {
		_, _ = i, c
	}
	for i := range 10 {
		_ = i
	}
	var j int8
	for j = range 10 {
		_ = j
	}
	for i, v := range p {
		_, _ = i, v
	}
	for range p {
	}
	for _, t := range sl {
		_ = t.a
	}
	for v := range ch {
		_ = v
	}
	for i, v := range seq2 {
		_, _ = i, v
	}
	for v := range seq1 {
		_ = v
	}
	for range seq0 {
	}
	var k string
	var v int
	for k, v = range m {
	}
	_, _ = k, v
	select {
	case x := <-ch:
		_ = x
	case x, ok := <-ch:
		_, _ = x, ok
	case ch <- 1:
	case <-ch:
	default:
	}
	ch <- 2
	go func() {}()
	defer fmt.Println("x")
	defer func() { recover() }()
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if j == 2 {
				break outer
			}
		}
	}
	goto end
end:
	var sb strings.Builder
	sb.WriteString("x")
	const c = 10
	type local struct{ x int }
	var l local
	_ = l.x
	func() {
		x := 1
		_ = x
	}()
	if n > 0 {
		return
	}
	return r, nil
}

func seq2(yield func(int, string) bool) {}
func seq1(yield func(int) bool)         {}
func seq0(yield func() bool)            {}

func gen[S ~[]E, E any, M ~map[K]V, K comparable, V any, C ~chan E](s S, m M, c C, it iter.Seq2[K, V]) {
	for i, e := range s {
		_, _ = i, e
	}
	for k, v := range m {
		_, _ = k, v
	}
	for e := range c {
		_ = e
	}
	for k, v := range it {
		_, _ = k, v
	}
}

func gen3[I ~int8](n I) {
	for i := range n {
		_ = i
	}
}

func term(x int) int {
	switch x {
	case 1:
		return 1
	default:
		panic("x")
	}
}

func term2(x int) int {
L:
	for {
		if x > 0 {
			break L
		}
		return 0
	}
	return 1
}

func term3(ch chan int) int {
	for {
		select {
		case <-ch:
			return 1
		}
	}
}

func term4() (int, error) {
	for {
	}
}

func term5(b bool) int {
	if b {
		return 1
	} else {
		(panic)("no")
	}
}

func named() (x int) {
	x = 1
	return
}

var fn = func() int { return x1 }

func init() {
	_ = fn
}

func init() {}
