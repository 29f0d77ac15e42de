package p

func f() {
	//go:noinline
}

//go:nosplit
var x = func() int {
	//go:norace
	return 1
}
