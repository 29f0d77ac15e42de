package p

func f() {
	for i := 0; i < 10; j := 1 {
	}
	for i := 0; {
	}
	for var i = 0; i < 1; i++ {
	}
	for i := 0; i < 1; i++; {
	}
	for x < 1 y {
	}
	for i := range {
	}
	for range x, y {
	}
	for i = 0; range x {
	}
	for a, b, c := range x {
	}
	for x := 1; x; x = 2; {
	}
}
