package p

func f() {
	select x {
	}
	select {
	foo
	case <-c:
	}
	select {
	case x := <-c, y := <-d:
	}
	select {
	case
	}
}
