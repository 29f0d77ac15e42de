// escape test: -l -m=2

// Dictionary arguments of shaped calls print with the generic's package:
// &atomic..dict.Pointer[p.T] for an imported generic, &.dict.F[...] for
// a local one.
package p

import (
	"slices"
	"sync/atomic"
)

type T struct{ name string }

var ptr atomic.Pointer[T]

var sink any

func F[E any](x E) { sink = x }

func store(t *T) { ptr.Store(t) }

func contains(s []*T, t *T) bool { return slices.Contains(s, t) }

func local(t *T) { F(t) }

// A shape struct embedding an instance prints the field as
// "p.node = p.node[int]" (LinkString of an embedded field whose name is
// not its type's symbol).
type node[K any] struct{ k K }

type entry struct {
	node[int]
	v *int
}

func (e *entry) get() *int { return e.v }

var eptr atomic.Pointer[entry]

func storeEntry(e *entry) { eptr.Store(e) }
