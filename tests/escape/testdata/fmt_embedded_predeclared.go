// escape test: -l -m

// Link strings of struct types with embedded fields (type arguments in
// instance names): a field embedding a predeclared type is written with
// its package-qualified name, "p.int = int", because gc compares the
// field's symbol with the type's and the predeclared types' are in the
// builtin package; an embedded alias is written "A = int".
package p

import "io"

type L struct{}
type A = int

type T[X any] struct{ x X }

func F1() any { return T[struct{ int }]{} }
func F2() any { return T[struct{ io.Reader }]{} }
func F3() any { return T[struct{ L }]{} }
func F4() any { return T[struct{ *L }]{} }
func F5() any { return T[struct{ A }]{} }
func F6() any { return T[struct{ any }]{} }
func F7() any { return T[struct{ error }]{} }
