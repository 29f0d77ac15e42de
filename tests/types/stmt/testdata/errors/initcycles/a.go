package initcycles

var a = f()

func f() int { return b }

var b = a

var c = c2()

func c2() int { return c }

var d = func() int { return d }()

type T struct{}

func (T) m() int { return e }

var e = T{}.m()

var g1, g2 = h()

func h() (int, int) { return g2, 1 }

var k1 = k2
var k2 = k3
var k3 = k1 + len(k4)

var k4 = [3]int{}

func closures() {
	x := 1
	f := func() {
		y := 2
		z := 3
		_ = z
	}
	f()
	switch t := interface{}(x).(type) {
	case int:
		func() { _ = t }()
	}
	switch t := interface{}(x).(type) {
	case int:
		_ = func() { u := 1 }
	}
}

func ranges() {
	var m map[string]int
	var s string
	var i int
	for i = range s {
	}
	for s = range m {
	}
	for i, s = range m {
	}
	var f float64
	for f = range 10 {
	}
	var ptr *int
	for range ptr {
	}
	var ii interface{}
	for range ii {
	}
	for x := range func(yield func(int, int, int) bool) {} {
	}
	for x := range func(yield func(int) int) {} {
	}
	type B bool
	for x := range func(yield func(int) B) {} {
	}
	for x := range func(yield int) {} {
	}
	for x := range func(yield func(int) bool) int { return 0 } {
	}
	_ = i
}

func gen[T ~[]int | ~[]string, C chan int | <-chan int, D chan<- int | <-chan int, E chan int | chan string, P any](t T, c C, d D, e E, p P) {
	for range t {
	}
	for range c {
	}
	for range d {
	}
	for range e {
	}
	for range p {
	}
}
