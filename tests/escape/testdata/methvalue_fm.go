// escape test: -l -m=2

// Method values make T.M-fm wrappers (noder.wrapMethodValue): the
// receiver in the hidden parameter .this, the method's parameters with
// their names and positions; interface, pointer, value and imported
// receivers, results returned (several through temporaries).
package p

import (
	"io"
	"strings"
	"sync/atomic"
)

type T struct{ a, b *int }

var sink any

func (t *T) M(p *int) *int         { t.a = t.b; return p }
func (t T) V(q *int) (*int, error) { return q, nil }
func (t *T) N(*int, []byte)        {}

type I interface{ M(*int) *int }

func mv(t *T, i I, r *strings.Reader) {
	sink = t.M
	sink = T{}.V
	sink = t.V
	sink = t.N
	sink = i.M
	sink = r.WriteTo
	sink = io.Writer.Write
	g := i.M
	sink = g
}

type B struct{ x *int }

func (b *B) Get() *int { return b.x }

var ap atomic.Pointer[B]

func inst() {
	sink = ap.Load
	sink = ap.Store
}
