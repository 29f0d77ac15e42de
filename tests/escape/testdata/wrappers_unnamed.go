// escape test: -l -m=2

// Unnamed types read by the package get method wrappers too, named by
// their link strings: (*struct { io.Writer }).Write for a struct with an
// embedded field, interface { M(*int) }.M for an interface literal.
package p

import "io"

var sink any

func wrap(w io.Writer) {
	sink = &struct{ io.Writer }{w}
}

func lit(x any) {
	if m, ok := x.(interface{ M(*int) *int }); ok {
		sink = m
	}
}
