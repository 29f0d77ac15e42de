// Conversions and constants (docs/escape-ir.md §2.3): which conversion op,
// implicit conversions (assignments, arguments, returns, sends, comparisons,
// switch cases), constant expressions as one literal, typed constants,
// nil, string conversions.
package p

import "unsafe"

type MyInt int
type Bytes []byte
type Str string
type E interface{ Error() string }
type MyBool bool

var sink any

const big = 1 << 40
const long = "a very long string constant that goes on and on and on beyond seventy-two characters"

func toIface(e E) any { return e }

func convs(i int, f float64, s string, b []byte, r []rune, p *int, up unsafe.Pointer, u uintptr, e E, ch chan int, sl []int) (int64, error) {
	sink = int8(3)
	sink = MyInt(i)
	sink = float32(f)
	sink = int(f)
	sink = string(b)
	sink = string(r)
	sink = []byte(s)
	sink = []rune(s)
	sink = []rune("const")
	sink = string(rune(i))
	sink = Bytes(b)
	sink = string(Bytes(b))
	sink = Str(s)
	sink = unsafe.Pointer(p)
	sink = (*int)(up)
	sink = uintptr(up)
	sink = unsafe.Pointer(u)
	sink = [2]int(sl)
	sink = (*[2]int)(sl)
	sink = any(i)
	sink = interface{}(p)
	sink = E(e)
	var ro <-chan int = ch
	sink = ro
	sink = big
	sink = 'x'
	sink = rune(65)
	sink = byte('a')
	sink = 1.5
	sink = float32(1) / 3
	sink = 2i
	sink = true
	sink = MyBool(false)
	sink = long
	sink = "short\n\t\"q\""
	sink = -7
	sink = uint64(1 << 63)
	sink = len("abc") * 2
	sink = nil
	sink = e == nil
	sink = e == error(nil)
	sink = any(i) == any(p)
	var x MyInt = 5
	sink = x + 1
	ch <- i
	if i == 'a' {
		return 1, nil
	}
	return int64(i), e
}
