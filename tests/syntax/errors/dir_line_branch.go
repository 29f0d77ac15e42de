package p

//line a.go:10
func f() {
	goto L
	x := 1
	_ = x
//line b.go:20:5
L:
}
