// Builtins (docs/escape-ir.md §2.11): new (of a type and, go1.26, of a
// value), make, append (with and without ...), copy, len/cap/real/imag,
// close/clear/panic, delete/print/println/recover, min/max, complex, and
// package unsafe.
package p

import "unsafe"

var sink any

type S struct{ a, b *int }

func builtins(n int, s []*int, m map[string]int, c chan int, p *int, f float64, str string, up unsafe.Pointer) {
	sink = new(int)
	sink = new(S)
	sink = new(n + 1)
	sink = make([]int, n)
	sink = make([]int, 1, 10)
	sink = make(map[string]int)
	sink = make(map[string]int, n)
	sink = make(map[string]int, 10)
	sink = make(chan int)
	sink = make(chan int, 4)
	s = append(s, p)
	s = append(s, p, nil)
	s = append(s, s...)
	s = append(s)
	b := append([]byte(nil), str...)
	n = copy(s, s)
	n = copy(b, str)
	n = len(s) + cap(s) + len(m) + len(str) + len(c)
	x := complex(f, 1)
	f = real(x) + imag(x)
	close(c)
	clear(m)
	clear(s)
	delete(m, "k")
	print(n, f)
	println(str, p)
	_ = recover()
	n = min(n, 2, len(s))
	f = max(f, 1.5)
	str = min(str, "a")
	sink = unsafe.Add(up, n)
	sink = unsafe.Slice(p, n)
	sink = unsafe.String(&b[0], 2)
	sink = unsafe.StringData(str)
	sink = unsafe.SliceData(s)
	n = int(unsafe.Sizeof(x)) + int(unsafe.Alignof(x)) + int(unsafe.Offsetof(S{}.b))
	if n > 0 {
		panic(p)
	}
	panic("x")
}
