// Control flow (docs/escape-ir.md §2.9): if/else, for, range over every
// kind of operand, switch (value, tagless, type switch), select, labels,
// branches, return.
package p

var sink any

type I interface{ M() }
type T struct{ a int }

func (T) M() {}

func ifs(x int, p *int) int {
	if x > 0 {
		sink = p
	} else if y := x * 2; y < 0 {
		return y
	} else {
		x++
	}
	return x
}

func loops(n int, s []*int, m map[string]*int, c chan *int, a [3]int, pa *[3]int, str string) {
	for i := 0; i < n; i++ {
		sink = i
	}
	for {
		break
	}
	for n > 0 {
		n--
	}
	for i, v := range s {
		_, _ = i, v
	}
	for k, v := range m {
		_, _ = k, v
	}
	for v := range c {
		_ = v
	}
	for i, v := range a {
		_, _ = i, v
	}
	for i := range pa {
		_ = i
	}
	for i, r := range str {
		_, _ = i, r
	}
	for i := range 10 {
		_ = i
	}
	for range s {
	}
	var k string
	var v *int
	for k, v = range m {
	}
	_, _ = k, v
}

func switches(x int, i any, e I) int {
	switch x {
	case 1, 2:
		return 1
	case 3:
		fallthrough
	case 4:
		x++
	default:
		x--
	}
	switch {
	case x > 1:
		return 2
	}
	switch y := x + 1; y {
	case x:
		return y
	}
	switch v := i.(type) {
	case int:
		return v
	case *int, string:
		sink = v
	case nil:
		return 0
	case I:
		v.M()
	default:
		sink = v
	}
	switch i.(type) {
	case T:
	}
	switch e.(type) {
	case T:
		return 9
	}
	switch i {
	case 1, "a":
	}
	return x
}

func selects(c chan int, d chan *int, p *int) {
	select {
	case v := <-c:
		_ = v
	case v, ok := <-c:
		_, _ = v, ok
	case <-c:
	case d <- p:
	case sink = <-d:
	default:
	}
	var x int
	var ok bool
	select {
	case x, ok = <-c:
	}
	_, _ = x, ok
}

func labels(n int) (r int) {
outer:
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if j == 2 {
				continue outer
			}
			if j == 3 {
				break outer
			}
		}
	}
	goto end
end:
	r = n
	return
}
