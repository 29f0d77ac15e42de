package p

func f(x interface{}) {
	fallthrough
	switch {
	case true:
		fallthrough
	}
	switch {
	case true:
		if true {
			fallthrough
		}
	case false:
	}
	switch x.(type) {
	case int:
		fallthrough
	case string:
	}
	select {
	default:
		fallthrough
	}
	for {
		fallthrough
	}
	switch {
	case true:
		fallthrough
		x = 1
	case false:
	}
	switch {
	default:
		{
			fallthrough
		}
	case true:
	}
	switch {
	case true:
	L:
		fallthrough
	case false:
		goto L
	}
}
