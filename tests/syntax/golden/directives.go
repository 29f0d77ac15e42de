//go:build go1.22 && linux

// Compiler directives in the places gc accepts them, //line directives
// in both forms and //go:build (which sets the file's goversion).
package directives

import "unsafe"

//go:noinline
func noinline() {}

//go:nosplit
//go:norace
//go:nocheckptr
func several() {}

//go:noescape
func noescape(p *int)

//go:linkname localname runtime.name
var localname int

//go:uintptrescapes
func uintptrescapes(uintptr)

type T struct{}

//go:notinheap
type U struct{}

// An ordinary comment mentioning //go:noinline is not a directive.
func plain() {}

//line other.go:100
func fromLine100() {}

//line :200
func sameFileLine200() {}

//line dir/file.go:10:5
func withColumn() {}

//line C:\windows\path.go:7
func windowsPath() {}

//line nocolon
func notADirective() {}

func blockLine() {
	x := /*line inline.go:50:20*/ 1
	_ = x
	/*line inline.go:60*/ y := 2
	_ = y
}

//line directives.go:80
func backHome() { _ = unsafe.Sizeof(0) }
