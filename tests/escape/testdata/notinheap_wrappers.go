// escape test: -l -m=2 -std

// The **T method wrappers of a not-in-heap type (its *T is not pointer-
// shaped, so interface tables use **T): named in gc's "go" package,
// unexported methods qualified by their package.
package p

import "internal/runtime/sys"

var sink any

type span struct {
	_    sys.NotInHeap
	next *span
	n    int
}

func (s *span) link(x *int) *int { sink = x; return x }
func (s *span) Len() int         { return s.n }

type wrapper struct{ *span }

func use(s *span) any { return s }
