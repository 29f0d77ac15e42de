package terminating

func t1(x int) int {
L:
	for {
		switch x {
		case 1:
			break L
		}
	}
}

func t2(x int) int {
	for {
		switch x {
		case 1:
			break
		}
	}
}

func t3(x int) int {
	switch x {
	case 1:
		return 1
	case 2:
		fallthrough
	default:
		return 2
	}
}

func t4(x int) int {
	switch x {
	case 1:
		return 1
	}
}

func t5(c chan int) int {
	select {
	case <-c:
		return 1
	default:
		panic(1)
	}
}

func t6(c chan int) int {
	select {
	case <-c:
		break
	default:
		panic(1)
	}
}

func t7() int {
	goto L
L:
	return 1
}

func t8() int {
L:
	goto L
}

func t9(b bool) int {
	if b {
		return 1
	}
}

func t10() int {
	{
		return 1
	}
	;
}

func t11() int {
	for {
		func() {
			return
		}()
	}
}

func t12(x interface{}) int {
	switch x.(type) {
	case int:
		return 1
	default:
		for {
		}
	}
}

func t13(x int) int {
L:
	switch x {
	default:
		for {
			break L
		}
	}
}

func t14(x int) int {
	for x > 0 {
		return 1
	}
}

func t15() int {
	panic := func(int) {}
	panic(1)
}

func t16() int {
	L: for { if true { break L } }
}

func t17() int {
	select {}
}

func t18() (r int) {
	defer func() { recover() }()
	panic("x")
}

func t19() int {
	((panic))(1)
}
