// escape test: -l -m=2

// In shaped code, an instance with a shaped type argument is itself
// shaped, all its type arguments shapified (box[node[go.shape.string]]
// is box[go.shape.struct { p.isEntry bool }]), and so are the instances
// in a shape struct's fields, except the instance being read itself
// (entry's own field keeps p.box[p.entry[go.shape.string]]).
package p

type box[T any] struct{ v *T }

type node[K comparable] struct{ isEntry bool }

type entry[K comparable] struct {
	overflow box[entry[K]]
	key      K
}

type indirect[K comparable] struct {
	children [4]box[node[K]]
	parent   *indirect[K]
}

var sink any

func alloc[K comparable](k K) {
	sink = &box[node[K]]{}
	sink = &box[indirect[K]]{}
	sink = &box[entry[K]]{}
	e := &entry[K]{key: k}
	sink = e.overflow
}

func use() { alloc("a") }
