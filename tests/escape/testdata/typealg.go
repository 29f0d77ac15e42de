// escape test: -l -m=2

// Type equality and hash functions (src/ir/reflectdata.c, src/ir/alg.c):
// an itab the reader asks for writes the type descriptors of the concrete
// type and everything reachable from it, and a type that cannot be
// compared as plain memory gets its .eq function on the way (a map key
// type its .hash function).  gc analyzes them like other functions, so
// -m=2 prints the flows of their parameters into the runtime's
// memequal, strhash, ...
package p

type I interface{ M() }

// the itab sources: implicit and explicit conversions, assertions,
// type-switch cases, a statically initialized variable
type T1 struct {
	s string
	x int
}

func (T1) M() {}

type T2 struct {
	s string
	x int
}

func (T2) M() {}

type T3 struct {
	s string
	x int
}

func (T3) M() {}

type T4 struct {
	s string
	x int
}

func (T4) M() {}

type T5 struct {
	s string
	x int
}

func (T5) M() {}

func F1(t T1) I            { return t }
func F2(t T2) any          { return I(t) }
func F3(i I) bool          { _, ok := i.(T3); return ok }
func F4(i I) int           { switch i.(type) { case T4: return 1 }; return 0 }
var V I = T5{}

// the bodies: string arrays, float arrays, arrays of structs with and
// without calls, memory runs short and long, padding, blank fields,
// interfaces, nested types reached through fields and methods
type S string
type A1 struct {
	a [5]string
	b [7]S
	c [3]float64
	d [9]float32
}

func (A1) M() {}

type E struct {
	x, y string
	n    int
}
type A2 struct {
	a [6]E
	b [2]E
	c [13]E
}

func (A2) M() {}

type Big struct {
	a, b, c, d, e, f int64
	s                string
	g, h             int64
	_                int32
	i                int8
	j                int64
}

func (Big) M() {}

type Pad struct {
	a int8
	b int64
	c int16
	d int32
	e error
	f int8
	g any
	h complex128
	k [2]error
}

func (Pad) M() {}

type K struct {
	s   string
	i   int
	e   E
	f   float64
	arr [2]E
}
type WithMap struct {
	m map[K]int
	n map[[3]string]bool
}

func (WithMap) M() {}

type Mem struct {
	a, b int32
	c    [16]byte
	d    [2]int64
	e    uint16
}
type HasMem struct {
	s     string
	m, m2 Mem
}

func (*HasMem) M() {}

type Emb struct {
	HasMem
	x string
}
type Iface2 interface {
	M()
	N(x Emb) Big
}
type Impl struct {
	z string
	q int
}

func (Impl) M()          {}
func (Impl) N(x Emb) Big { return Big{} }

func G1(x A1) I       { return x }
func G2(x A2) I       { return x }
func G3(x Big) I      { return x }
func G4(x Pad) I      { return x }
func G5(x WithMap) I  { return x }
func G6(x *HasMem) I  { return x }
func G7(x Impl) Iface2 { return x }

// dictionaries: the itabs of an instantiation's runtime dictionary
type U struct {
	s string
	x int
}

func (U) M() {}

type W struct{ a [2]string }

func (W) M() {}

func Gen[X I](x X) I { return x }
func Sw[X I](x I) bool {
	switch x.(type) {
	case X:
		return true
	}
	return false
}
func Outer[X I](x X) I { return Gen[X](x) }

func H1() I       { return Gen[U](U{}) }
func H2(x I) bool { return Sw[W](x) }
func H3() I       { return Outer[W](W{}) }
