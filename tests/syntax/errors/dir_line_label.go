package p

func f() {
L:
	for {
	}
//line moved.go:50
L:
	for {
		break L
	}
}
