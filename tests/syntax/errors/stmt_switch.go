package p

func f() {
	switch x {
	foo
	case 1:
	}
	switch x
	{
	}
	switch x := 1 {
	}
	switch var x = 1; x {
	}
	switch x = y.(type) {
	}
	switch a, b := x.(type) {
	}
	switch x {
	case 1
	}
	switch {
	default;
	}
}
