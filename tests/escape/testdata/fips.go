// escape test: -p crypto/internal/fips140/esctest -l -m

// Packages of the FIPS 140 module avoid relocations in global data:
// package variables initialized with slices, addresses, strings or names
// are assigned by init code (staticinit's disableGlobalAddrs), so their
// literals are analyzed and reported.
package esctest

type T struct {
	a []byte
	s string
	n int
}

var order = []byte{0xff, 0x01, 0x02}

var one = &T{n: 1}

var name = "fips"

var copyOfOrder = order

var arr = [2]string{"a", "b"}

var st = T{a: []byte("x"), s: "y", n: 3}

var ints = [3]int{1, 2, 3}

func F() []byte { return order }

type Pool struct{ New func() any }

var pool = Pool{New: func() any { return new(int) }}

var iface any = 42

var fn = F
