package linedir

//line other.go:10
func f() {
	x := 1
	_ = x
}

/*line other2.go:20:5*/ func g() { _ = 1 }

//line :30:1
func h() {
	/*line x.go:7:3*/ y, z := 1, 2
	_, _ = y, z
}

//line nocol.go:40
var v = []int{
	1,
	2,
}

func i() {
//line b.go:100
L:
	for {
		break L
	}
}
