// Function pragmas as gc keeps them on the function (ir.PragmaFlag), and
// functions without a body (docs/escape-ir.md §3.8).
package p

import "unsafe"

//go:noinline
func noinl(x *int) *int { return x }

//go:noescape
func noesc(x *int)

func nobody(p *int, q []byte) int

//go:uintptrescapes
func uesc(a uintptr, b ...uintptr) {}

//go:nosplit
//go:norace
func split(p unsafe.Pointer) uintptr { return uintptr(p) }

func callers(p *int) {
	noesc(p)
	_ = nobody(p, nil)
	uesc(uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(p)))
}
