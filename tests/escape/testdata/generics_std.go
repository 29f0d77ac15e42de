// escape test: -l -m

// Instantiations of imported generic functions and types (slices, maps,
// sync, atomic): compiled in the importing package, their messages at
// the imported source's positions.
package p

import (
	"cmp"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

type T struct{ name string }

var ptr atomic.Pointer[T]

func sortStrings(s []string) {
	slices.Sort(s)
}

func sortTs(ts []*T) {
	slices.SortFunc(ts, func(a, b *T) int { return cmp.Compare(a.name, b.name) })
}

func index(s []string, x string) int { return slices.Index(s, x) }

func keys(m map[string]int) []string { return slices.Collect(maps.Keys(m)) }

var once = sync.OnceValue(func() *T { return &T{} })

func load() *T { return ptr.Load() }

func store(t *T) { ptr.Store(t) }
