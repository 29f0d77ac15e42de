package p

var sink any

type T struct{ x int }

func (t *T) M() {}

func both(m map[string]int) {
	for k, v := range m {
		sink = &k
		sink = &v
	}
}

func multi() {
	for i, j := 0, 10; i < j; i, j = i+1, j-1 {
		sink = &j
	}
}

func nocondpost() {
	for i := 0; ; {
		sink = &i
		break
	}
	for i := 0; i < 3; {
		sink = &i
		i++
	}
	for i := 0; ; i++ {
		if i > 3 {
			break
		}
		sink = &i
	}
}

func conts() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue
			}
			if j == 2 {
				continue outer
			}
		}
		if i == 1 {
			continue
		}
		switch i {
		case 2:
			continue
		}
		go func() { println(i) }()
	}
}

func ret(s []int) *int {
	for _, v := range s {
		if v > 0 {
			return &v
		}
	}
	for i := 0; i < 3; i++ {
		return &i
	}
	return nil
}

func method(s []T) {
	for _, t := range s {
		t.M()
	}
	for i, t := 0, (T{}); i < 2; i++ {
		t.M()
	}
}

func closures(s []int) {
	for i, v := range s {
		f := func() int { return i + v }
		sink = f
	}
	for i := range 10 {
		defer func() { println(i) }()
	}
	g := func() {
		for i := 0; i < 2; i++ {
			sink = &i
		}
	}
	g()
}

func arrays(a [3]int) {
	for i := range a {
		sink = &i
	}
	for i, x := range &a {
		sink = &x
		_ = i
	}
}
