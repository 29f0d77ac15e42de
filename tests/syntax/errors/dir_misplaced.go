package p

func f() {
	//go:noinline
	x := 1
	_ = x
	//go:nosplit
}

func g() {
	//go:embed foo.txt
	var s string
	_ = s
}

//go:noinline
type T int

//go:norace
import "fmt"
