package suspended

import "unsafe"

func f(a, b []int, ch chan int, m map[int]int) {
	go println()
	defer close(ch)
	go copy(a, b)
	go new(int)
	defer unsafe.Sizeof(a)
	defer delete(m, 1)
	go append(a, 1)
	go (func() {})()
	defer (close)(ch)
	go len
	append
	unsafe.Sizeof
	(println)
	<-ch
	(<-ch)
	x := 1
	x
	for i := range 10 {
		_ = i
	}
	for range f {
	}
	switch ch {
	case nil:
	}
	switch f {
	case nil:
	}
	type S struct{ f func() }
	var s S
	switch s {
	}
	var fs [2]func()
	switch fs {
	}
	var ip *int
	switch ip {
	case nil, nil:
	}
	switch 1.5 {
	case 1.5, 1.50, 3/2.0:
	}
	switch "a" {
	case "a", "b", "a":
	}
	var e interface{}
	switch e {
	case 1, 1.0, int8(1), int8(1), "x", "x", uint64(1<<63), uint64(1<<63), 1+2i, 1+2i:
	}
	switch x := 5; {
	case x > 1, x > 1:
	}
}
