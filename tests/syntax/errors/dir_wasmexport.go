package p

//go:wasmexport a b
func f() {}
