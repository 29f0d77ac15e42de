package p

func f() {
	goto L1
	x := 1
	_ = x
L1:
	goto L2
	{
	L2:
	}
	goto L3
	for {
	L3:
	}
	goto L4
	var y, z int
	_, _ = y, z
L4:
	goto L5
	if true {
	} else {
	L5:
	}
	goto L6
	switch {
	case true:
	L6:
	}
}

func g() {
L:
	{
		goto L
	}
	goto M
	type T int
M:
}

func h() {
	goto A
	const c = 1
A:
	goto B
	var (
		d = 1
	)
B:
	_ = d
}
