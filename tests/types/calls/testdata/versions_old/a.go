package versions_old

import "unsafe"

func g() {
	var p *int
	_ = unsafe.Add(unsafe.Pointer(p), 1)
	_ = unsafe.Slice(p, 3)
	s := []int{}
	_ = [2]int(s)
	_ = (*[2]int)(s)
	var x interface{} = 1
	_ = x
}
