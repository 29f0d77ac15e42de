package p

func f() {
	//go:embed x
	x := 1
	_ = x
}
