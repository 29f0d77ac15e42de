// escape test: -l -m=2

// Wrappers of methods promoted from another package's embedded type:
// an unexported method's wrapper is named with its package's path
// (ir.MethodSym: T.text/template/parse.newIf).
package p

import "text/template/parse"

type T struct {
	*parse.Tree
	n int
}
