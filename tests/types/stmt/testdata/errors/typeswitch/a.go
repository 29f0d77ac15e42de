package typeswitch

func f(i interface{}) {
	switch y := i.(type) {
	}
	switch _ := i.(type) {
	}
	var nil int
	switch i.(type) {
	case nil:
	}
	switch z := i.(type) {
	case int, string:
		z = 1
	}
}

func g() int {
	for {
		select {
		default:
			break
		}
	}
}

func h[T any](x T) {
	switch x.(type) {
	}
	var c chan<- int
	select {
	case v := <-c:
	}
	_ = c
}
