package p

func f() {
	if {
	}
	if x; {
	}
	if x := 1 {
	}
	if x = 1 {
	}
	if x == 1 && y = 2 {
	}
	if x {
	} else for {
	}
	if x
	{
	}
	if x; y; z {
	}
	if var x = 1; x > 0 {
	}
	if x++ {
	}
	if a, b := 1, 2 {
	}
	if x = y + z {
	}
}
