package p

func f() {
L1:
	)
L2:
}

func g() {
L3: L4: L5:
}
