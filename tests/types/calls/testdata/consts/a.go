// Constant results of builtins and conversions: every `eq` line compiles
// only if both sides are equal (an array length must not be negative).
package consts

import "unsafe"

type arr [7]int

var (
	a  arr
	pa *arr
	s  []int
	ch chan int
)

func f() arr { return a }

const (
	c1 = len("héllo")
	c2 = len(a)
	c3 = cap(a)
	c4 = len(pa)
	c5 = len([10]string{})
	c6 = real(3 + 4i)
	c7 = imag(3 + 4i)
	c8 = complex(1, 2)
	c9 = min(3, 1, 2)
	c10 = max(1, 2.5, 2)
	c11 = min("b", "a", "c")
	c12 = len(string(rune(0x10FFFF + 1)))
	c13 = len(string(rune(0xD800)))
	c14 = uint8(255)
	c15 = int64(-1 << 63)
	c16 = len(string(rune('x')))
	c17 = float32(0.1)
	c18 = unsafe.Sizeof(a)
	c19 = len(a[:0:0]) // not constant: slice
)

var (
	_ [c1 - 6]int
	_ [6 - c1]int
	_ [c2 - 7]int
	_ [7 - c2]int
	_ [c3 - 7]int
	_ [c4 - 7]int
	_ [7 - c4]int
	_ [c5 - 10]int
	_ [int(c6) - 3]int
	_ [3 - int(c6)]int
	_ [int(c7) - 4]int
	_ [4 - int(c7)]int
	_ [int(real(c8)) - 1]int
	_ [int(imag(c8)) - 2]int
	_ [c9 - 1]int
	_ [1 - c9]int
	_ [int(c10*2) - 5]int
	_ [5 - int(c10*2)]int
	_ [len(c11) - 1]int
	_ [c12 - 3]int
	_ [3 - c12]int
	_ [c13 - 3]int
	_ [c14 - 255]int
	_ [c16 - 1]int
	_ [unsafe.Sizeof(c17) - 4]int
	_ [c18 - 56]int
)

var (
	v1 = len(f())    // a call: not constant
	v2 = len(<-make(chan [3]int))
	v3 = cap(s)
	v4 = len(ch)
)

func g() {
	const x = len([2]int{1, 2})
	var _ [x]int
	_ = v1 + v2 + v3 + v4
	_ = c19
	var m map[string][4]int
	const y = len(m["k"]) // constant: no call, no receive
	var _ [y - 4]int
}
