package p

func f() {
	x, y
	a b
	x, y := 
	x := 1 +
	x.1
	x[]
	x++ ++
	1 := x
	x <- 
	x op= 1
	f(
}
