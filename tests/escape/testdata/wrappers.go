// escape test: -l -m=2

// Method wrappers (noder.MakeWrappers): (*T).M for value methods, T.M and
// (*T).M for promoted methods (a tail call for promoted pointer methods),
// I.M for interface methods; their parameter flows print at -m=2.

package p

import "io"

type B struct{ p *int }

func (b B) Get() *int { return b.p }
func (b *B) Set(p *int) { b.p = p }

type A struct {
	B
	x int
}

func (a A) Own(q *int) *int { return q }

type I interface {
	M(p *int) *int
	io.Reader
}

type C struct {
	*B
	io.Reader
}

func use(a A, c C) *int { return a.Get() }

var f = A.Own

type R struct{ b []byte }

func (r R) Two() ([]byte, error) { return r.b, nil }

type V struct{ R }

func (r R) Args(a, b *int, _ *int, rest ...*int) *int { return rest[0] }
