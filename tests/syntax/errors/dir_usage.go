package p

import _ "unsafe"

//go:linkname
func a()

//go:linkname x y z
func b()

//go:wasmimport onlyone
func c()

//go:wasmexport
func d()

//go:wasmimport a b c
func e()

//go:embed
var f string

//go:embed "unterminated
var g string

//go:embed `unterminated
var h string

//go:embed "bad\q"
var i string
