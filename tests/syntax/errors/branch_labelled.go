package p

func f() {
L1:
	if true {
		break L1
	}
L2:
	switch {
	case true:
		continue L2
	}
L3:
	{
		for {
			continue L3
		}
	}
L4:
	for {
		break L5
	}
	goto L4
	for {
		continue L6
	}
L7:
	select {
	default:
		break L7
	}
}
