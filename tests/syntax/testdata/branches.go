// Label and branch errors (compared with gc's by refdump.sh).

package branches

func f(x int) {
	break
	continue
	fallthrough
	goto L0
	goto missing
	{
	L0:
	}
L1:
	x++
L1:
	x--
L2:
	for {
		break L1
		continue L1
		break L3
		continue L3
		break L2
	}
L3:
	if x > 0 {
		break L3
	}
L4:
	switch x {
	case 1:
		continue L4
		break L4
	case 2:
		fallthrough
	case 3:
		if x > 1 {
			fallthrough
		}
		fallthrough
		x++
	case 4:
		fallthrough
		;
	case 5:
		fallthrough
	}
	switch y := interface{}(x).(type) {
	case int:
		fallthrough
	case string:
		_ = y
	}
	goto L5
	var z int
	_ = z
L5:
	goto L6
	w := 1
	_ = w
	{
	L6:
	}
L7:
	select {
	default:
		break L7
		continue L7
	}
	for {
		switch {
		case true:
			continue
		}
		select {
		default:
			break
		}
	}
	goto L8
	a, b := 1, 2
	_, _ = a, b
	var (
		c int
		d = 1
	)
	_, _ = c, d
L8:
	_ = 0
}

func g() {
L:
	func() {
		goto L
		break L
	}()
	L:
}

func h() {
	goto L
	{
		var x int
		_ = x
	}
L:
	goto M
	if true {
	M:
	}
	_:
	for {
		break _
	}
}

func i() {
//line other.go:100:3
L:
//line other.go:200
L:
	goto L
	x := 1
	_ = x
	goto K
	y := 2
	_ = y
K:
}
