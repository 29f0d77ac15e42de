// go/defer normalization (docs/escape-ir.md §2.10) of less common calls:
// composite literal operands visited element by element, uintptr
// conversions of unsafe.Pointer, variadic interface calls, builtins,
// N:1 arguments, local func values, literals with parameters.
package p

import "unsafe"

var sink any

type T struct{ a, b *int }

type I interface{ M(...*int) }

func two() (*int, *int) { return nil, nil }
func two2(a, b *int)    {}

func gd(s []*int, m map[int]*int, p unsafe.Pointer, i I, c chan *int) {
	var x, y int
	defer func(T, []*int, [2]*int) {}(T{a: &x}, []*int{&y, nil}, [2]*int{1: new(int)})
	defer println(uintptr(p), uintptr(unsafe.Pointer(&x)))
	go i.M(&x, &y)
	go i.M(s...)
	defer func() { recover() }()
	defer recover()
	go two2(two())
	defer copy(s, []*int{&x})
	defer clear(m)
	go close(c)
	f := func(a *int) {}
	defer f(&y)
	defer func() { f(nil) }()
	func() {
		defer two2(&x, nil)
		go func() { defer println(y) }()
	}()
}
