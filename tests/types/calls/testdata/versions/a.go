package versions

import "unsafe"

func Id[T any](x T) T { return x }
func Apply[T any](f func(T) T, x T) T { return f(x) }
func Two[A, B any](a A) B { var b B; return b }

func g() {
	_ = min(1, 2)
	_ = max(1.0)
	clear([]int{})
	var f func(int) int = Id
	_ = f
	_ = Apply(Id, 1)
	_ = Apply(Id[int], 1)
	var h func(int) string = Two[int]
	_ = h
	var p *int
	_ = unsafe.Add(unsafe.Pointer(p), 1)
	_ = unsafe.Slice(p, 3)
	_ = unsafe.SliceData([]int{})
	_ = unsafe.String(nil, 0)
	_ = unsafe.StringData("")
	_ = new(1)
	s := []int{}
	_ = [2]int(s)
	_ = (*[2]int)(s)
}
