// escape test: -l -m=2

// ABI wrappers (src/ir/lower_abi.c): a function with a //go:linkname and
// a body is callable through both ABIs, so gc adds an ABI0 wrapper that
// calls it; the wrapper's flows appear at -m=2.
package p

import _ "unsafe"

var sink any

//go:linkname leak p.leakName
func leak(x *int, y []byte) *int { sink = y; return x }

//go:linkname two
func two(x *int) (*int, bool) { return x, true }

func plain(x *int) *int { return x }
