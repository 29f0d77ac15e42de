package p

func f() {
	return 1,
	var x int = 
	goto
	break 1
	continue "x"
	fallthrough x
	x := func() {
	return
}
