// escape test: -l -m=2

// Shape types get method wrappers too (reader.needWrapper for the types
// an instantiation reads): promoted methods of a shape struct's embedded
// fields, named after the shape ((*struct { p.node = p.node[int]; ... }).get).
package p

type node[K any] struct{ k K }

func (n *node[K]) get() *node[K] { return n }

type Inner struct{ p *int }

func (i *Inner) Ptr() *int { return i.p }

type entry[K any] struct {
	node[K]
	v K
}

type withInner struct {
	Inner
	n int
}

var sink any

func Keep[T any](x T) { sink = &x }

func use() {
	Keep(entry[int]{})
	Keep(withInner{})
}
