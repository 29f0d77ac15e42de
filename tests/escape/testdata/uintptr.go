// escape test: -l -m=2

package p

import (
	"reflect"
	"syscall"
	"unsafe"
)

//go:uintptrescapes
func ue(u uintptr, p *int, us ...uintptr) {}

func callers() {
	var x, y, z int
	ue(uintptr(unsafe.Pointer(&x)), nil, uintptr(unsafe.Pointer(&y)))
	syscall.Syscall(0, uintptr(unsafe.Pointer(&z)), 0, 0)
}

func hdr(p *reflect.SliceHeader, q unsafe.Pointer) {
	p.Data = uintptr(q)
	var s []byte
	h := (*reflect.SliceHeader)(unsafe.Pointer(&s))
	h.Data = uintptr(unsafe.Pointer(new(int))) + 1
}

func up(p unsafe.Pointer) unsafe.Pointer {
	return unsafe.Pointer(uintptr(p) + 8)
}
