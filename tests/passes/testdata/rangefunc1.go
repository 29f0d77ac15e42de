package p

type Seq func(func(int) bool)
type Seq2 func(func(int, string) bool)

func seq(n int) Seq {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func seq2(n int) Seq2 {
	return func(yield func(int, string) bool) {
		for i := 0; i < n; i++ {
			if !yield(i, "x") {
				return
			}
		}
	}
}

var sink any

func simple() int {
	s := 0
	for x := range seq(3) {
		s += x
		if x > 1 {
			break
		}
		if x == 0 {
			continue
		}
	}
	return s
}

func results() (int, error) {
	for x := range seq(3) {
		if x > 1 {
			return x, nil
		}
		defer println(x)
	}
	return 0, nil
}

func named() (r int, err error) {
	for x, s := range seq2(3) {
		if x > 1 {
			return x, nil
		}
		_ = s
	}
	return
}

func assign() (int, string) {
	var a int
	var b string
	for a, b = range seq2(3) {
		sink = &a
	}
	for a = range seq2(2) {
	}
	for range seq(2) {
	}
	for _, b = range seq2(1) {
	}
	return a, b
}

func nested() int {
	n := 0
outer:
	for x := range seq(3) {
		for y := range seq(3) {
			if y == 1 {
				continue outer
			}
			if y == 2 {
				break outer
			}
			if x == 2 {
				return y
			}
			n += x * y
		}
	}
	return n
}

func gotos() {
top:
	for x := range seq(3) {
		for y := range seq2(2) {
			if x == y {
				goto top
			}
			if y == 3 {
				goto done
			}
		}
	}
done:
	println()
}

func plainLoops() {
L:
	for i := 0; i < 3; i++ {
		for x := range seq(3) {
			switch x {
			case 1:
				break
			case 2:
				continue L
			case 3:
				break L
			}
			for j := 0; j < 2; j++ {
				if j == x {
					break
				}
				continue
			}
		}
	}
}

func closures() {
	f := func() int {
		for x := range seq(2) {
			return x
		}
		return -1
	}
	for x := range seq(2) {
		g := func() {
			for y := range seq(x) {
				sink = &y
			}
		}
		g()
	}
	_ = f
}

func selects(c chan int) {
	for x := range seq(2) {
		select {
		case c <- x:
			continue
		case <-c:
			break
		}
	}
}
