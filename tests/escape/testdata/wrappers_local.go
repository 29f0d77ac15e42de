// escape test: -l -m=2

// Function-local types get method wrappers too, named T·N (N: 1 + the
// local type declarations before it in the package).
package p

type Inner struct{ p *int }

func (i *Inner) Ptr() *int { return i.p }

var sink any

func f() {
	type first struct{ n int }
	type local struct {
		*Inner
		n int
	}
	sink = local{}
	sink = first{}
}

func g(q *int) {
	type other struct{ Inner }
	sink = &other{Inner{q}}
}
