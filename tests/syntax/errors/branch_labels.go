package p

func f() {
L:
	for {
	}
L:
	for {
		break L
	}
M:
	x := 1
	_ = x
	goto N
}

func g() {
	for {
		continue M
	}
}
