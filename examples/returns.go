// Package escapes shows the common reasons why Go values are moved from the
// stack to the heap.  Analyze it with goesc (see README.md) or compare with
// `go build -gcflags='-m -l' .`
package escapes

// Point is a small value type used throughout the examples.
type Point struct{ X, Y int }

// NewPoint returns the address of a local variable: p must outlive the call,
// so it is moved to the heap.
func NewPoint(x, y int) *Point {
	p := Point{x, y}
	return &p
}

// SumPoint takes its argument by pointer but does not keep it: the caller's
// value can stay on the stack.
func SumPoint(p *Point) int {
	return p.X + p.Y
}

// Counts returns a map: the map is created here but used by the caller.
func Counts(words []string) map[string]int {
	m := make(map[string]int)
	for _, w := range words {
		m[w]++
	}
	return m
}
