package exprstmt

import "fmt"

type T struct{ a int }

func f1(a, b int, ch chan<- int, rch <-chan int, s []int) int {
	a + b
	len(s)
	fmt.Println
	int
	T{}
	a++
	var str string
	str++
	a, b = a+1, b+2
	x, y := 1, 2
	_, _ = x, y
	go fmt.Sprint("x")
	defer int(1)
	go a
	defer len(s)
	defer recover()
	rch <- 1
	for range ch {
	}
	for i, j, k := range s {
	}
	for i := range 10.5 {
	}
	for _, v := range 10 {
	}
	var unused int
	var u1, u2 = 1, 2
	_ = u2
	switch a {
	case 1:
	case 1:
	case "x":
	}
	switch x := interface{}(a).(type) {
	case int:
	}
	switch a.(type) {
	}
	switch interface{}(a).(type) {
	case int, int:
	case nil:
	case nil:
	}
	if a {
	}
	for a {
	}
	select {
	case a > 0:
	}
	switch s {
	}

}

func f2() int {
	for {
		break
	}
}

func f3() (x int) {
	{
		x := 2
		_ = x
		return
	}
}

func f4() int {
	for range 3 {
		return 1
	}
}

func f5(f func() int) {
	for _ = range f {
	}
	for x := range f1 {
	}
}

func f6() {
	_ := 1
	for _ := range 3 {
	}
}
