package escapes

// Keep stores a pointer into a map owned by the caller.
func Keep(m map[string]*Point, k string) {
	p := Point{5, 6}
	m[k] = &p
}

// Collect stores pointers into a slice that is returned.
func Collect(n int) []*Point {
	var out []*Point
	for i := 0; i < n; i++ {
		out = append(out, &Point{i, i})
	}
	return out
}

// Link stores a pointer through another pointer.
type Link struct{ Next *Point }

// SetNext makes l.Next point to a new Point: l may outlive the call.
func SetNext(l *Link) {
	p := Point{7, 8}
	l.Next = &p
}

// Buffers shows make with a small constant size (stack), a size known only at
// run time (gc keeps small ones on the stack when they do not escape, and
// falls back to the heap at run time for large n), and a constant size too
// large for the stack (heap).
func Buffers(n int) int {
	small := make([]byte, 64)
	dynamic := make([]byte, n)
	huge := make([]byte, 1<<20)
	return len(small) + len(dynamic) + len(huge)
}

// Grow appends beyond a slice's capacity: the new backing array is on the
// heap.
func Grow(xs []int) []int {
	return append(xs, 1, 2, 3)
}
